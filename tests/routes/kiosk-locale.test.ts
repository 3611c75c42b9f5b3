import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BookingCreated } from "../../schemas/bookings";
import { CheckedIn, TicketView } from "../../schemas/kiosk";
import { bookingBody, post } from "../helpers/bookings";
import { createOffice, pairedDevice, type Office } from "../helpers/fixtures";

/*
 * A number keeps the language it was taken in at the kiosk (issue 12): stored with the ticket, returned
 * by the status API the visitor's phone reads, and put into the status link (`?lang=`) the QR code holds.
 */

// Monday 30 November 2026, 14:00 in Kempten: the office is open (13:00–17:30).
const OPEN = new Date("2026-11-30T13:00:00Z");

function kiosk(office: Office, token: string, now = OPEN) {
  return (path: string, body: unknown, headers: Record<string, string> = {}) =>
    post(office, path, body, { now, headers: { Authorization: `Bearer ${token}`, ...headers } });
}

async function storedLocale(id: { label: string }, office: Office): Promise<string | undefined> {
  const [prefix, number] = id.label.split(" ");
  const row = await env.DB.prepare("SELECT locale FROM queue_tickets WHERE location_id = ?1 AND prefix = ?2 AND number = ?3")
    .bind(office.id, prefix, Number(number))
    .first<{ locale: string }>();
  return row?.locale;
}

/** What the visitor's phone reads: `GET /api/status/:token`, the token from the link's `#`. */
async function statusOf(office: Office, statusUrl: string): Promise<TicketView> {
  const res = await office.request(`/api/status/${new URL(statusUrl).hash.slice(1)}`, {}, OPEN);
  expect(res.status).toBe(200);
  return TicketView.parse(await res.json());
}

describe("a walk-in number's language", () => {
  it("is German when the kiosk names none: stored, returned, and no ?lang= in the link", async () => {
    const office = await createOffice();
    const res = await kiosk(office, await pairedDevice(office, "kiosk"))("/api/kiosk/tickets", { topic: "fragen" });
    expect(res.status).toBe(201);
    const ticket = TicketView.parse(await res.json());
    expect(ticket.locale).toBe("de");
    expect(await storedLocale(ticket, office)).toBe("de");
    expect(ticket.statusUrl).toMatch(/^http:\/\/localhost\/status#[A-Za-z0-9_-]{43}$/);
    expect((await statusOf(office, ticket.statusUrl)).locale).toBe("de");
  });

  it.each(["uk", "ar", "tr", "ru", "en"] as const)("is kept when taken in %s: stored, in the link's ?lang=, and in the status answer", async (locale) => {
    const office = await createOffice();
    const res = await kiosk(office, await pairedDevice(office, "kiosk"))("/api/kiosk/tickets", { topic: "fragen", locale });
    expect(res.status).toBe(201);
    const ticket = TicketView.parse(await res.json());
    expect(ticket.locale).toBe(locale);
    expect(await storedLocale(ticket, office)).toBe(locale);
    const url = new URL(ticket.statusUrl);
    expect(url.pathname).toBe("/status");
    expect(url.searchParams.get("lang")).toBe(locale);
    expect(url.hash).toMatch(/^#[A-Za-z0-9_-]{43}$/);
    const status = await statusOf(office, ticket.statusUrl);
    expect(status).toMatchObject({ label: ticket.label, locale });
    // The status page's own link (a fresh one for the phone) keeps the language too.
    expect(new URL(status.statusUrl).searchParams.get("lang")).toBe(locale);
  });

  it.each([["fr"], ["UK"], [""], [7], [null]])("refuses the language %j with 400 naming `locale`, and issues no number", async (locale) => {
    const office = await createOffice();
    const res = await kiosk(office, await pairedDevice(office, "kiosk"))("/api/kiosk/tickets", { topic: "fragen", locale });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; field?: string } };
    expect(body.error).toMatchObject({ code: "invalid_request", field: "locale" });
    const count = await env.DB.prepare("SELECT count(*) AS n FROM queue_tickets WHERE location_id = ?1").bind(office.id).first<{ n: number }>();
    expect(count!.n).toBe(0);
  });

  it("a replayed tap (same Idempotency-Key) answers with the first number and its language", async () => {
    const office = await createOffice();
    const take = kiosk(office, await pairedDevice(office, "kiosk"));
    const headers = { "Idempotency-Key": crypto.randomUUID() };
    const first = TicketView.parse(await (await take("/api/kiosk/tickets", { topic: "fragen", locale: "uk" }, headers)).json());
    const again = await take("/api/kiosk/tickets", { topic: "fragen", locale: "uk" }, headers);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    const replayed = TicketView.parse(await again.json());
    expect(replayed).toMatchObject({ label: first.label, locale: "uk" });
    expect(new URL(replayed.statusUrl).searchParams.get("lang")).toBe("uk");
  });
});

describe("a check-in's number", () => {
  it("takes the language on show at the tablet, not the booking's", async () => {
    const office = await createOffice();
    const booking = BookingCreated.parse(
      await (await post(office, "/api/bookings", bookingBody({ start: "2026-11-30T14:00:00+01:00" }), { now: new Date("2026-11-24T07:00:00Z") })).json(),
    );
    const res = await kiosk(office, await pairedDevice(office, "kiosk"), new Date("2026-11-30T12:40:00Z"))("/api/kiosk/checkin", { code: booking.code, locale: "ar" });
    expect(res.status).toBe(201);
    const checkedIn = CheckedIn.parse(await res.json());
    expect(checkedIn).toMatchObject({ label: "T 1", locale: "ar" });
    expect(await storedLocale(checkedIn, office)).toBe("ar");
    expect(new URL(checkedIn.statusUrl).searchParams.get("lang")).toBe("ar");
    expect((await statusOf(office, checkedIn.statusUrl)).locale).toBe("ar");
  });

  it("refuses a language the residents' pages do not speak, with 400 naming `locale`, and checks nobody in", async () => {
    const office = await createOffice();
    const booking = BookingCreated.parse(
      await (await post(office, "/api/bookings", bookingBody({ start: "2026-11-30T14:00:00+01:00" }), { now: new Date("2026-11-24T07:00:00Z") })).json(),
    );
    const res = await kiosk(office, await pairedDevice(office, "kiosk"), new Date("2026-11-30T12:40:00Z"))("/api/kiosk/checkin", { code: booking.code, locale: "es" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field?: string } }).error.field).toBe("locale");
    expect(await env.DB.prepare("SELECT status FROM bookings WHERE id = ?1").bind(booking.id).first()).toEqual({ status: "confirmed" });
  });
});
