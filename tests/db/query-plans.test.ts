import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { BookingCreated, RequestCreated } from "../../schemas/bookings";
import { CalendarFeedCreated, OutboxList, ProposalsAnswer, StaffBooking } from "../../schemas/staff-bookings";
import { BookingsAffectedError, ExtraHoursView } from "../../schemas/staff-settings";
import { Board, BoardTicket, TicketActionResult } from "../../schemas/staff-board";
import { CheckedIn, TicketView } from "../../schemas/kiosk";
import { meteredD1, type RanStatement } from "../../worker/d1-meter";
import { purgeExpired } from "../../worker/db/housekeeping";
import { deliverDue } from "../../worker/mail/sender";
import { MailDeliveryError, type MailTransport } from "../../worker/mail/types";
import { silentNotifier } from "../../worker/live/notifier";
import { runProposalExpiry } from "../../worker/services/proposal-expiry";
import { runRetention } from "../../worker/services/retention";
import type { DbSqlLiteral } from "../setup/db-sql";
import { bookingBody } from "../helpers/bookings";
import { createOffice, staffMember, type Office } from "../helpers/fixtures";
import { CONCURRENCY } from "../helpers/timeouts";
import { aDay, caller, clientsOf, DAY, DAY_NOW, expectStatus, type Clients } from "../helpers/tour";
import { acceptingPushPort, browserSubscription } from "../helpers/push";

/*
 * The hot queries use their indexes (issue 14): every statement that a day at an office runs (the tour
 * below: free times, bookings with their seat and per-address checks, manage links, the kiosk, the
 * display, the status page, the board and every queue action, staff bookings and requests, the outbox,
 * the calendar feed, a sign-in link, and the scheduled work: mail delivery, housekeeping and retention) is
 * recorded as it runs and its plan read with EXPLAIN QUERY PLAN, with the values it ran with. A plan
 * fails when it
 *   - scans a table of the office's past (bookings, booking_seats, queue_tickets, mail_outbox,
 *     audit_events), with or without an index: `SCAN <table>` reads every row (or index entry) of it;
 *   - searches one of them by the office alone (`SEARCH … (location_id=?)`): that is every row of the
 *     office's past, unless the index holds only the present (PRESENT_ONLY).
 * And so that no query escapes the tour: the data layer's SQL is read from its sources (every literal
 * of worker/db/*.ts, tests/setup/db-sql.ts), and each statement that touches those tables, directly or
 * through a constant it puts in, must have run in the tour or be named in COLD, with the reason it may
 * read more. A query added later fails here until it is either.
 */

const PAST_TABLES = new Set(["bookings", "booking_seats", "queue_tickets", "mail_outbox", "audit_events"]);

/**
 * Queries off the hot path, by the top-level declaration they are written in (`file#name`): run by an
 * admin now and then, or reading a period or a person's whole record by design.
 */
const COLD: Record<string, string> = {
  "audit.ts#latestAuditEvents": "the admins' audit log: the newest page of an office's audit events",
  "audit.ts#auditInsert": "an admin's new closure, topic or room: one INSERT … VALUES",
  "settings.ts#bookingsBeyondSeats": "an admin's change of the seats per slot, checked against the seats ahead",
  "statistics.ts#loadStatisticsFacts": "a period's statistics read the period's rows, by design",
  "data-subjects.ts#SCAN_SQL":
    "a search for a person by name or phone (an admin's data-subject request, the board's search) pages through every booking not erased, by design",
  "data-subjects.ts#candidatesByEmailOrCode": "a search for a person (an admin's, or the board's)",
  "data-subjects.ts#bookingDetails": "a person's record for an admin, the board search's hits",
  "data-subjects.ts#ticketsOf": "a person's record for an admin",
  "data-subjects.ts#mailsOf": "a person's record for an admin",
  "data-subjects.ts#mailsToAddress": "an admin's search for a person's mails",
  "data-subjects.ts#feedbackMails": "an admin's search for a person's feedback mails",
  "data-subjects.ts#selectedBookings": "an admin's erasure on request",
  "data-subjects.ts#selectedMailIds": "an admin's erasure on request",
  "data-subjects.ts#erasedNow": "an admin's erasure on request",
  "erasure.ts#withdrawMailsWithoutBooking": "an admin's erasure on request (by id)",
  "proposals.ts#proposalOnClosure": "only after an accept was refused: whether a closure was why (the request by its id)",
};

