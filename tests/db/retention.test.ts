import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BookingCreated, RequestCreated } from "../../schemas/bookings";
import { CheckedIn, TicketView } from "../../schemas/kiosk";
import { ProposalsAnswer } from "../../schemas/staff-bookings";
import { PERSONAL_COLUMNS } from "../../worker/db/erasure";
import { DUE_SQL } from "../../worker/db/retention";
import { cryptoRandom } from "../../worker/random";
import { dueBefore, RETENTION_BATCH, runRetention } from "../../worker/services/retention";
import { NOW, post, tokenOf } from "../helpers/bookings";
import { createOffice, pairedDevice, staffMember, type Office } from "../helpers/fixtures";
import { staffCall } from "../helpers/staff-bookings";

/*
 * The retention step with a held clock (`now` passed in). Every office here holds the same people, made
 * through the real routes: a slot booking with its mails, manage link and a checked-in number with its
 * status link; a declined, a withdrawn and a proposed request; a walk-in number; a staff sign-in mail.
 * Each person's rows are untouched a day and a minute before their deadline and gone a minute after it;
 * after the last deadline nothing personal is left. Offices of other tests in this file are there too
 * (storage is per file), so every comparison is of one office's rows.
 */

const DAY = 86_400_000;
/** `days` (fractions too) after `t`. */
const at = (t: Date | string, days = 0) => new Date(new Date(t).getTime() + days * DAY);

/** Monday 30 November 2026, 12:50 in Kempten: check-in opens 30 minutes before the 13:00 appointment. */
const CHECK_IN = new Date("2026-11-30T11:50:00Z");
/** The same Monday, 13:10: the office is open, a walk-in takes a number. */
const WALK_IN = new Date("2026-11-30T12:10:00Z");
/** An hour after NOW: staff decline and propose, a resident withdraws. */
const LATER = at(NOW, 1 / 24);

/** What identifies a person in the data; none of it may be found after their deadline. */
interface Person {
  name: string;
  email: string;
  phone: string;
  code: string;
}

const person = (name: string, code: string, phone: string): Person => ({
  name,
  email: `${name.toLowerCase().replace(/ /g, ".")}@example.org`,
  phone,
  code,
});

const BOOKER = person("Erika Bookmann", "KQXRTW", "0831 5550101");
const DECLINED = person("Dora Declina", "DCDCDC", "0831 5550202");
const WITHDRAWN = person("Wanda Withdrawa", "WWTHDR", "0831 5550303");
const PROPOSED = person("Paul Proposa", "PPRPQD", "0831 5550404");
/** A request nobody has answered yet: it stays, however old. */
const OPEN = person("Otto Offena", "TTFFNA", "0831 5550505");

interface Planted {
  office: Office;
  bookingId: string;
  declinedId: string;
  withdrawnId: string;
  proposedId: string;
  walkInTicketId: string;
  /** Secrets of links that must stop working: manage links and status links (as in the mails and answers). */
  secrets: Record<"booking" | "declined" | "withdrawn" | "proposed" | "checkIn" | "walkIn", string>;
  staffEmail: string;
}

