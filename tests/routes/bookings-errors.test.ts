import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BookingCreated, ManagedBooking } from "../../schemas/bookings";
import { ErrorBody } from "../../schemas/common";
import { bookingBody, countRows, NOW, post, tokenOf } from "../helpers/bookings";
import { addClosure, createOffice } from "../helpers/fixtures";

async function expectError(res: Response, status: number, code: string, field?: string) {
  expect(res.status).toBe(status);
  const body = ErrorBody.parse(await res.json());
  expect(body.error.code).toBe(code);
  if (field !== undefined) expect(body.error.field).toBe(field);
}

describe("POST /api/bookings refuses, changing nothing", () => {
  it.each([
    [{ email: "not-an-address" }, "invalid_request", "email"],
    [{ name: "" }, "invalid_request", "name"],
    [{ name: undefined }, "invalid_request", "name"],
    [{ start: "2026-11-30 13:00" }, "invalid_request", "start"],
    [{ topic: "Fragen!" }, "invalid_request", "topic"],
    [{ phone: "call me maybe" }, "invalid_request", "phone"],
    [{ note: "x".repeat(501) }, "invalid_request", "note"],
    [{ locale: "fr" }, "invalid_request", "locale"],
    [{ extra: 1 }, "invalid_request", "extra"],
    [{ consent: false }, "consent_required", "consent"],
    [{ consent: undefined }, "invalid_request", "consent"],
    [{ topic: "unbekannt" }, "unknown_topic", "topic"],
    [{ topic: "intern" }, "unknown_topic", "topic"],
  ])("%o → 400 %s naming %s", async (overrides, code, field) => {
    const office = await createOffice();
    await expectError(await post(office, "/api/bookings", bookingBody(overrides)), 400, code, field);
    expect(await countRows(office)).toMatchObject({ bookings: 0, seats: 0, mails: 0 });
  });

  it("refuses a body that is not JSON, and an empty one", async () => {
    const office = await createOffice();
    await expectError(await post(office, "/api/bookings", "{not json"), 400, "invalid_request");
    await expectError(await post(office, "/api/bookings", ""), 400, "invalid_request");
    await expectError(await post(office, "/api/bookings", "  "), 400, "invalid_request");
  });

  it.each([
    ["2026-11-24T09:30:00+01:00", "too_short_notice", "within the 2 hours' notice"],
    ["2027-02-01T13:00:00+01:00", "beyond_horizon", "past the 56-day horizon"],
    ["2026-11-30T13:15:00+01:00", "slot_unavailable", "off the 30-minute grid"],
    ["2026-12-01T13:00:00+01:00", "slot_unavailable", "a Tuesday: closed"],
    ["2026-11-30T17:30:00+01:00", "slot_unavailable", "closing time"],
    ["2026-12-26T13:00:00+01:00", "slot_unavailable", "a holiday"],
    ["2026-12-07T13:00:00+01:00", "slot_unavailable", "a closure"],
    ["2026-11-30T12:10:00Z", "slot_unavailable", "13:10 Berlin, written in UTC"],
  ])("start %s → 409 %s (%s)", async (start, code) => {
    const office = await createOffice();
    await addClosure(office, "2026-12-07", "2026-12-07", "Fortbildung");
    await expectError(await post(office, "/api/bookings", bookingBody({ start })), 409, code);
    expect(await countRows(office)).toMatchObject({ bookings: 0, seats: 0, mails: 0 });
  });

  it("accepts the start written in UTC", async () => {
    const office = await createOffice();
    const res = await post(office, "/api/bookings", bookingBody({ start: "2026-11-30T12:00:00Z" }));
    expect(res.status).toBe(201);
    expect(BookingCreated.parse(await res.json()).start).toBe("2026-11-30T13:00:00+01:00");
  });

  it("says slot_full when the only seat is taken", async () => {
    const office = await createOffice();
    expect((await post(office, "/api/bookings", bookingBody())).status).toBe(201);
    await expectError(await post(office, "/api/bookings", bookingBody()), 409, "slot_full");
    expect(await countRows(office)).toMatchObject({ bookings: 1, seats: 6, mails: 2 });
  });

  it("caps active bookings per e-mail address at 2, and a cancelled one frees a place", async () => {
    const office = await createOffice();
    const email = "viel.gebucht@example.org";
    const first = BookingCreated.parse(await (await post(office, "/api/bookings", bookingBody({ email }))).json());
    expect((await post(office, "/api/bookings", bookingBody({ email: "VIEL.gebucht@example.org", start: "2026-11-30T14:00:00+01:00" }))).status).toBe(201);
    const before = await countRows(office);
    await expectError(
      await post(office, "/api/bookings", bookingBody({ email, start: "2026-11-30T15:00:00+01:00" })),
      409,
      "too_many_bookings",
      "email",
    );
    expect(await countRows(office)).toEqual(before);

    await post(office, `/api/bookings/manage/${tokenOf(first.manageUrl)}/cancel`, {});
    expect((await post(office, "/api/bookings", bookingBody({ email, start: "2026-11-30T15:00:00+01:00" }))).status).toBe(201);
  });

  it("refuses another request with a used Idempotency-Key", async () => {
    const office = await createOffice();
    const headers = { "Idempotency-Key": crypto.randomUUID() };
    expect((await post(office, "/api/bookings", bookingBody(), { headers })).status).toBe(201);
    await expectError(
      await post(office, "/api/bookings", bookingBody({ start: "2026-11-30T14:00:00+01:00" }), { headers }),
      409,
      "idempotency_conflict",
      "Idempotency-Key",
    );
    expect(await countRows(office)).toMatchObject({ bookings: 1 });
  });

  it("refuses to replay a booking that has since been cancelled", async () => {
    const office = await createOffice();
    const body = bookingBody();
    const headers = { "Idempotency-Key": crypto.randomUUID() };
    const created = BookingCreated.parse(await (await post(office, "/api/bookings", body, { headers })).json());
    await post(office, `/api/bookings/manage/${tokenOf(created.manageUrl)}/cancel`, {});
    await expectError(await post(office, "/api/bookings", body, { headers }), 409, "idempotency_conflict");
  });

  it.each(["9999-12-31T23:30:00-01:00", "0999-01-01T10:00:00+01:00"])("refuses the far-off start %s with a 400", async (start) => {
    const office = await createOffice();
    await expectError(await post(office, "/api/bookings", bookingBody({ start })), 400, "invalid_request", "start");
  });

  it("refuses a body over 16 KB with a 400", async () => {
    const office = await createOffice();
    await expectError(await post(office, "/api/bookings", bookingBody({ note: "x".repeat(20_000) })), 400, "invalid_request");
  });

  it.each([
    [" Erika.Muster@Example.ORG ", "erika.muster@example.org"],
    ["jörg@example.de", "jörg@example.de"],
  ])("accepts the address %j and stores %j", async (email, stored) => {
    const office = await createOffice();
    const res = await post(office, "/api/bookings", bookingBody({ email }));
    expect(res.status).toBe(201);
    const { id } = BookingCreated.parse(await res.json());
    const row = await env.DB.prepare("SELECT email FROM bookings WHERE id = ?1").bind(id).first();
    expect(row).toEqual({ email: stored });
  });

  it("refuses a malformed Idempotency-Key", async () => {
    const office = await createOffice();
    await expectError(await post(office, "/api/bookings", bookingBody(), { headers: { "Idempotency-Key": "short" } }), 400, "invalid_request", "Idempotency-Key");
  });
});

