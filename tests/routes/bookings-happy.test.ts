import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BookingCreated, ManagedBooking, RequestCreated } from "../../schemas/bookings";
import { SlotsResponse } from "../../schemas/slots";
import { sha256Hex } from "../../worker/random";
import { bookingBody, countRows, mailsOf, NOW, post, tokenOf } from "../helpers/bookings";
import { createOffice, type Office } from "../helpers/fixtures";

async function slotStarts(office: Office, date: string, topic?: string): Promise<string[]> {
  const res = await office.request(`/api/slots?from=${date}&to=${date}${topic ? `&topic=${topic}` : ""}`, {}, NOW);
  return SlotsResponse.parse(await res.json()).days[0]!.slots.map((s) => s.start.slice(11, 16));
}

describe("POST /api/bookings", () => {
  it("books a slot: 201, the booking, its seat, a hashed token, its history and its mails", async () => {
    const office = await createOffice();
    const res = await post(office, "/api/bookings", bookingBody());
    expect(res.status).toBe(201);
    const created = BookingCreated.parse(await res.json());
    expect(created).toMatchObject({
      status: "confirmed",
      start: "2026-11-30T13:00:00+01:00",
      end: "2026-11-30T13:30:00+01:00",
      topic: "fragen",
    });
    expect(created.code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY3469]{6}$/);
    expect(created.manageUrl).toMatch(/^http:\/\/localhost\/manage#[A-Za-z0-9_-]{43}$/);

    const token = tokenOf(created.manageUrl);
    const stored = await env.DB.prepare("SELECT token_hash FROM booking_tokens WHERE booking_id = ?1").bind(created.id).all();
    expect(stored.results).toEqual([{ token_hash: await sha256Hex(token) }]);
    const seats = await env.DB.prepare("SELECT unit_start_at, seat FROM booking_seats WHERE booking_id = ?1 ORDER BY 1").bind(created.id).all();
    expect(seats.results).toEqual(
      ["00", "05", "10", "15", "20", "25"].map((m) => ({ unit_start_at: `2026-11-30T12:${m}:00.000Z`, seat: 1 })),
    );
    const events = await env.DB.prepare("SELECT sequence, status, actor FROM booking_events WHERE booking_id = ?1").bind(created.id).all();
    expect(events.results).toEqual([{ sequence: 0, status: "confirmed", actor: "resident" }]);

    const mails = await mailsOf(created.id);
    expect(mails.map((m) => [m.kind, m.status, m.ics_method])).toEqual([
      ["booking_confirmed", "captured", "REQUEST"],
      ["booking_reminder", "captured", null],
    ]);
    expect(mails[0]!.ics).toContain("METHOD:REQUEST");
    // The reminder waits for 17:00 the day before (Sunday 29 November, CET).
    expect(mails[1]!.next_attempt_at).toBe("2026-11-29T16:00:00.000Z");
    expect(await slotStarts(office, "2026-11-30")).not.toContain("13:00");
  });

  it("holds both half hours for a 60-minute topic", async () => {
    const office = await createOffice();
    const res = await post(office, "/api/bookings", bookingBody({ topic: "kompetenzanalyse", start: "2026-11-30T14:00:00+01:00" }));
    const created = BookingCreated.parse(await res.json());
    expect(created.end).toBe("2026-11-30T15:00:00+01:00");
    const seats = await env.DB.prepare("SELECT unit_start_at FROM booking_seats WHERE booking_id = ?1 ORDER BY 1").bind(created.id).all();
    expect(seats.results).toHaveLength(12);
    expect([seats.results[0]!.unit_start_at, seats.results[11]!.unit_start_at]).toEqual(["2026-11-30T13:00:00.000Z", "2026-11-30T13:55:00.000Z"]);
    expect(await slotStarts(office, "2026-11-30")).toEqual(["13:00", "13:30", "15:00", "15:30", "16:00", "16:30", "17:00"]);
  });

  it("replays the same booking for the same Idempotency-Key, with a link that works", async () => {
    const office = await createOffice();
    const body = bookingBody();
    const headers = { "Idempotency-Key": crypto.randomUUID() };
    const first = BookingCreated.parse(await (await post(office, "/api/bookings", body, { headers })).json());
    const again = await post(office, "/api/bookings", body, { headers });
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    const replay = BookingCreated.parse(await again.json());
    expect({ ...replay, manageUrl: "" }).toEqual({ ...first, manageUrl: "" });
    for (const url of [first.manageUrl, replay.manageUrl]) {
      const res = await office.request(`/api/bookings/manage/${tokenOf(url)}`, {}, NOW);
      expect(ManagedBooking.parse(await res.json()).id).toBe(first.id);
    }
    expect(await countRows(office)).toMatchObject({ bookings: 1, seats: 6, mails: 2, tokens: 2 });
  });
});