/**
 * Partial indexes that hold only what is current, not the past: a search by the office alone reads
 * only the present through them.
 */
const PRESENT_ONLY: Record<string, string> = {
  bookings_open_requests: "requests waiting for an answer; one leaves it when proposed, declined or withdrawn",
};

/**
 * Queries that may walk an index by the office alone because they read the newest rows and stop at their
 * LIMIT (with no sort of their own): they read the limit, not the past.
 */
const NEWEST_FIRST: Record<string, string> = {
  "outbox.ts#listOutbox": "the board's outbox: the newest 50 mails",
};

const literals: DbSqlLiteral[] = JSON.parse(env.TEST_DB_SQL);
const ran: RanStatement[] = [];

/** White space folded, as tests/setup/db-sql.ts folds the literals' parts. */
const fold = (sql: string) => sql.replace(/\s+/g, " ").trim();

/** The tables a piece of SQL names after FROM, JOIN, INTO or UPDATE, with the aliases it gives them. */
function tablesOf(sql: string): Map<string, Set<string>> {
  const NOT_ALIAS = new Set(["WHERE", "JOIN", "LEFT", "INNER", "CROSS", "ON", "INDEXED", "SET", "ORDER", "GROUP", "LIMIT", "VALUES", "SELECT", "UNION", "HAVING", "AND", "OR", "RETURNING", "DEFAULT"]);
  const names = new Map<string, Set<string>>();
  const note = (name: string, table: string) => names.set(name, new Set([...(names.get(name) ?? []), table]));
  for (const m of sql.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?/gi)) {
    const table = m[1]!;
    note(table, table);
    if (m[2] && !NOT_ALIAS.has(m[2].toUpperCase())) note(m[2], table);
  }
  return names;
}

/** The tables of the past a literal touches: named in it, or in a constant it puts in (followed in its file). */
function pastTablesOf(literal: DbSqlLiteral, seen = new Set<DbSqlLiteral>()): Set<string> {
  seen.add(literal);
  const tables = new Set([...tablesOf(literal.parts.join(" ")).values()].flatMap((t) => [...t]).filter((t) => PAST_TABLES.has(t)));
  for (const name of literal.names) {
    for (const other of literals.filter((l) => l.file === literal.file && l.binding === name && !seen.has(l))) {
      for (const t of pastTablesOf(other, seen)) tables.add(t);
    }
  }
  return tables;
}

