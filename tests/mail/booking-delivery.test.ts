import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BookingCreated } from "../../schemas/bookings";
import { OutboxRow } from "../../schemas/rows";
import { createApp } from "../../worker/app";
import worker from "../../worker/index";
import { createTransport } from "../../worker/mail/transport";
import { bookingBody, NOW, tokenOf } from "../helpers/bookings";
import { createOffice, testDeps, type Office } from "../helpers/fixtures";
import { readInvite } from "./support/invite";
import { openMailbox, type TestMailbox } from "./support/mailbox";

/*
 * The whole way of a booking's mail: POST /api/bookings answers 201 while the SMTP server is down, the
 * mail waits in the outbox, and the Worker's own minutely cron (worker/index.ts, with SMTP_URL in its
 * env) delivers it exactly once when the server is back; then moving and cancelling the booking send
 * updates of the same calendar event.
 */

const FROM = '"Testbüro Kempten-Ost" <termine@example.org>';
const minutes = (base: Date, m: number) => new Date(base.getTime() + m * 60_000);

let mailbox: TestMailbox;
let office: Office;

beforeAll(async () => {
  mailbox = await openMailbox();
  office = await createOffice();
});

afterAll(async () => {
  await mailbox.close();
});

/** Calls the app as a request would reach it, and waits for what it left to ctx.waitUntil. */
async function call(method: string, path: string, body: unknown, now: Date): Promise<Response> {
  const app = createApp(testDeps(now, { mail: { transport: createTransport({ SMTP_URL: mailbox.smtpUrl }), from: FROM } }));
  const ctx = createExecutionContext();
  const res = await app.request(
    `http://localhost${path}`,
    { method, headers: { "Content-Type": "application/json", Origin: "http://localhost" }, body: JSON.stringify(body) },
    { ...env, DEFAULT_LOCATION: office.slug },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

/** One tick of the Worker's minutely cron at `now`, configured for the test SMTP server. */
async function cron(now: Date): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(
    createScheduledController({ scheduledTime: now, cron: "* * * * *" }),
    { ...env, SMTP_URL: mailbox.smtpUrl, MAIL_FROM: FROM },
    ctx,
  );
  await waitOnExecutionContext(ctx);
}

async function outbox(bookingId: string): Promise<OutboxRow[]> {
  const { results } = await env.DB.prepare("SELECT * FROM mail_outbox WHERE booking_id = ?1 ORDER BY created_at, rowid")
    .bind(bookingId)
    .all();
  return results.map((r) => OutboxRow.parse(r));
}

describe("a booking while SMTP is down", () => {
  it("answers 201, keeps its mail, and the cron delivers it exactly once when the server is back", async () => {
    await mailbox.down();
    const res = await call("POST", "/api/bookings", bookingBody({ name: "Jürgen Müller", email: "juergen@example.org" }), NOW);
    expect(res.status).toBe(201);
    const booked = BookingCreated.parse(await res.json());

    // The attempt right after the request (waitUntil) failed; the confirmation waits, the reminder waits for its hour.
    const [confirmation, reminder] = await outbox(booked.id);
    expect(confirmation).toMatchObject({ kind: "booking_confirmed", status: "pending", attempts: 1, next_attempt_at: minutes(NOW, 1).toISOString() });
    expect(confirmation!.last_error).toMatch(/ECONNREFUSED/);
    expect(reminder).toMatchObject({ kind: "booking_reminder", status: "pending", attempts: 0, next_attempt_at: "2026-11-29T16:00:00.000Z" });
    expect(await mailbox.messages()).toEqual([]);

    await mailbox.up();
    await cron(minutes(NOW, 1));
    await cron(minutes(NOW, 2));
    await cron(minutes(NOW, 60));

    const arrived = await mailbox.messages();
    expect(arrived).toHaveLength(1);
    const mail = arrived[0]!;
    expect(mail.messageId).toBe(confirmation!.message_id);
    expect(mail.envelope.to).toEqual(["juergen@example.org"]);
    expect(mail.from).toEqual([{ name: "Testbüro Kempten-Ost", address: "termine@example.org" }]);
    expect(mail.subject).toBe("Ihr Termin am Montag, 30. November 2026, 13:00 Uhr – Testbüro");
    expect(mail.text).toContain("Guten Tag Jürgen Müller,");
    expect(mail.text).toContain(booked.code);
    expect(mail.text).toContain(booked.manageUrl);
    const calendar = mail.parts.find((p) => p.contentType === "text/calendar")!;
    expect(calendar.params.method).toBe("REQUEST");
    expect(readInvite(calendar.content).events[0]).toMatchObject({
      uid: `${booked.id}@sprechstunde`,
      sequence: 0,
      start: { instant: "2026-11-30T12:00:00.000Z", form: "utc" },
      attendees: [{ address: "juergen@example.org", cn: "Jürgen Müller" }],
      organizer: { address: "buero@example.org" },
    });
    expect((await outbox(booked.id)).map((r) => [r.kind, r.status, r.attempts])).toEqual([
      ["booking_confirmed", "sent", 2],
      ["booking_reminder", "pending", 0],
    ]);

    // The reminder goes out at its hour, once.
    await cron(new Date("2026-11-29T16:00:00.000Z"));
    await cron(new Date("2026-11-29T16:01:00.000Z"));
    expect((await mailbox.messages()).map((m) => m.subject)).toEqual([
      "Ihr Termin am Montag, 30. November 2026, 13:00 Uhr – Testbüro",
      "Erinnerung: Ihr Termin am Montag, 30. November 2026, 13:00 Uhr – Testbüro",
    ]);
  });
});

describe("moving and cancelling a booking", () => {
  it("sends updates of the same event: a REQUEST with a higher SEQUENCE, then a CANCEL", async () => {
    await mailbox.up();
    await mailbox.reset();
    const booked = BookingCreated.parse(await (await call("POST", "/api/bookings", bookingBody({ start: "2026-11-30T14:00:00+01:00" }), NOW)).json());
    const token = tokenOf(booked.manageUrl);
    const later = minutes(NOW, 30);
    expect((await call("POST", `/api/bookings/manage/${token}/reschedule`, { start: "2026-12-02T10:00:00+01:00" }, later)).status).toBe(200);
    expect((await call("POST", `/api/bookings/manage/${token}/cancel`, {}, minutes(later, 30))).status).toBe(200);

    const invites = (await mailbox.messages()).map((m) => {
      const part = m.parts.find((p) => p.contentType === "text/calendar")!;
      const event = readInvite(part.content).events[0]!;
      return [part.params.method, event.uid, event.sequence, event.status, event.start.instant];
    });
    expect(invites).toEqual([
      ["REQUEST", `${booked.id}@sprechstunde`, 0, "CONFIRMED", "2026-11-30T13:00:00.000Z"],
      ["REQUEST", `${booked.id}@sprechstunde`, 1, "CONFIRMED", "2026-12-02T09:00:00.000Z"],
      ["CANCEL", `${booked.id}@sprechstunde`, 2, "CANCELLED", "2026-12-02T09:00:00.000Z"],
    ]);
    // Neither the first reminder nor the moved one goes out for a cancelled booking.
    await cron(new Date("2026-12-01T16:00:00.000Z"));
    expect(await mailbox.messages()).toHaveLength(3);
    expect((await outbox(booked.id)).filter((r) => r.kind === "booking_reminder").map((r) => r.status)).toEqual(["cancelled", "cancelled"]);
  });
});