describe("the manage link", () => {
  async function booked(office: Office, overrides = {}) {
    const created = BookingCreated.parse(await (await post(office, "/api/bookings", bookingBody(overrides))).json());
    return { created, token: tokenOf(created.manageUrl) };
  }

  it("shows the booking to its holder", async () => {
    const office = await createOffice();
    const { created, token } = await booked(office, { name: "Ayşe Yılmaz", locale: "en" });
    const res = await office.request(`/api/bookings/manage/${token}`, {}, NOW);
    expect(res.status).toBe(200);
    expect(ManagedBooking.parse(await res.json())).toMatchObject({
      id: created.id,
      kind: "slot",
      status: "confirmed",
      code: created.code,
      start: "2026-11-30T13:00:00+01:00",
      name: "Ayşe Yılmaz",
      locale: "en",
      canCancel: true,
      canReschedule: true,
      inviteUrl: `/api/bookings/manage/${token}/invite.ics`,
      office: { slug: office.slug, street: "Anton-Fehr-Str. 6", timezone: "Europe/Berlin" },
    });
  });

  it("cancels: frees the seat, sends METHOD:CANCEL with a higher SEQUENCE, and a second cancel is harmless", async () => {
    const office = await createOffice();
    const { created, token } = await booked(office);
    const res = await post(office, `/api/bookings/manage/${token}/cancel`, {});
    expect(res.status).toBe(200);
    expect(ManagedBooking.parse(await res.json())).toMatchObject({ status: "cancelled", canCancel: false, canReschedule: false });
    expect(await slotStarts(office, "2026-11-30")).toContain("13:00");

    const again = await post(office, `/api/bookings/manage/${token}/cancel`, {});
    expect(again.status).toBe(200);
    const mails = await mailsOf(created.id);
    expect(mails.map((m) => [m.kind, m.status])).toEqual([
      ["booking_confirmed", "captured"],
      ["booking_reminder", "cancelled"],
      ["booking_cancelled", "captured"],
    ]);
    expect(mails[2]!.ics).toContain("METHOD:CANCEL");
    expect(mails[2]!.ics).toContain("SEQUENCE:1");
    expect(mails[2]!.ics).toContain("STATUS:CANCELLED");
  });

  it("withdraws a reminder a sender holds at the moment of the cancel", async () => {
    const office = await createOffice();
    const { created, token } = await booked(office);
    await env.DB.prepare("UPDATE mail_outbox SET status = 'sending' WHERE booking_id = ?1 AND kind = 'booking_reminder'").bind(created.id).run();
    await post(office, `/api/bookings/manage/${token}/cancel`, {});
    const reminder = (await mailsOf(created.id)).find((m) => m.kind === "booking_reminder");
    expect(reminder?.status).toBe("cancelled");
  });

  it("moves the booking: the old seat is free, the new one taken, one update invite and a new reminder", async () => {
    const office = await createOffice();
    const { created, token } = await booked(office);
    const res = await post(office, `/api/bookings/manage/${token}/reschedule`, { start: "2026-12-02T10:00:00+01:00" });
    expect(res.status).toBe(200);
    expect(ManagedBooking.parse(await res.json())).toMatchObject({ start: "2026-12-02T10:00:00+01:00", end: "2026-12-02T10:30:00+01:00" });
    expect(await slotStarts(office, "2026-11-30")).toContain("13:00");
    expect(await slotStarts(office, "2026-12-02")).not.toContain("10:00");
    const seats = await env.DB.prepare("SELECT min(unit_start_at) AS first, count(*) AS n FROM booking_seats WHERE booking_id = ?1").bind(created.id).first();
    expect(seats).toEqual({ first: "2026-12-02T09:00:00.000Z", n: 6 });

    const mails = await mailsOf(created.id);
    expect(mails.map((m) => [m.kind, m.status])).toEqual([
      ["booking_confirmed", "captured"],
      ["booking_reminder", "cancelled"],
      ["booking_rescheduled", "captured"],
      ["booking_reminder", "captured"],
    ]);
    const update = mails.find((m) => m.kind === "booking_rescheduled")!;
    expect(update.ics).toContain("METHOD:REQUEST");
    expect(update.ics).toContain("SEQUENCE:1");
    expect(update.ics).toContain(`UID:${created.id}@`);
    expect(mails.find((m) => m.kind === "booking_reminder" && m.status === "captured")!.next_attempt_at).toBe(
      "2026-12-01T16:00:00.000Z",
    );
  });

  it("moves a 60-minute booking by half an hour, onto part of its own old time", async () => {
    const office = await createOffice();
    const { token } = await booked(office, { topic: "kompetenzanalyse", start: "2026-11-30T14:00:00+01:00" });
    const res = await post(office, `/api/bookings/manage/${token}/reschedule`, { start: "2026-11-30T14:30:00+01:00" });
    expect(res.status).toBe(200);
    expect(await slotStarts(office, "2026-11-30")).toEqual(["13:00", "13:30", "14:00", "15:30", "16:00", "16:30", "17:00"]);
  });

  it("hands out the calendar file", async () => {
    const office = await createOffice();
    const { created, token } = await booked(office);
    const res = await office.request(`/api/bookings/manage/${token}/invite.ics`, {}, NOW);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/calendar/);
    expect(res.headers.get("Content-Disposition")).toContain("attachment");
    const ics = await res.text();
    expect(ics).toContain(`UID:${created.id}@`);
    expect(ics).toContain("DTSTART");
  });
});

