import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ManagedBooking } from "../../schemas/bookings";
import { ErrorBody } from "../../schemas/common";
import { LOST_LINK_PER_CLIENT } from "../../worker/routes/bookings";
import { LOST_LINK_MAILS_PER_ADDRESS } from "../../worker/services/booking/lost-link";
import { bookingBody, NOW, post, tokenOf } from "../helpers/bookings";
import { createOffice, type Office } from "../helpers/fixtures";

/*
 * "Link verloren?" (POST /api/bookings/lost-link): the manage links of an address's active bookings go
 * to it again in one mail with fresh, working links; an unknown address gets the very same answer and
 * no mail; a client and an address are limited.
 */

let client = 0;
/** A client of its own per test (the per-client window counts by address). */
const freshClient = () => ({ "CF-Connecting-IP": `203.0.113.${++client}` });

async function lostLinkMails(office: Office) {
  const { results } = await env.DB.prepare(
    "SELECT to_address, subject, text_body, html_body, booking_id FROM mail_outbox WHERE location_id = ?1 AND kind = 'manage_links' ORDER BY rowid",
  )
    .bind(office.id)
    .all<{ to_address: string; subject: string; text_body: string; html_body: string; booking_id: string | null }>();
  return results;
}

async function book(office: Office, body: Record<string, unknown>, path = "/api/bookings", now = NOW) {
  const res = await post(office, path, body, { now });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; manageUrl: string };
}

const requestBody = (overrides: Record<string, unknown>) => ({
  topic: "fragen", name: "Jonas Weber", preferredWeekdays: [1], preferredTimes: ["morning"], consent: true, ...overrides,
});

describe("POST /api/bookings/lost-link", () => {
  it("mails the address's active bookings, each with a new link that opens it; the old links keep working", async () => {
    const office = await createOffice();
    const email = `erika.${crypto.randomUUID().slice(0, 8)}@example.org`;
    const slot = await book(office, bookingBody({ email, locale: "de" }));
    const request = await book(office, requestBody({ email, locale: "tr" }), "/api/requests", new Date(NOW.getTime() + 60_000));
    const other = await book(office, bookingBody({ start: "2026-11-30T14:00:00+01:00" }));

    const headers = freshClient();
    const res = await post(office, "/api/bookings/lost-link", { email: email.toUpperCase() }, { headers });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: "accepted" });

    const mails = await lostLinkMails(office);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.to_address).toBe(email);
    expect(mail.booking_id).toBeNull();
    // The language of the newest booking (the request, in Turkish).
    expect(mail.subject).toContain("Randevularınızın bağlantıları");
    const links = [...mail.text_body.matchAll(/http:\/\/localhost\/manage#([A-Za-z0-9_-]+)/g)].map((m) => m[1]!);
    expect(links).toHaveLength(2);
    const opened = await Promise.all(
      links.map(async (token) => {
        const r = await office.request(`http://localhost/api/bookings/manage/${token}`, {}, NOW);
        expect(r.status).toBe(200);
        return ManagedBooking.parse(await r.json()).id;
      }),
    );
    expect(opened.sort()).toEqual([slot.id, request.id].sort());
    expect(opened).not.toContain(other.id);
    // New tokens: the links from the booking still work.
    expect(links).not.toContain(tokenOf(slot.manageUrl));
    expect((await office.request(`http://localhost/api/bookings/manage/${tokenOf(slot.manageUrl)}`, {}, NOW)).status).toBe(200);
    expect(mail.html_body).toContain(`href="http://localhost/manage#${links[0]}"`);
  });

  it("lists no cancelled or past booking", async () => {
    const office = await createOffice();
    const email = `old.${crypto.randomUUID().slice(0, 8)}@example.org`;
    const slot = await book(office, bookingBody({ email }));
    expect((await post(office, `/api/bookings/manage/${tokenOf(slot.manageUrl)}/cancel`, {})).status).toBe(200);
    await post(office, "/api/bookings/lost-link", { email }, { headers: freshClient() });
    expect(await lostLinkMails(office)).toHaveLength(0);
    await book(office, bookingBody({ email, start: "2026-11-30T15:00:00+01:00" }));
    // A week later that appointment is over.
    await post(office, "/api/bookings/lost-link", { email }, { headers: freshClient(), now: new Date("2026-12-08T07:00:00Z") });
    expect(await lostLinkMails(office)).toHaveLength(0);
    // While it is ahead, it is listed.
    await post(office, "/api/bookings/lost-link", { email }, { headers: freshClient() });
    expect(await lostLinkMails(office)).toHaveLength(1);
  });

  it("answers an unknown address exactly as a known one, and mails nothing", async () => {
    const office = await createOffice();
    const known = `known.${crypto.randomUUID().slice(0, 8)}@example.org`;
    await book(office, bookingBody({ email: known }));
    const a = await post(office, "/api/bookings/lost-link", { email: known }, { headers: freshClient() });
    const b = await post(office, "/api/bookings/lost-link", { email: "nobody@example.org" }, { headers: freshClient() });
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(await b.text()).toBe(await a.text());
    expect([...b.headers.keys()].sort()).toEqual([...a.headers.keys()].sort());
    const mails = await lostLinkMails(office);
    expect(mails.map((m) => m.to_address)).toEqual([known]);
  });

  it("refuses a malformed address naming the field, and mails nothing", async () => {
    const office = await createOffice();
    const res = await post(office, "/api/bookings/lost-link", { email: "not-an-address" }, { headers: freshClient() });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe("email");
  });

  it(`mails one address at most ${LOST_LINK_MAILS_PER_ADDRESS} times an hour, still answering the same`, async () => {
    const office = await createOffice();
    const email = `many.${crypto.randomUUID().slice(0, 8)}@example.org`;
    await book(office, bookingBody({ email }));
    for (let i = 0; i < LOST_LINK_MAILS_PER_ADDRESS + 2; i++) {
      const res = await post(office, "/api/bookings/lost-link", { email }, { headers: freshClient() });
      expect(res.status).toBe(202);
    }
    expect(await lostLinkMails(office)).toHaveLength(LOST_LINK_MAILS_PER_ADDRESS);
    // The next hour, again.
    await post(office, "/api/bookings/lost-link", { email }, { headers: freshClient(), now: new Date(NOW.getTime() + 3600_000) });
    expect(await lostLinkMails(office)).toHaveLength(LOST_LINK_MAILS_PER_ADDRESS + 1);
  });

  it(`refuses a client's request number ${LOST_LINK_PER_CLIENT + 1} within the hour with 429`, async () => {
    const office = await createOffice();
    const headers = freshClient();
    for (let i = 0; i < LOST_LINK_PER_CLIENT; i++) {
      expect((await post(office, "/api/bookings/lost-link", { email: `x${i}@example.org` }, { headers })).status).toBe(202);
    }
    const res = await post(office, "/api/bookings/lost-link", { email: "y@example.org" }, { headers });
    expect(res.status).toBe(429);
    expect(res.headers.get("Retry-After")).toBeTruthy();
    expect((await post(office, "/api/bookings/lost-link", { email: "y@example.org" }, { headers: freshClient() })).status).toBe(202);
  });

  it("asks for Turnstile when the office has it on, like a booking: without a good token 400 naming the field, nothing sent", async () => {
    const office = await createOffice();
    const email = `t.${crypto.randomUUID().slice(0, 8)}@example.org`;
    const slot = await book(office, bookingBody({ email }));
    const tokens = async () =>
      (await env.DB.prepare("SELECT count(*) AS n FROM booking_tokens WHERE booking_id = ?1").bind(slot.id).first<{ n: number }>())!.n;
    const before = await tokens();
    const checked: string[] = [];
    const deps = { turnstile: async (token: string) => (checked.push(token), token === "good") };
    for (const body of [{ email }, { email, turnstileToken: "bad" }]) {
      const res = await post(office, "/api/bookings/lost-link", body, { headers: freshClient(), deps });
      expect(res.status).toBe(400);
      expect(ErrorBody.parse(await res.json()).error).toMatchObject({ code: "turnstile_failed", field: "turnstileToken" });
    }
    // Nothing sent, no new link made; the token was asked about only when there was one.
    expect(await lostLinkMails(office)).toEqual([]);
    expect(await tokens()).toBe(before);
    expect(checked).toEqual(["bad"]);

    const res = await post(office, "/api/bookings/lost-link", { email, turnstileToken: "good" }, { headers: freshClient(), deps });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: "accepted" });
    expect((await lostLinkMails(office)).map((m) => m.to_address)).toEqual([email]);
    expect(await tokens()).toBe(before + 1);
  });
});

