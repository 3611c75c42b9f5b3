import { env } from "cloudflare:workers";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { OutboxRow } from "../../schemas/rows";
import { cancelUnsentReminders, claimDue, listOutbox, markSent } from "../../worker/db/outbox";
import { reminderTime } from "../../worker/mail/compose";
import { LEASE_MINUTES, MAX_ATTEMPTS, deliverDue, queueMail } from "../../worker/mail/sender";
import { DEFAULT_FROM, createTransport, mailFrom } from "../../worker/mail/transport";
import type { MailKind, MailTransport } from "../../worker/mail/types";
import { mailContext } from "./support/context";
import { readInvite } from "./support/invite";
import { openMailbox, type TestMailbox } from "./support/mailbox";

/*
 * Delivery from inside workerd through real SMTP: nodemailer in the Worker talks to an smtp-server on
 * loopback (tests/setup/smtp-server.ts), and what arrived is parsed by mailparser and ical.js, not by
 * the code that wrote it. Storage is shared by the tests of this file: afterEach withdraws whatever a
 * test left due, so no test sends another one's mail.
 */

const FROM = '"Zukunft Kempten-Ost" <termine@example.org>';
// Tuesday 24 November 2026, 08:00 in Kempten.
const T0 = new Date("2026-11-24T07:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let mailbox: TestMailbox;
let transport: MailTransport;
let locationId: number;
let topicId: number;
let counter = 0;

beforeAll(async () => {
  mailbox = await openMailbox();
  transport = createTransport({ SMTP_URL: mailbox.smtpUrl })!;
  const row = await env.DB.prepare(
    `INSERT INTO locations (slug, name, short_name, street, city, phone, email)
     VALUES ('mail-smtp', 'Testbüro Kempten-Ost', 'Zukunft Kempten-Ost', 'Anton-Fehr-Str. 6', 'Kempten (Allgäu)',
             '0172 / 2315911', 'buero@example.org')
     RETURNING id`,
  ).first<{ id: number }>();
  locationId = row!.id;
  const topic = await env.DB.prepare(
    `INSERT INTO topics (location_id, key, label, audience, duration_minutes)
     VALUES (?1, 'kompetenzanalyse', '{"de":"Kompetenzanalyse für Jüngere","en":"Skills assessment"}', 'residents', 60) RETURNING id`,
  )
    .bind(locationId)
    .first<{ id: number }>();
  topicId = topic!.id;
});

afterEach(async () => {
  await mailbox.up();
  await mailbox.accept();
  await mailbox.reset();
  await env.DB.prepare("UPDATE mail_outbox SET status = 'cancelled' WHERE status IN ('pending', 'sending')").run();
});

afterAll(async () => {
  await mailbox.close();
});

/** Queues one message as a route would (compose + insert), due at `sendAt`. */
async function queue(
  kind: MailKind = "booking_confirmed",
  options: { sendAt?: Date; status?: "pending" | "captured"; sequence?: number; bookingId?: string } = {},
) {
  const n = ++counter;
  const ctx = mailContext(
    { id: options.bookingId ?? `booking-${n}`, email: `juergen.mueller+${n}@example.org`, sequence: options.sequence ?? 0 },
    { mailId: crypto.randomUUID(), from: FROM, now: T0 },
  );
  await queueMail(env.DB, {
    kind,
    ctx,
    locationId,
    bookingId: options.bookingId ?? null,
    status: options.status ?? "pending",
    sendAt: options.sendAt ?? T0,
  }).run();
  return { id: ctx.mailId, to: ctx.booking.email, bookingId: ctx.booking.id };
}

/** A confirmed booking row for mail that points at one (booking_id references bookings). */
async function booking(): Promise<string> {
  const id = crypto.randomUUID();
  await env.DB.prepare(
    `INSERT INTO bookings (id, location_id, kind, status, topic_id, starts_at, ends_at, name, email, code,
                           created_at, updated_at)
     VALUES (?1, ?2, 'slot', 'confirmed', ?3, '2026-11-30T12:00:00.000Z', '2026-11-30T13:00:00.000Z', 'Jürgen Müller',
             'juergen.mueller@example.org', ?4, ?5, ?5)`,
  )
    .bind(id, locationId, topicId, id.slice(0, 5), T0.toISOString())
    .run();
  return id;
}

async function row(id: string): Promise<OutboxRow> {
  return OutboxRow.parse(await env.DB.prepare("SELECT * FROM mail_outbox WHERE id = ?1").bind(id).first());
}

const deliver = (now: Date, t: MailTransport | null = transport) => deliverDue({ db: env.DB, transport: t, from: FROM, now });

describe("a confirmation through real SMTP", () => {
  it("arrives with its headers, bodies and a calendar part that independent parsers read back", async () => {
    const queued = await queue("booking_confirmed");
    const stored = await row(queued.id);

    expect(await deliver(T0)).toEqual({ sent: 1, retried: 0, failed: 0 });

    const messages = await mailbox.messages();
    expect(messages).toHaveLength(1);
    const mail = messages[0]!;
    expect(mail.envelope).toEqual({ from: "termine@example.org", to: [queued.to] });
    expect(mail.from).toEqual([{ name: "Zukunft Kempten-Ost", address: "termine@example.org" }]);
    expect(mail.to.map((a) => a.address)).toEqual([queued.to]);
    expect(mail.subject).toBe("Ihr Termin am Montag, 30. November 2026, 13:00 Uhr – Zukunft Kempten-Ost");
    expect(mail.messageId).toBe(stored.message_id);
    expect(stored.message_id).toBe(`<${queued.id}@example.org>`);
    expect(mail.text).toContain("Guten Tag Jürgen Müller,");
    expect(mail.text).toContain("Thema: Kompetenzanalyse für Jüngere");
    expect(mail.html).toContain("Guten Tag Jürgen Müller,");
    expect(mail.html).toContain('<strong><bdi dir="ltr">K7M2Q</bdi></strong>');

    // The calendar alternative: method=REQUEST in its Content-Type and METHOD:REQUEST inside.
    const calendar = mail.parts.find((p) => p.contentType === "text/calendar");
    expect(calendar?.params).toMatchObject({ method: "REQUEST", charset: "utf-8" });
    expect(mail.raw).toMatch(/^Content-Type: text\/calendar;.*method=REQUEST/im);
    const invite = readInvite(calendar!.content);
    expect(invite.method).toBe("REQUEST");
    expect(invite.events).toHaveLength(1);
    expect(invite.events[0]).toMatchObject({
      uid: `${queued.bookingId}@sprechstunde`,
      sequence: 0,
      status: "CONFIRMED",
      start: { instant: "2026-11-30T12:00:00.000Z", form: "utc" },
      summary: "Kompetenzanalyse für Jüngere – Zukunft Kempten-Ost",
      organizer: { address: "buero@example.org", cn: "Zukunft Kempten-Ost" },
    });
    expect(invite.events[0]!.attendees.map((a) => [a.address, a.cn])).toEqual([[queued.to, "Jürgen Müller"]]);

    expect(await row(queued.id)).toMatchObject({ status: "sent", attempts: 1, sent_at: T0.toISOString(), last_error: null });
    expect(await deliver(at(60))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await mailbox.messages()).toHaveLength(1);
  });

  it("sends a cancellation with method=CANCEL on the part and in the calendar", async () => {
    const queued = await queue("booking_cancelled", { sequence: 2 });
    expect(await deliver(T0)).toEqual({ sent: 1, retried: 0, failed: 0 });
    const [mail] = await mailbox.messages();
    const calendar = mail!.parts.find((p) => p.contentType === "text/calendar");
    expect(calendar?.params.method).toBe("CANCEL");
    expect(readInvite(calendar!.content)).toMatchObject({
      method: "CANCEL",
      events: [{ uid: `${queued.bookingId}@sprechstunde`, sequence: 2, status: "CANCELLED" }],
    });
  });

  it("sends a request-received mail without any calendar part", async () => {
    await queue("request_received");
    expect(await deliver(T0)).toEqual({ sent: 1, retried: 0, failed: 0 });
    const [mail] = await mailbox.messages();
    expect(mail!.subject).toBe("Ihre Anfrage ist angekommen – Zukunft Kempten-Ost");
    expect(mail!.parts).toEqual([]);
    expect(mail!.raw).not.toMatch(/text\/calendar/i);
  });
});

describe("when SMTP is down", () => {
  it("keeps the message, retries with backoff, and delivers it exactly once when the server is back", async () => {
    await mailbox.down();
    const queued = await queue();

    expect(await deliver(T0)).toEqual({ sent: 0, retried: 1, failed: 0 });
    const waiting = await row(queued.id);
    expect(waiting).toMatchObject({ status: "pending", attempts: 1, next_attempt_at: at(1).toISOString(), sent_at: null });
    expect(waiting.last_error).toMatch(/ECONNREFUSED/);

    // Not due yet: nobody tries it.
    expect(await deliver(at(0.5))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect((await row(queued.id)).attempts).toBe(1);

    await mailbox.up();
    expect(await deliver(at(1))).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await deliver(at(2))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await deliver(at(120))).toEqual({ sent: 0, retried: 0, failed: 0 });

    const arrived = await mailbox.messages();
    expect(arrived.map((m) => m.messageId)).toEqual([`<${queued.id}@example.org>`]);
    expect(await row(queued.id)).toMatchObject({ status: "sent", attempts: 2, last_error: null, sent_at: at(1).toISOString() });
  });

  it("waits 1, 2, 4 … minutes, at most an hour, and gives up after the last attempt", async () => {
    await mailbox.down();
    const queued = await queue();
    const delays: number[] = [];
    let now = T0;
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(await deliver(now)).toEqual({ sent: 0, retried: 1, failed: 0 });
      const next = new Date((await row(queued.id)).next_attempt_at);
      delays.push((next.getTime() - now.getTime()) / 60_000);
      now = next;
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    expect(await deliver(now)).toEqual({ sent: 0, retried: 0, failed: 1 });
    const failed = await row(queued.id);
    expect(failed).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(failed.last_error).toMatch(/gave up after 10 attempts/);
    await mailbox.up();
    expect(await deliver(at(24 * 60))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await mailbox.messages()).toEqual([]);
  });
});

describe("a permanent refusal", () => {
  it("marks the message failed with the server's answer and never tries it again", async () => {
    await mailbox.reject(550);
    const queued = await queue();
    expect(await deliver(T0)).toEqual({ sent: 0, retried: 0, failed: 1 });
    const failed = await row(queued.id);
    expect(failed).toMatchObject({ status: "failed", attempts: 1, sent_at: null });
    expect(failed.last_error).toMatch(/550/);

    await mailbox.accept();
    expect(await deliver(at(24 * 60))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await mailbox.messages()).toEqual([]);
  });

  it("retries a temporary refusal (451)", async () => {
    await mailbox.reject(451);
    const queued = await queue();
    expect(await deliver(T0)).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await row(queued.id)).toMatchObject({ status: "pending", attempts: 1 });
    await mailbox.accept();
    expect(await deliver(at(1))).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await mailbox.messages()).toHaveLength(1);
  });
});