describe("POST /api/requests", () => {
  it("takes a request 'nach Vereinbarung' with a plain receipt mail and no seat", async () => {
    const office = await createOffice();
    const res = await post(office, "/api/requests", {
      topic: "intern",
      name: "Jonas Weber",
      email: "jonas@example.org",
      preferredWeekdays: [5, 2, 2],
      preferredTimes: ["evening"],
      wish: "Nach 18 Uhr, ich arbeite tagsüber.",
      locale: "de",
      consent: true,
    });
    expect(res.status).toBe(201);
    const created = RequestCreated.parse(await res.json());
    expect(created).toMatchObject({ status: "requested", topic: "intern" });
    const managed = ManagedBooking.parse(await (await office.request(`/api/bookings/manage/${tokenOf(created.manageUrl)}`, {}, NOW)).json());
    expect(managed).toMatchObject({ kind: "request", status: "requested", start: null, preferredWeekdays: [2, 5], preferredTimes: ["evening"], canCancel: true, canReschedule: false, inviteUrl: null });
    expect((await mailsOf(created.id)).map((m) => [m.kind, m.ics])).toEqual([["request_received", null]]);
    expect(await countRows(office)).toMatchObject({ seats: 0 });

    // Withdrawn from its manage page: no time, no invite, so no mail either.
    const withdrawn = await post(office, `/api/bookings/manage/${tokenOf(created.manageUrl)}/cancel`, {});
    expect(withdrawn.status).toBe(200);
    expect(ManagedBooking.parse(await withdrawn.json())).toMatchObject({ kind: "request", status: "cancelled", canCancel: false });
    expect((await mailsOf(created.id)).map((m) => m.kind)).toEqual(["request_received"]);
  });
});