describe("POST /api/requests with a phone number only", () => {
  it("takes it, mails nothing, and says so", async () => {
    const office = await createOffice();
    const res = await post(office, "/api/requests", requestBody({ phone: "0831 / 555 12" }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; mailed: boolean; manageUrl: string };
    expect(body.mailed).toBe(false);
    const row = await env.DB.prepare("SELECT email, phone FROM bookings WHERE id = ?1").bind(body.id).first();
    expect(row).toEqual({ email: null, phone: "0831 / 555 12" });
    const mails = await env.DB.prepare("SELECT count(*) AS n FROM mail_outbox WHERE booking_id = ?1").bind(body.id).first<{ n: number }>();
    expect(mails!.n).toBe(0);
    const managed = await office.request(`http://localhost/api/bookings/manage/${tokenOf(body.manageUrl)}`, {}, NOW);
    expect(managed.status).toBe(200);
  });

  it("an empty e-mail field with a phone number is the same", async () => {
    const office = await createOffice();
    const res = await post(office, "/api/requests", requestBody({ email: "", phone: "0831 555" }));
    expect(res.status).toBe(201);
  });

  it.each([{}, { email: "", phone: "" }, { email: "  " }])("%o: refused naming email, the message names the phone too", async (overrides) => {
    const office = await createOffice();
    const res = await post(office, "/api/requests", requestBody(overrides));
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; field: string; message: string } };
    expect(error).toMatchObject({ code: "invalid_request", field: "email" });
    expect(error.message).toMatch(/phone/);
  });

  it("with an address it mails the receipt as before", async () => {
    const office = await createOffice();
    const res = await post(office, "/api/requests", requestBody({ email: "j@example.org" }));
    expect(((await res.json()) as { mailed: boolean }).mailed).toBe(true);
  });
});