describe("two senders at once", () => {
  it("never send one message twice (waitUntil and cron at the same moment)", async () => {
    const queued = await Promise.all([queue(), queue(), queue()]);
    const results = await Promise.all([deliver(T0), deliver(T0), deliver(T0)]);
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(3);
    const arrived = (await mailbox.messages()).map((m) => m.messageId).sort();
    expect(arrived).toEqual(queued.map((q) => `<${q.id}@example.org>`).sort());
  });

  it("take over a message whose sender died, only after its lease, and the dead sender's late word changes nothing", async () => {
    const queued = await queue();
    const [dead] = await claimDue(env.DB, { now: T0, leaseUntil: at(LEASE_MINUTES), limit: 10 });
    expect(dead?.id).toBe(queued.id);

    expect(await deliver(at(LEASE_MINUTES - 1))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await deliver(at(LEASE_MINUTES))).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await markSent(env.DB, { id: dead!.id, attempts: dead!.attempts }, at(LEASE_MINUTES + 1))).toBe(false);

    expect(await mailbox.messages()).toHaveLength(1);
    expect(await row(queued.id)).toMatchObject({ status: "sent", attempts: 2, sent_at: at(LEASE_MINUTES).toISOString() });
  });
});

describe("what is not sent", () => {
  it("leaves captured messages alone, and sends nothing without a transport", async () => {
    const captured = await queue("booking_confirmed", { status: "captured" });
    const pending = await queue();
    expect(await deliver(T0, null)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await row(pending.id)).toMatchObject({ status: "pending", attempts: 0 });

    expect(await deliver(T0)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await row(captured.id)).toMatchObject({ status: "captured", attempts: 0 });
    expect((await mailbox.messages()).map((m) => m.messageId)).toEqual([`<${pending.id}@example.org>`]);
  });

  it("holds a reminder until its hour, queues it only once, and drops it when withdrawn", async () => {
    const sendAt = reminderTime(new Date("2026-11-30T12:00:00Z"), "Europe/Berlin"); // Sunday 29th, 17:00 CET
    const first = await queue("booking_reminder", { sendAt });
    const n = counter;
    // The same reminder again (same booking and sequence): ignored by its dedupe key.
    const again = mailContext({ id: `booking-${n}`, email: `juergen.mueller+${n}@example.org` }, { mailId: crypto.randomUUID(), from: FROM, now: T0 });
    await queueMail(env.DB, { kind: "booking_reminder", ctx: again, locationId, bookingId: null, status: "pending", sendAt }).run();
    const count = await env.DB.prepare("SELECT count(*) AS n FROM mail_outbox WHERE dedupe_key = ?1")
      .bind(`reminder:booking-${n}:0`)
      .first<{ n: number }>();
    expect(count?.n).toBe(1);

    expect(await deliver(new Date(sendAt.getTime() - 60_000))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await deliver(sendAt)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect((await mailbox.messages()).map((m) => m.subject)).toEqual([
      "Erinnerung: Ihr Termin am Montag, 30. November 2026, 13:00 Uhr – Zukunft Kempten-Ost",
    ]);
    expect((await row(first.id)).status).toBe("sent");

  });

  it("drops a reminder withdrawn on cancel or reschedule", async () => {
    const bookingId = await booking();
    const sendAt = at(60);
    const reminder = await queue("booking_reminder", { sendAt, bookingId });
    const confirmation = await queue("booking_confirmed", { bookingId });
    await cancelUnsentReminders(env.DB, bookingId, new Date()).run();
    expect((await row(reminder.id)).status).toBe("cancelled");
    expect((await row(confirmation.id)).status).toBe("pending");
    expect(await deliver(sendAt)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect((await mailbox.messages()).map((m) => m.messageId)).toEqual([`<${confirmation.id}@example.org>`]);
  });
});

describe("listOutbox", () => {
  it("lists the location's messages, newest first, and no other location's", async () => {
    const other = await env.DB.prepare(
      "INSERT INTO locations (slug, name, short_name, street, city) VALUES ('mail-other', 'O', 'O', 'S', 'C') RETURNING id",
    ).first<{ id: number }>();
    const ctx = mailContext({}, { mailId: crypto.randomUUID(), from: FROM, now: at(10) });
    await queueMail(env.DB, { kind: "request_received", ctx, locationId: other!.id, bookingId: null, status: "captured", sendAt: at(10) }).run();

    const rows = await listOutbox(env.DB, locationId, 500);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((r) => r.location_id === locationId)).toBe(true);
    const created = rows.map((r) => r.created_at);
    expect(created).toEqual([...created].sort().reverse());
    expect((await listOutbox(env.DB, other!.id, 10)).map((r) => [r.id, r.kind, r.status])).toEqual([[ctx.mailId, "request_received", "captured"]]);
  });
});

describe("createTransport and mailFrom", () => {
  it.each(["smtp://relay.example.org:25", "smtps://user:secret@relay.example.org:25"])("refuses port 25: %s", (url) => {
    expect(() => createTransport({ SMTP_URL: url })).toThrow(/port 25/);
  });

  it.each([
    ["not a url", /not a URL/],
    ["http://relay.example.org:587", /smtps:\/\/ or smtp:\/\//],
  ])("refuses %s", (url, message) => {
    expect(() => createTransport({ SMTP_URL: url })).toThrow(message);
  });

  it("never repeats the password in its errors", () => {
    expect(() => createTransport({ SMTP_URL: "smtps://user:hunter2@relay.example.org:25" })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("hunter2") }),
    );
  });

  it.each([[undefined], [""], ["   "]])("is null without SMTP_URL (%j): mail stays captured", (url) => {
    expect(createTransport(url === undefined ? {} : { SMTP_URL: url })).toBeNull();
  });

  it("accepts a relay on 465 or 587", () => {
    expect(createTransport({ SMTP_URL: "smtps://user:pass@relay.example.org:465" })).not.toBeNull();
    expect(createTransport({ SMTP_URL: "smtp://user:pass@relay.example.org" })).not.toBeNull();
  });

  it("sends from MAIL_FROM, or from a default that says what it is", () => {
    expect(mailFrom({ MAIL_FROM: FROM })).toBe(FROM);
    expect(mailFrom({})).toBe(DEFAULT_FROM);
    expect(mailFrom({ MAIL_FROM: " " })).toBe(DEFAULT_FROM);
  });
});