/** One office with retention `days` and all the people above, made through the routes. */
async function plant(days: number): Promise<Planted> {
  const office = await createOffice();
  await env.DB.prepare("UPDATE locations SET retention_days = ?2 WHERE id = ?1").bind(office.id, days).run();
  const admin = await staffMember(office, "admin", NOW);
  const kiosk = await pairedDevice(office, "kiosk");
  const withCode = (p: Person) => ({ deps: { random: { ...cryptoRandom, code: () => p.code } } });

  const booked = await post(
    office,
    "/api/bookings",
    { start: "2026-11-30T13:00:00+01:00", topic: "fragen", name: BOOKER.name, email: BOOKER.email, phone: BOOKER.phone, note: "Lebenslauf", locale: "de", consent: true },
    withCode(BOOKER),
  );
  expect(booked.status).toBe(201);
  const booking = BookingCreated.parse(await booked.json());

  const request = async (p: Person) => {
    const res = await post(
      office,
      "/api/requests",
      { topic: "fragen", name: p.name, email: p.email, phone: p.phone, preferredWeekdays: [3], preferredTimes: ["morning"], wish: "Vormittags", consent: true },
      withCode(p),
    );
    expect(res.status).toBe(201);
    return RequestCreated.parse(await res.json());
  };
  const declined = await request(DECLINED);
  const withdrawn = await request(WITHDRAWN);
  const proposed = await request(PROPOSED);
  await request(OPEN);
  expect((await staffCall(office, admin, "POST", `/requests/${declined.id}/decline`, { message: "Leider nicht." }, { now: LATER })).status).toBe(200);
  expect((await post(office, `/api/bookings/manage/${tokenOf(withdrawn.manageUrl)}/cancel`, {}, { now: LATER })).status).toBe(200);
  const proposal = await staffCall(office, admin, "POST", `/requests/${proposed.id}/propose`, { times: ["2026-12-02T10:00:00+01:00"] }, { now: LATER });
  expect(proposal.status).toBe(201);
  // The resident takes the proposed time: the request is an appointment then, due by its end.
  const [time] = ProposalsAnswer.parse(await proposal.json()).proposals;
  expect((await post(office, `/api/bookings/manage/${tokenOf(proposed.manageUrl)}/proposals/${time!.id}/accept`, {}, { now: LATER })).status).toBe(200);
  expect((await post(office, "/api/auth/link", { email: admin.email }, { now: NOW })).status).toBe(202);

  const device = { Authorization: `Bearer ${kiosk}` };
  const checkedIn = await post(office, "/api/kiosk/checkin", { code: BOOKER.code }, { now: CHECK_IN, headers: device });
  expect(checkedIn.status).toBe(201);
  const walkedIn = await post(office, "/api/kiosk/tickets", { topic: "fragen" }, { now: WALK_IN, headers: device });
  expect(walkedIn.status).toBe(201);
  const walkIn = TicketView.parse(await walkedIn.json());
  const walkInTicket = await env.DB.prepare("SELECT id FROM queue_tickets WHERE location_id = ?1 AND kind = 'walk_in'").bind(office.id).first<{ id: string }>();

  return {
    office,
    bookingId: booking.id,
    declinedId: declined.id,
    withdrawnId: withdrawn.id,
    proposedId: proposed.id,
    walkInTicketId: walkInTicket!.id,
    secrets: {
      booking: tokenOf(booking.manageUrl),
      declined: tokenOf(declined.manageUrl),
      withdrawn: tokenOf(withdrawn.manageUrl),
      proposed: tokenOf(proposed.manageUrl),
      checkIn: tokenOf(CheckedIn.parse(await checkedIn.json()).statusUrl),
      walkIn: tokenOf(walkIn.statusUrl),
    },
    staffEmail: admin.email,
  };
}

type Row = Record<string, unknown>;

/** Every row of every table that holds the office's bookings, numbers, links, mails and audit. */
async function dump(officeId: number): Promise<Record<string, Row[]>> {
  const tables: Record<string, string> = {
    bookings: "SELECT * FROM bookings WHERE location_id = ?1 ORDER BY id",
    booking_seats: "SELECT * FROM booking_seats WHERE location_id = ?1 ORDER BY unit_start_at, seat",
    booking_tokens: "SELECT k.* FROM booking_tokens AS k JOIN bookings AS b ON b.id = k.booking_id WHERE b.location_id = ?1 ORDER BY k.token_hash",
    booking_events: "SELECT e.* FROM booking_events AS e JOIN bookings AS b ON b.id = e.booking_id WHERE b.location_id = ?1 ORDER BY e.id",
    queue_tickets: "SELECT * FROM queue_tickets WHERE location_id = ?1 ORDER BY id",
    ticket_tokens: "SELECT k.* FROM ticket_tokens AS k JOIN queue_tickets AS t ON t.id = k.ticket_id WHERE t.location_id = ?1 ORDER BY k.token_hash",
    mail_outbox: "SELECT * FROM mail_outbox WHERE location_id = ?1 ORDER BY id",
    audit_events: "SELECT * FROM audit_events WHERE location_id = ?1 ORDER BY id",
  };
  const out: Record<string, Row[]> = {};
  for (const [table, sql] of Object.entries(tables)) out[table] = (await env.DB.prepare(sql).bind(officeId).all<Row>()).results;
  return out;
}