describe("the manage link refuses", () => {
  it.each(["", "x", "a".repeat(43), "../../etc/passwd"])("an unknown token %j with 404", async (token) => {
    const office = await createOffice();
    const res = await office.request(`/api/bookings/manage/${encodeURIComponent(token)}`, {}, NOW);
    expect(res.status).toBe(404);
  });

  it("to move or cancel a booking that has begun", async () => {
    const office = await createOffice();
    const created = BookingCreated.parse(await (await post(office, "/api/bookings", bookingBody())).json());
    const token = tokenOf(created.manageUrl);
    const later = new Date("2026-11-30T12:10:00Z"); // 13:10 Berlin, ten minutes into the appointment
    const view = ManagedBooking.parse(await (await office.request(`/api/bookings/manage/${token}`, {}, later)).json());
    expect(view).toMatchObject({ canCancel: false, canReschedule: false });
    await expectError(await post(office, `/api/bookings/manage/${token}/reschedule`, { start: "2026-12-02T10:00:00+01:00" }, { now: later }), 409, "booking_past");
    await expectError(await post(office, `/api/bookings/manage/${token}/cancel`, {}, { now: later }), 409, "booking_past");
  });

  it("to move onto a full slot, and keeps the old time", async () => {
    const office = await createOffice();
    await post(office, "/api/bookings", bookingBody({ start: "2026-12-02T10:00:00+01:00" }));
    const mine = BookingCreated.parse(await (await post(office, "/api/bookings", bookingBody())).json());
    const token = tokenOf(mine.manageUrl);
    await expectError(await post(office, `/api/bookings/manage/${token}/reschedule`, { start: "2026-12-02T10:00:00+01:00" }), 409, "slot_full");
    const view = ManagedBooking.parse(await (await office.request(`/api/bookings/manage/${token}`, {}, NOW)).json());
    expect(view.start).toBe("2026-11-30T13:00:00+01:00");
    expect(await countRows(office)).toMatchObject({ seats: 12, mails: 4 });
  });

  it("a request's calendar file: there is none yet", async () => {
    const office = await createOffice();
    const res = await post(office, "/api/requests", {
      topic: "fragen", name: "Jonas Weber", email: "j@example.org", preferredWeekdays: [1], preferredTimes: ["morning"], consent: true,
    });
    const { manageUrl } = (await res.json()) as { manageUrl: string };
    expect((await office.request(`/api/bookings/manage/${tokenOf(manageUrl)}/invite.ics`, {}, NOW)).status).toBe(404);
  });
});

describe("POST /api/requests refuses", () => {
  it.each([
    [{ preferredWeekdays: [] }, "invalid_request", "preferredWeekdays"],
    [{ preferredWeekdays: [0] }, "invalid_request", "preferredWeekdays.0"],
    [{ preferredTimes: ["night"] }, "invalid_request", "preferredTimes.0"],
    [{ wish: "x".repeat(1001) }, "invalid_request", "wish"],
    [{ consent: false }, "consent_required", "consent"],
    [{ topic: "unbekannt" }, "unknown_topic", "topic"],
  ])("%o → 400 %s", async (overrides, code, field) => {
    const office = await createOffice();
    const body = { topic: "fragen", name: "Jonas Weber", email: "j@example.org", preferredWeekdays: [1], preferredTimes: ["morning"], consent: true, ...overrides };
    await expectError(await post(office, "/api/requests", body), 400, code, field);
    expect(await countRows(office)).toMatchObject({ bookings: 0, mails: 0 });
  });
});