/** Whether a statement that ran holds the literal: each of its parts, in order. */
function holds(sql: string, literal: DbSqlLiteral): boolean {
  let from = 0;
  for (const part of literal.parts.filter((p) => p !== "")) {
    const at = sql.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

const ownerOf = (l: DbSqlLiteral) => `${l.file.replace("worker/db/", "")}#${l.owner}`;

/** Whether a statement is one of NEWEST_FIRST's and runs as one: a LIMIT, and no sort of its own rows. */
function newestFirst(sql: string, plan: { detail: string }[]): boolean {
  const owners = statements.filter((l) => holds(sql, l)).map(ownerOf);
  return owners.some((o) => o in NEWEST_FIRST) && /\bLIMIT\b/.test(sql) && !plan.some((p) => /^USE TEMP B-TREE FOR ORDER BY/.test(p.detail));
}

/** The statements of the literals: SQL that reads or writes, not a clause put into one. */
const statements = literals.filter((l) => /\b(SELECT|INSERT|UPDATE|DELETE)\b/.test(l.parts.join(" ")));

// ---------------------------------------------------------------------------------------------------
// The tour: a day at an office, and what staff and the scheduled work do around it.

const transport = (fail?: "retry" | "permanent"): MailTransport => ({
  async send() {
    if (fail) throw new MailDeliveryError("refused for the test", fail === "permanent");
  },
});

async function tour(): Promise<void> {
  const { db } = meteredD1(env.DB, (s) => ran.push(s));
  const office = await createOffice({ minNoticeMinutes: 0, seatsPerSlot: 2 });
  const c: Clients = await clientsOf(office, { db });
  const sent = await clientsOf(office, { db, deps: { mail: { transport: transport(), from: "termine@example.org" } } });
  const json = async (res: Promise<Response>, status: number, what: string) => (await expectStatus(await res, status, what)).json();
  const staff = (path: string) => `${c.staffBase}${path}`;

  // The day: bookings, a walk-in number, a check-in, call next; then what the screens read.
  const trail = await aDay(c);
  for (const path of ["/api/location", `/api/slots?from=${DAY}&to=2027-01-24`, `/api/slots?from=${DAY}&to=2026-12-31&topic=fragen`]) {
    await json(c.public.get(path), 200, path);
  }
  await json(c.public.get(`/api/status/${trail.statusToken}`), 200, "status");
  await json(c.kiosk.get("/api/kiosk/state"), 200, "kiosk state");
  await json(c.display.get("/api/display/state"), 200, "display state");
  await json(c.staff.get(staff("/board")), 200, "board");
  await json(c.staff.get(staff("/board?day=2026-12-07")), 200, "board of another day");
  await json(c.staff.get(staff("/week?day=2026-12-07")), 200, "week");

  // The holder's link: read, the invite, move, and a second booking cancelled; a replayed booking.
  const manage = `/api/bookings/manage/${trail.manageToken}`;
  await json(c.public.get(manage), 200, "manage");
  await expectStatus(await c.public.get(`${manage}/invite.ics`), 200, "invite");
  await json(c.public.post(`${manage}/reschedule`, { start: "2026-12-07T14:00:00+01:00" }), 200, "reschedule");
  const key = { "Idempotency-Key": crypto.randomUUID() };
  const withMail = bookingBody({ start: "2026-12-07T15:00:00+01:00" });
  const other = BookingCreated.parse(await json(sent.public.post("/api/bookings", withMail, key), 201, "booking with mail"));
  await json(sent.public.post("/api/bookings", withMail, key), 201, "replayed booking");
  await json(c.public.post(`/api/bookings/manage/${new URL(other.manageUrl).hash.slice(1)}/cancel`), 200, "cancel");
  const request = RequestCreated.parse(await json(c.public.post("/api/requests", requestBody()), 201, "request"));
  const declined = RequestCreated.parse(await json(c.public.post("/api/requests", requestBody()), 201, "request"));

  // The kiosk: a booking and a request on the spot, a second walk-in number with a key.
  await json(c.kiosk.post("/api/kiosk/bookings", bookingBody({ start: "2026-12-02T09:00:00+01:00" })), 201, "kiosk booking");
  await json(c.kiosk.post("/api/kiosk/requests", requestBody()), 201, "kiosk request");
  TicketView.parse(await json(c.kiosk.post("/api/kiosk/tickets", { topic: "fragen" }, { "Idempotency-Key": crypto.randomUUID() }), 201, "walk-in"));

  // Staff: the queue (begin, call next finishing the conversation in the room, call again, no-show, back
  // to the queue, call a number, finish, a desk number), phone bookings moved, cancelled and not come,
  // requests proposed and declined, the outbox, the calendar feed.
  const roomTicket = async () => Board.parse(await json(c.staff.get(staff("/board")), 200, "board")).rooms[0]!.current!.id;
  const act = async (path: string, body: unknown = {}) => TicketActionResult.parse(await json(c.staff.post(staff(path), body), 200, path)).ticket.id;
  await act(`/tickets/${await roomTicket()}/start`);
  const next = await act("/queue/call-next", { roomId: c.roomId });
  await act(`/tickets/${next}/recall`);
  await act(`/tickets/${next}/no-show`);
  const last = await act("/queue/call-next", { roomId: c.roomId });
  await act(`/tickets/${last}/requeue`);
  await act(`/tickets/${last}/call`, { roomId: c.roomId });
  await act(`/tickets/${last}/finish`);
  BoardTicket.parse(await json(c.staff.post(staff("/tickets"), { topic: "fragen" }), 201, "desk number"));
  await pushAndLeave(office, db, staff);
  await json(c.staff.get(staff(`/slots?from=${DAY}&to=2026-12-13`)), 200, "staff slots");
  const phone = StaffBooking.parse(await json(c.staff.post(staff("/bookings"), { topic: "fragen", start: "2026-12-02T10:00:00+01:00", name: "Herr Schmid", email: "schmid@example.org" }), 201, "phone booking"));
  await json(c.staff.post(staff(`/bookings/${phone.id}/move`), { start: "2026-12-02T10:30:00+01:00" }), 200, "move");
  await json(c.staff.post(staff(`/bookings/${phone.id}/cancel`), { by: "resident" }), 200, "staff cancel");
  const missed = StaffBooking.parse(await json(c.staff.post(staff("/bookings"), { topic: "fragen", start: `${DAY}T14:30:00+01:00`, name: "Frau Kaya" }), 201, "phone booking today"));
  const afterwards = await clientsOf(office, { db, now: new Date(DAY_NOW.getTime() + 70 * 60_000) });
  await json(afterwards.staff.post(staff(`/bookings/${missed.id}/no-show`)), 200, "booking no-show");
  await json(c.staff.post(staff(`/requests/${declined.id}/decline`), { message: "Leider nicht möglich." }), 200, "decline");
  await proposals(c, request.id);
  const outbox = OutboxList.parse(await json(c.staff.get(staff("/outbox")), 200, "outbox"));
  await json(c.staff.get(staff("/outbox?status=captured")), 200, "outbox captured");
  const captured = outbox.mails.find((m) => m.status === "captured")!;
  await json(c.staff.get(staff(`/outbox/${captured.id}`)), 200, "outbox mail");
  await json(c.staff.post(staff(`/outbox/${captured.id}/resend`)), 200, "resend");
  const feed = CalendarFeedCreated.parse(await json(c.staff.post(staff("/calendar-feed")), 201, "calendar feed"));
  await expectStatus(await c.public.get(new URL(feed.httpsUrl).pathname), 200, "feed");
  await json(c.staff.get("/api/auth/me"), 200, "me");
  await json(c.public.post("/api/auth/link", { email: "nobody@example.org" }), 202, "sign-in link for nobody");
  // "Link verloren?" for an address with an appointment ahead: its active bookings, new tokens, the mail.
  await json(c.public.post("/api/bookings", bookingBody({ start: "2026-12-14T14:00:00+01:00", email: "lost@example.org" })), 201, "booking to lose");
  await json(c.public.post("/api/bookings/lost-link", { email: "lost@example.org" }), 202, "lost link");

  await changesOfDaysAndHours(office, db);

  // The scheduled work: mail delivery (sent, retried, given up), proposals past their deadline,
  // housekeeping, and retention a year on.
  const later = new Date(DAY_NOW.getTime() + 86_400_000 * 2);
  await json(sent.public.post("/api/bookings", bookingBody({ start: "2026-12-14T13:00:00+01:00" })), 201, "booking with mail");
  await deliverDue({ db, transport: transport("retry"), from: "termine@example.org", now: later });
  await deliverDue({ db, transport: transport("permanent"), from: "termine@example.org", now: new Date(later.getTime() + 3_600_000) });
  await deliverDue({ db, transport: transport(), from: "termine@example.org", now: later });
  expect((await runProposalExpiry(db, later, silentNotifier)).get(office.id)).toBe(1);
  await purgeExpired(db, later);
  await runRetention(db, new Date("2027-12-01T03:00:00Z"));
}

/**
 * The status page's own actions (issue 13): two walk-in numbers subscribe to Web Push (a push service
 * that takes everything), one leaves the queue, staff call the next person (messages "called" and "soon").
 */
async function pushAndLeave(office: Office, db: D1Database, staff: (path: string) => string): Promise<void> {
  const port = await acceptingPushPort();
  const c = await clientsOf(office, { db, deps: { push: port } });
  const json = async (res: Promise<Response>, status: number, what: string) => (await expectStatus(await res, status, what)).json();
  const take = async () => new URL(TicketView.parse(await json(c.kiosk.post("/api/kiosk/tickets", { topic: "fragen" }), 201, "walk-in")).statusUrl).hash.slice(1);
  const [stays, leaves] = [await take(), await take()];
  for (const token of [stays, leaves]) {
    const browser = await browserSubscription(`https://fcm.googleapis.com/fcm/send/${crypto.randomUUID()}`);
    await expectStatus(await c.public.post(`/api/status/${token}/push`, browser.json), 204, "subscribe");
  }
  await json(c.public.get(`/api/status/${stays}/push`), 200, "subscription state");
  await json(c.public.post(`/api/status/${leaves}/leave`), 200, "leave the queue");
  await json(c.public.post(`/api/status/${leaves}/leave`), 200, "leave again");
  // An appointment's number leaves: its booking is cancelled with the cancel mail, in one guarded batch.
  const booked = BookingCreated.parse(await json(c.public.post("/api/bookings", bookingBody({ start: `${DAY}T15:00:00+01:00` })), 201, "booking today"));
  const soon = await clientsOf(office, { db, now: new Date(DAY_NOW.getTime() + 50 * 60_000), deps: { push: port } });
  const arrived = CheckedIn.parse(await json(soon.kiosk.post("/api/kiosk/checkin", { code: booked.code }), 201, "check-in"));
  await json(soon.public.post(`/api/status/${new URL(arrived.statusUrl).hash.slice(1)}/leave`), 200, "an appointment leaves the queue");
  await json(c.public.get("/api/push/key"), 200, "push key");
  await json(c.staff.post(staff("/queue/call-next"), { roomId: c.roomId }), 200, "call next, with push");
  await json(c.staff.post(staff(`/tickets/${await roomTicketOf(c, staff)}/finish`)), 200, "finish");
  expect(port.arrived.length).toBeGreaterThan(0);
}

async function roomTicketOf(c: Clients, staff: (path: string) => string): Promise<string> {
  return Board.parse(await (await expectStatus(await c.staff.get(staff("/board")), 200, "board")).json()).rooms[0]!.current!.id;
}

/**
 * Proposals for requests "nach Vereinbarung": three times held for `requestId`, the resident's page with
 * them, one accepted; a second request's round answered "keiner passt"; a third's times withdrawn one by
 * one by staff; a fourth's round left to run past its deadline (the scheduled work ends it).
 */
async function proposals(c: Clients, requestId: string): Promise<void> {
  const json = async (res: Promise<Response>, status: number, what: string) => (await expectStatus(await res, status, what)).json();
  const staff = (path: string) => `${c.staffBase}${path}`;
  const propose = async (id: string, times: string[]) =>
    ProposalsAnswer.parse(await json(c.staff.post(staff(`/requests/${id}/propose`), { times }), 201, "propose")).proposals.map((p) => p.id);
  /** The resident's manage token from the latest proposal mail of the request. */
  const tokenOf = async (id: string) => {
    const mail = await env.DB.prepare("SELECT text_body FROM mail_outbox WHERE booking_id = ?1 AND kind = 'request_proposals' ORDER BY rowid DESC LIMIT 1")
      .bind(id)
      .first<{ text_body: string }>();
    return /\/manage\?proposal=[\w-]+#([\w-]+)/.exec(mail!.text_body)![1]!;
  };
  const newRequest = async () => RequestCreated.parse(await json(c.public.post("/api/requests", requestBody()), 201, "request")).id;

  const [chosen] = await propose(requestId, ["2026-12-09T10:00:00+01:00", "2026-12-09T11:00:00+01:00", "2026-12-16T10:00:00+01:00"]);
  const token = await tokenOf(requestId);
  await json(c.public.get(`/api/bookings/manage/${token}`), 200, "manage with proposals");
  await json(c.public.post(`/api/bookings/manage/${token}/proposals/${chosen}/accept`), 200, "accept a proposal");

  const none = await newRequest();
  await propose(none, ["2026-12-09T12:00:00+01:00"]);
  await json(c.public.post(`/api/bookings/manage/${await tokenOf(none)}/proposals/decline`), 200, "keiner passt");

  const withdrawn = await newRequest();
  const [first, second] = await propose(withdrawn, ["2026-12-09T12:30:00+01:00", "2026-12-14T16:00:00+01:00"]);
  await json(c.staff.post(staff(`/requests/${withdrawn}/proposals/withdraw`), { proposals: [first] }), 200, "withdraw one time");
  await json(c.staff.post(staff(`/requests/${withdrawn}/proposals/withdraw`), { proposals: [second] }), 200, "withdraw the other");

  // Left to expire (the scheduled work below ends it; its deadline is 48 hours from now), but for its
  // time on a day an admin closes meanwhile (changesOfDaysAndHours).
  await propose(await newRequest(), ["2026-12-14T16:30:00+01:00", "2026-12-16T10:30:00+01:00"]);
  await json(c.staff.get(staff("/board")), 200, "board with proposals");
}

/**
 * An admin's changes of days and hours with what they touch: extra hours added and booked, then removed
 * with their appointment cancelled; a closure over a day with an appointment and an open proposal, both
 * cancelled and withdrawn with it; new weekly hours that leave an appointment outside, kept.
 */
async function changesOfDaysAndHours(office: Office, db: D1Database): Promise<void> {
  const admin = caller(office, { db, headers: { Cookie: (await staffMember(office, "admin", DAY_NOW)).cookie } });
  const base = `/api/staff/${office.slug}/admin`;
  const asked = async (res: Promise<Response>, what: string) =>
    BookingsAffectedError.parse(await (await expectStatus(await res, 409, what)).json()).error.details;
  const decided = (list: { bookings: { id: string }[]; proposals: { id: string }[] }, action: "cancel" | "keep") => ({
    action,
    ids: list.bookings.map((b) => b.id),
    proposals: list.proposals.map((p) => p.id),
  });
  const book = (start: string) => admin.post("/api/bookings", bookingBody({ start }));

  const saturday = { day: "2026-12-19", opens: "10:00", closes: "12:00" };
  const extra = ExtraHoursView.parse(await (await expectStatus(await admin.post(`${base}/extra-hours`, saturday), 201, "extra hours")).json());
  await expectStatus(await admin.get(`/api/slots?from=2026-12-19&to=2026-12-19`), 200, "slots of the extra hours");
  await expectStatus(await book("2026-12-19T10:00:00+01:00"), 201, "booking in extra hours");
  const inExtra = await asked(admin.post(`${base}/extra-hours/${extra.id}/delete`), "remove extra hours");
  await expectStatus(await admin.post(`${base}/extra-hours/${extra.id}/delete`, { bookings: decided(inExtra, "cancel") }), 200, "remove extra hours, cancel");

  const closure = { firstDay: "2026-12-16", lastDay: "2026-12-16", reasonDe: "Fortbildung" };
  await expectStatus(await book("2026-12-16T09:00:00+01:00"), 201, "booking on the day to close");
  const onDay = await asked(admin.post(`${base}/closures`, closure), "closure");
  expect([onDay.bookings.length, onDay.proposals.length]).toEqual([1, 1]);
  await expectStatus(await admin.post(`${base}/closures`, { ...closure, bookings: decided(onDay, "cancel") }), 201, "closure, cancel all");

  const rules = [
    { weekday: 1, opens: "13:00", closes: "17:30" },
    { weekday: 3, opens: "10:00", closes: "13:00" },
  ];
  await expectStatus(await book("2026-12-23T09:00:00+01:00"), 201, "booking outside the new hours");
  const outside = await asked(admin.put(`${base}/settings/opening-hours`, { rules }), "new hours");
  await expectStatus(await admin.put(`${base}/settings/opening-hours`, { rules, bookings: decided(outside, "keep") }), 200, "new hours, keep");
}

function requestBody() {
  return {
    topic: "fragen", name: "Erika Müller", email: `erika.${crypto.randomUUID().slice(0, 8)}@example.org`,
    preferredWeekdays: [2, 4], preferredTimes: ["morning"], locale: "de", consent: true,
  };
}

beforeAll(tour, CONCURRENCY.timeout);

describe("the data layer's SQL", () => {
  it("is read from worker/db/*.ts", () => {
    // A parser or path mistake would let every rule below pass on nothing.
    expect(statements.length).toBeGreaterThan(100);
    expect(statements.some((l) => l.file === "worker/db/bookings.ts" && l.owner === "takeSeats")).toBe(true);
  });

  it("that touches the past ran in the tour, or is named cold with its reason", () => {
    const sqlRan = [...new Set(ran.map((s) => fold(s.sql)))];
    const missing = statements
      .filter((l) => pastTablesOf(l).size > 0 && !(ownerOf(l) in COLD) && !sqlRan.some((sql) => holds(sql, l)))
      .map((l) => `${l.file}:${l.line} (${l.owner}) ${[...pastTablesOf(l)].join(", ")}: ${l.parts.join(" … ").slice(0, 120)}`);
    expect(missing).toEqual([]);
  });

  it("names in COLD and NEWEST_FIRST only declarations that exist and touch the past, in PRESENT_ONLY only partial indexes", async () => {
    const touching = new Set(statements.filter((l) => pastTablesOf(l).size > 0).map(ownerOf));
    expect([...Object.keys(COLD), ...Object.keys(NEWEST_FIRST)].filter((owner) => !touching.has(owner))).toEqual([]);
    for (const index of Object.keys(PRESENT_ONLY)) {
      const row = await env.DB.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?1").bind(index).first<{ sql: string }>();
      expect({ index, partial: / WHERE /.test(row?.sql ?? "") }).toEqual({ index, partial: true });
    }
  });
});

describe("the hot queries", () => {
  it("neither scan a table of the past nor search one by the office alone", async () => {
    const distinct = new Map<string, RanStatement>();
    for (const s of ran) if (!distinct.has(fold(s.sql))) distinct.set(fold(s.sql), s);
    expect(distinct.size).toBeGreaterThan(80);
    const findings: string[] = [];
    for (const [sql, s] of distinct) {
      const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).bind(...s.params).all<{ detail: string }>();
      const names = tablesOf(sql);
      for (const { detail } of results) {
        const m = /^(SCAN|SEARCH) (\w+)(?: USING (?:COVERING )?INDEX (\w+))?(?:.*?\((.*)\))?/.exec(detail);
        if (!m) continue;
        const [, how, name, index, constraints] = m;
        const tables = [...(names.get(name!) ?? [name!])].filter((t) => PAST_TABLES.has(t));
        if (tables.length === 0) continue;
        const byOfficeAlone = how === "SEARCH" && constraints === "location_id=?" && !(index! in PRESENT_ONLY) && !newestFirst(sql, results);
        if (how === "SCAN" || byOfficeAlone) findings.push(`${detail} [${tables.join(", ")}] in: ${sql.slice(0, 200)}`);
      }
    }
    expect(findings).toEqual([]);
  });
});

describe("the triggers' reads", () => {
  /*
   * A trigger runs with every row it guards, inside the statement that writes it, and no recorded
   * statement shows its reads: the closed-day rule reads closures with every seat a booking, move or
   * proposal takes (migration 0007), the schedule version is raised with every seat taken or given back
   * (0006). Each trigger's WHEN and body, with NEW.x and OLD.x as parameters, must find its rows by an
   * index; one that fires with every row of a table of the past must not read by the office alone.
   */
  it("search an index, and by more than the office where they fire with every booking, seat, number, mail or audit row", async () => {
    const { results: triggers } = await env.DB.prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all<{
      name: string;
      tbl_name: string;
      sql: string;
    }>();
    expect(triggers.map((t) => t.name)).toEqual(expect.arrayContaining(["booking_seats_not_on_closure", "schedule_on_seat_insert", "closures_no_overlap"]));
    const findings: string[] = [];
    for (const t of triggers) {
      const m = /\b(?:WHEN\s+([\s\S]*?)\s+)?BEGIN\s+([\s\S]*?)\s*END\s*$/i.exec(t.sql);
      if (!m) throw new Error(`cannot read trigger ${t.name}`);
      // A body that only raises reads nothing (and RAISE cannot be explained outside a trigger).
      const body = m[2]!.split(";").map((x) => x.trim()).filter((x) => x !== "" && !/^SELECT RAISE\(/i.test(x));
      const reads = [...(m[1] ? [`SELECT ${m[1]}`] : []), ...body];
      for (const read of reads) {
        const sql = read.replace(/\b(?:NEW|OLD)\.\w+/g, "?");
        const params = Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => null);
        const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>();
        for (const { detail } of results) {
          const scan = /^SCAN (?!CONSTANT ROW)(\w+)/.exec(detail);
          const byOfficeAlone = / \(location_id=\?\)$/.test(detail) && PAST_TABLES.has(t.tbl_name);
          if (scan || byOfficeAlone) findings.push(`${t.name} on ${t.tbl_name}: ${detail} in: ${fold(sql).slice(0, 160)}`);
        }
      }
    }
    expect(findings).toEqual([]);
  });
});