/**
 * Where any of `needles` is found: every PERSONAL DATA column of the office's bookings, every column of
 * its mails and every column of its audit rows.
 */
async function traces(officeId: number, needles: readonly string[]): Promise<string[]> {
  const d = await dump(officeId);
  const cells: [string, unknown][] = [
    ...d.bookings!.flatMap((r) => PERSONAL_COLUMNS.bookings.map((c): [string, unknown] => [`bookings.${c} of ${String(r.id)}`, r[c]])),
    ...d.mail_outbox!.flatMap((r) => Object.entries(r).map(([c, v]): [string, unknown] => [`mail_outbox.${c} of ${String(r.kind)}`, v])),
    ...d.audit_events!.flatMap((r) => Object.entries(r).map(([c, v]): [string, unknown] => [`audit_events.${c} of ${String(r.action)}`, v])),
  ];
  return cells.flatMap(([where, value]) =>
    needles.filter((n) => typeof value === "string" && value.includes(n)).map((n) => `${n} in ${where}`),
  );
}

const needlesOf = (p: Person, ...secrets: string[]) => [p.name, p.email, p.phone, p.code, ...secrets];

/** A booking's or ticket's remaining links. */
async function links(table: "booking_tokens" | "ticket_tokens", column: "booking_id" | "ticket_id", id: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${column} = ?1`).bind(id).first<{ n: number }>();
  return row!.n;
}

/** The rows one rule governs (compared a day before its deadline) and what must be gone a day after it. */
interface Deadline {
  what: string;
  deadline: Date;
  rows(p: Planted): Promise<unknown>;
  gone(p: Planted): Promise<void>;
}

/** A booking's row, its manage links and the status links of its number. */
const bookingRows = async (id: string) => ({
  booking: await env.DB.prepare("SELECT * FROM bookings WHERE id = ?1").bind(id).first(),
  manageLinks: await links("booking_tokens", "booking_id", id),
  statusLinks: (await env.DB.prepare("SELECT k.* FROM ticket_tokens AS k JOIN queue_tickets AS t ON t.id = k.ticket_id WHERE t.booking_id = ?1").bind(id).all()).results,
});

async function expectErasedBooking(p: Planted, id: string, who: Person, secret: string) {
  const row = await env.DB.prepare("SELECT * FROM bookings WHERE id = ?1").bind(id).first<Row>();
  expect(row!.erased_at).not.toBeNull();
  for (const c of PERSONAL_COLUMNS.bookings) if (c !== "code") expect(row![c], c).toBeNull();
  expect(await links("booking_tokens", "booking_id", id)).toBe(0);
  const mails = await env.DB.prepare("SELECT erased_at, to_address FROM mail_outbox WHERE booking_id = ?1").bind(id).all<Row>();
  expect(mails.results.length).toBeGreaterThan(0);
  for (const m of mails.results) expect(m).toMatchObject({ to_address: "" });
  expect(await traces(p.office.id, needlesOf(who, secret))).toEqual([]);
}

const DEADLINES: Deadline[] = [
  {
    what: "a slot booking, 30 days after its appointment's end (with its mails, manage link and its number's status link)",
    deadline: new Date("2026-12-30T12:30:00Z"),
    rows: (p) => bookingRows(p.bookingId),
    gone: async (p) => {
      await expectErasedBooking(p, p.bookingId, BOOKER, p.secrets.booking);
      const ticket = await env.DB.prepare("SELECT id FROM queue_tickets WHERE booking_id = ?1").bind(p.bookingId).first<{ id: string }>();
      expect(await links("ticket_tokens", "ticket_id", ticket!.id)).toBe(0);
    },
  },
  {
    what: "a declined request, 30 days after it was declined",
    deadline: at(LATER, 30),
    rows: (p) => bookingRows(p.declinedId),
    gone: (p) => expectErasedBooking(p, p.declinedId, DECLINED, p.secrets.declined),
  },
  {
    what: "a withdrawn request, 30 days after it was withdrawn",
    deadline: at(LATER, 30),
    rows: (p) => bookingRows(p.withdrawnId),
    gone: (p) => expectErasedBooking(p, p.withdrawnId, WITHDRAWN, p.secrets.withdrawn),
  },
  {
    what: "a request with a proposed time, 30 days after that appointment's end",
    deadline: new Date("2027-01-01T09:30:00Z"),
    rows: (p) => bookingRows(p.proposedId),
    gone: (p) => expectErasedBooking(p, p.proposedId, PROPOSED, p.secrets.proposed),
  },
  {
    what: "a walk-in number's status link, when its local day is 30 days past (31 December begins in Kempten)",
    deadline: new Date("2026-12-30T23:00:00Z"),
    rows: (p) => links("ticket_tokens", "ticket_id", p.walkInTicketId),
    gone: async (p) => expect(await links("ticket_tokens", "ticket_id", p.walkInTicketId)).toBe(0),
  },
  {
    what: "a staff sign-in mail, 30 days after it was kept (no relay here)",
    deadline: at(NOW, 30),
    rows: async (p) => (await env.DB.prepare("SELECT * FROM mail_outbox WHERE location_id = ?1 AND kind = 'staff_sign_in'").bind(p.office.id).all()).results,
    gone: async (p) => expect(await traces(p.office.id, [p.staffEmail, "#link="])).toEqual([]),
  },
];

describe("the retention step (held clock)", () => {
  it.each(DEADLINES)("$what: untouched the day (and the minute) before, gone after", async (d) => {
    const p = await plant(30);
    const before = await d.rows(p);
    for (const days of [-1, -1 / 1440]) {
      await runRetention(env.DB, at(d.deadline, days));
      expect(await d.rows(p)).toEqual(before);
    }
    await runRetention(env.DB, at(d.deadline, 1 / 1440));
    await d.gone(p);
  });

  it("changes nothing at all the day before the first deadline", async () => {
    const p = await plant(30);
    const before = await dump(p.office.id);
    const first = Math.min(...DEADLINES.map((d) => d.deadline.getTime()));
    expect((await runRetention(env.DB, new Date(first - DAY))).has(p.office.id)).toBe(false);
    expect(await dump(p.office.id)).toEqual(before);
  });

  it("leaves nothing personal after the last deadline, keeps what the counts need, and a second run changes nothing", async () => {
    const p = await plant(30);
    const everyone = [
      ...needlesOf(BOOKER, p.secrets.booking),
      ...needlesOf(DECLINED, p.secrets.declined),
      ...needlesOf(WITHDRAWN, p.secrets.withdrawn),
      ...needlesOf(PROPOSED, p.secrets.proposed),
      p.staffEmail,
    ];
    // The scan finds them while they are there (so it can fail).
    const found = await traces(p.office.id, everyone);
    for (const needle of everyone) expect(found.some((t) => t.startsWith(`${needle} in `)), needle).toBe(true);
    const before = await dump(p.office.id);

    const after = new Date("2027-01-02T09:30:00Z");
    expect(after.getTime()).toBeGreaterThanOrEqual(Math.max(...DEADLINES.map((d) => d.deadline.getTime())) + DAY);
    // Every mail's own time is up too (all were kept, no relay here), and both numbers' days are past.
    const counts = { bookings: 2, requests: 2, mails: before.mail_outbox!.length, ticketLinks: before.ticket_tokens!.length };
    // The proposed request has four: received, the proposals, the confirmation of the time it took, its reminder.
    expect(counts).toMatchObject({ mails: 11, ticketLinks: 2 });
    expect((await runRetention(env.DB, after)).get(p.office.id)).toEqual(counts);

    expect(await traces(p.office.id, everyone)).toEqual([]);
    const erased = await dump(p.office.id);
    // Only the open request keeps its manage link.
    const openId = before.bookings!.find((b) => b.name === OPEN.name)!.id;
    expect(erased.booking_tokens!.map((k) => k.booking_id)).toEqual([openId]);
    expect(erased.ticket_tokens).toEqual([]);
    expect(await traces(p.office.id, [OPEN.name])).toEqual([`${OPEN.name} in bookings.name of ${String(openId)}`]);
    // What stays: ids, times, topic, channel, status, language, seats, history, numbers, the mails' rows.
    const kept = (rows: Row[], columns: string[]) => rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c]])));
    const bookingColumns = ["id", "kind", "status", "topic_id", "starts_at", "ends_at", "source", "locale", "invite_sequence", "created_at", "updated_at"];
    expect(kept(erased.bookings!, bookingColumns)).toEqual(kept(before.bookings!, bookingColumns));
    const mailColumns = ["id", "booking_id", "kind", "status", "created_at", "sent_at", "message_id"];
    expect(kept(erased.mail_outbox!, mailColumns)).toEqual(kept(before.mail_outbox!, mailColumns));
    for (const table of ["booking_seats", "booking_events", "queue_tickets"]) expect(erased[table], table).toEqual(before[table]);
    // One audit row for the run, with counts and no ids of people.
    expect(erased.audit_events!.slice(before.audit_events!.length)).toEqual([
      expect.objectContaining({
        actor_kind: "system",
        action: "retention.run",
        subject_kind: "location",
        subject_id: String(p.office.id),
        detail: JSON.stringify({ retentionDays: 30, ...counts }),
      }),
    ]);

    expect((await runRetention(env.DB, after)).has(p.office.id)).toBe(false);
    expect((await runRetention(env.DB, at(after, 400))).has(p.office.id)).toBe(false);
    expect(await dump(p.office.id)).toEqual(erased);
  });

  it("leaves an office with retention_days 90 alone at day 31, and erases it after day 90", async () => {
    const p = await plant(90);
    const before = await dump(p.office.id);
    await runRetention(env.DB, new Date("2027-01-02T09:30:00Z"));
    expect(await dump(p.office.id)).toEqual(before);
    await runRetention(env.DB, new Date("2027-03-03T09:30:00Z"));
    expect(await traces(p.office.id, [BOOKER.name, DECLINED.email, WITHDRAWN.phone, PROPOSED.code, p.staffEmail])).toEqual([]);
  });

  it("never touches a booking whose appointment is still ahead, however old, nor its mails waiting to go out", async () => {
    const office = await createOffice();
    const now = new Date("2027-06-01T10:00:00Z");
    const created = at(now, -400).toISOString();
    const topic = await env.DB.prepare("SELECT id FROM topics WHERE location_id = ?1 LIMIT 1").bind(office.id).first<{ id: number }>();
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO bookings (id, location_id, kind, status, topic_id, starts_at, ends_at, name, email, phone, code, created_at, updated_at)
         VALUES ('future', ?1, 'slot', 'confirmed', ?2, '2027-06-02T11:00:00.000Z', '2027-06-02T11:30:00.000Z',
                 'Fritz Future', 'fritz@example.org', '0831 1', 'FFFFFF', ?3, ?3)`,
      ).bind(office.id, topic!.id, created),
      env.DB.prepare("INSERT INTO booking_tokens (token_hash, booking_id, created_at) VALUES ('future-link', 'future', ?1)").bind(created),
      ...(["pending", "sending"] as const).map((status) =>
        env.DB.prepare(
          `INSERT INTO mail_outbox (id, location_id, booking_id, kind, to_address, subject, text_body, message_id, status, next_attempt_at, created_at)
           VALUES (?1, ?2, 'future', 'booking_reminder', 'fritz@example.org', 'Morgen', 'Fritz Future', ?1, ?3, ?4, ?5)`,
        ).bind(`future-${status}`, office.id, status, "2027-06-01T15:00:00.000Z", created),
      ),
    ]);
    const before = await dump(office.id);
    expect((await runRetention(env.DB, now)).has(office.id)).toBe(false);
    expect(await dump(office.id)).toEqual(before);
  });

  it("erases a mail by when it finished: sent, failed, kept or withdrawn; one waiting to go out stays", async () => {
    const office = await createOffice();
    const created = "2026-10-01T08:00:00.000Z";
    const finished = "2026-10-05T08:00:00.000Z";
    // [status, sent_at, next_attempt_at]
    const mails = [
      ["sent", finished, created],
      ["failed", null, finished],
      ["captured", null, finished],
      ["cancelled", null, finished],
      ["pending", null, finished],
      ["sending", null, finished],
    ] as const;
    await env.DB.batch(
      mails.map(([status, sentAt, next]) =>
        env.DB.prepare(
          `INSERT INTO mail_outbox (id, location_id, kind, to_address, subject, text_body, message_id, status, sent_at, next_attempt_at, created_at)
           VALUES (?1, ?2, 'staff_sign_in', 'mia@example.org', 'Anmelden', 'Hallo Mia', ?1, ?3, ?4, ?5, ?6)`,
        ).bind(`mail-${status}-${office.id}`, office.id, status, sentAt, next, created),
      ),
    );
    const addresses = async () =>
      Object.fromEntries(
        (await env.DB.prepare("SELECT status, to_address FROM mail_outbox WHERE location_id = ?1").bind(office.id).all<Row>()).results.map((r) => [r.status, r.to_address]),
      );
    await runRetention(env.DB, at(finished, 29));
    expect(await addresses()).toEqual({ sent: "mia@example.org", failed: "mia@example.org", captured: "mia@example.org", cancelled: "mia@example.org", pending: "mia@example.org", sending: "mia@example.org" });
    await runRetention(env.DB, at(finished, 31));
    expect(await addresses()).toEqual({ sent: "", failed: "", captured: "", cancelled: "", pending: "mia@example.org", sending: "mia@example.org" });
  });

  it("works off a backlog a bounded slice per run", async () => {
    const office = await createOffice();
    const topic = await env.DB.prepare("SELECT id FROM topics WHERE location_id = ?1 LIMIT 1").bind(office.id).first<{ id: number }>();
    const backlog = RETENTION_BATCH * 2 + 50;
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?3)
       INSERT INTO bookings (id, location_id, kind, status, topic_id, starts_at, ends_at, name, email, code, created_at, updated_at)
       SELECT 'old-' || ?1 || '-' || i, ?1, 'slot', 'completed', ?2, '2025-01-06T09:00:00.000Z', '2025-01-06T09:30:00.000Z',
              'Olga Old', 'olga@example.org', 'O' || i, '2025-01-01T00:00:00.000Z', '2025-01-06T09:30:00.000Z'
       FROM n`,
    )
      .bind(office.id, topic!.id, backlog)
      .run();
    const left = async () =>
      (await env.DB.prepare("SELECT count(*) AS n FROM bookings WHERE location_id = ?1 AND erased_at IS NULL").bind(office.id).first<{ n: number }>())!.n;
    const now = new Date("2026-12-01T00:00:00Z");
    const runs: (number | undefined)[] = [];
    for (let run = 0; run < 4; run++) runs.push((await runRetention(env.DB, new Date(now.getTime() + run * 60_000))).get(office.id)?.bookings);
    expect(runs).toEqual([RETENTION_BATCH, RETENTION_BATCH, 50, undefined]);
    expect(await left()).toBe(0);
  });

  it("erases at every other office when one office fails, and then says so", async () => {
    const broken = await createOffice();
    const p = await plant(30);
    // A zone no runtime knows: the office's local day cannot be computed.
    await env.DB.prepare("UPDATE locations SET time_zone = 'Nowhere/Atlantis' WHERE id = ?1").bind(broken.id).run();
    try {
      await expect(runRetention(env.DB, new Date("2027-01-02T09:30:00Z"))).rejects.toThrow(RangeError);
      expect(await traces(p.office.id, needlesOf(BOOKER, p.secrets.booking))).toEqual([]);
    } finally {
      await env.DB.prepare("UPDATE locations SET time_zone = 'Europe/Berlin' WHERE id = ?1").bind(broken.id).run();
    }
  });

  it("an office with nothing due reads next to nothing, though another office keeps thousands of old status links", async () => {
    const quick = await createOffice();
    const slow = await createOffice();
    await env.DB.batch([
      env.DB.prepare("UPDATE locations SET retention_days = 30 WHERE id = ?1").bind(quick.id),
      env.DB.prepare("UPDATE locations SET retention_days = 365 WHERE id = ?1").bind(slow.id),
    ]);
    // The slow office: 5 000 walk-in numbers with their status links over the 50 days from 1 May 2026.
    const n = 5_000;
    await env.DB.batch([
      env.DB.prepare(
        `WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < ?2)
         INSERT INTO queue_tickets (id, location_id, local_day, prefix, number, kind, status, issued_at)
         SELECT ?1 || '-' || i, ?1, date('2026-05-01', '+' || (i / 100) || ' days'), 'W', i, 'walk_in', 'done',
                strftime('%Y-%m-%dT%H:%M:%fZ', '2026-05-01T08:00:00Z', '+' || (i / 100) || ' days')
         FROM s`,
      ).bind(slow.id, n),
      env.DB.prepare(
        `INSERT INTO ticket_tokens (token_hash, ticket_id, location_id, created_at)
         SELECT 'link-' || id, id, location_id, issued_at FROM queue_tickets WHERE location_id = ?1`,
      ).bind(slow.id),
    ]);
    const now = new Date("2026-12-15T10:00:00Z");
    const read = async (office: Office, retentionDays: number) => {
      const before = dueBefore({ retentionDays, timeZone: "Europe/Berlin" }, now);
      const { results, meta } = await env.DB.prepare(DUE_SQL.ticketLinks).bind(office.id, before.localDayStartsAt.toISOString(), RETENTION_BATCH).all();
      return { due: results.length, rowsRead: meta.rows_read };
    };
    const quickRead = await read(quick, 30);
    expect(quickRead.due).toBe(0);
    expect(quickRead.rowsRead).toBeLessThanOrEqual(2);
    // The slow office itself: nothing due within 365 days, also read in next to no rows.
    expect((await read(slow, 365)).rowsRead).toBeLessThanOrEqual(2);
    // Once due there, a run reads one batch of its own links, not all of them.
    const due = await read(slow, 30);
    expect(due.due).toBe(RETENTION_BATCH);
    expect(due.rowsRead).toBeLessThanOrEqual(RETENTION_BATCH + 2);
  });

  it("a status link is due from the start of the cutoff day in the office's zone, DST included", async () => {
    // 30 days before Monday 26 October 2026 (winter time since Sunday) is Saturday 26 September (summer time):
    // the cutoff day starts at 25 September 22:00Z, two hours before midnight UTC.
    const before = dueBefore({ retentionDays: 30, timeZone: "Europe/Berlin" }, new Date("2026-10-26T10:00:00Z"));
    expect(before.localDayStartsAt.toISOString()).toBe("2026-09-25T22:00:00.000Z");
    const office = await createOffice();
    await env.DB.prepare("UPDATE locations SET retention_days = 30 WHERE id = ?1").bind(office.id).run();
    const link = async (id: string, day: string, createdAt: string) =>
      env.DB.batch([
        env.DB.prepare(
          `INSERT INTO queue_tickets (id, location_id, local_day, prefix, number, kind, status, issued_at)
           VALUES (?1, ?2, ?3, 'W', (SELECT count(*) + 1 FROM queue_tickets WHERE location_id = ?2), 'walk_in', 'done', ?4)`,
        ).bind(id, office.id, day, createdAt),
        env.DB.prepare("INSERT INTO ticket_tokens (token_hash, ticket_id, location_id, created_at) VALUES (?1, ?1, ?2, ?3)").bind(id, office.id, createdAt),
      ]);
    // 25 September 23:59 in Kempten (21:59Z) is due; 26 September 00:01 (22:01Z, still the 25th in UTC) is not.
    await link(`${office.id}-last-minute`, "2026-09-25", "2026-09-25T21:59:00.000Z");
    await link(`${office.id}-first-minute`, "2026-09-26", "2026-09-25T22:01:00.000Z");
    await runRetention(env.DB, new Date("2026-10-26T10:00:00Z"));
    const { results } = await env.DB.prepare("SELECT token_hash FROM ticket_tokens WHERE location_id = ?1").bind(office.id).all();
    expect(results).toEqual([{ token_hash: `${office.id}-first-minute` }]);
  });

  it("finds what is due through the erasure indexes, never by scanning a table", async () => {
    for (const [kind, sql] of Object.entries(DUE_SQL)) {
      const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .bind(1, "2026-12-01T00:00:00.000Z", RETENTION_BATCH)
        .all<{ detail: string }>();
      const plan = results.map((r) => r.detail);
      expect(plan.filter((d) => /\bSCAN\b/.test(d)), `${kind}: ${plan.join(" | ")}`).toEqual([]);
      expect(plan.some((d) => /^SEARCH \w+ USING (COVERING )?INDEX (bookings_erasure_due|requests_erasure_due|mail_outbox_finished_due|ticket_tokens_erasure_due)/.test(d)), plan.join(" | ")).toBe(true);
      expect(plan.filter((d) => /TEMP B-TREE/.test(d)), `${kind} sorts in the index's order`).toEqual([]);
    }
  });
});
