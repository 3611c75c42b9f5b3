import { Hono, type Context } from "hono";
import {
  CalendarFeedCreated,
  DeclineBody,
  OutboxQuery,
  ProposeBody,
  StaffBookingCreate,
  StaffCancelBody,
  StaffMoveBody,
  WithdrawProposalsBody,
  type OutboxItem,
  type OutboxList,
} from "../../schemas/staff-bookings";
import type { OutboxRow } from "../../schemas/rows";
import { SlotsQuery } from "../../schemas/slots";
import { staffAudit } from "../auth/audit";
import type { AppEnv } from "../context";
import { createFeed, revokeFeeds } from "../db/calendar";
import { findOutbox, listOutbox, RESENDABLE, resendOutbox, returnedOutbox } from "../db/outbox";
import { AppError } from "../errors";
import { sha256Hex } from "../random";
import { staffScopeOf } from "../scope";
import { propose, withdrawByStaff } from "../services/booking/proposals";
import { cancelByStaff, decline, moveByStaff, phoneBooking } from "../services/booking/staff";
import { commit } from "../services/commit";
import { outboxItem, outboxMail } from "../services/outbox";
import { freeSlotsJson } from "../services/slots";
import { jsonBody, parseInput } from "../validate";

/*
 * What staff do with bookings, requests "nach Vereinbarung", the mail outbox and their calendar feed:
 * /api/staff/:office/… behind `requireStaff` (app.ts), so `c.var.staff` is a member of this office.
 * The booking service (services/booking/staff.ts) decides; ids of another office answer 404 like
 * unknown ones.
 */

type Ctx = Context<AppEnv>;

export const staffBookingRoutes = new Hono<AppEnv>();

// ---------------------------------------------------------------------------------------------------
// Bookings and requests

/**
 * The free times for a phone booking or a move, in the shape of `GET /api/slots`: this office's, by the
 * rules of POST /bookings below (no minimum notice, never past, any active topic).
 */
staffBookingRoutes.get("/slots", async (c) => {
  const query = parseInput(SlotsQuery, c.req.query());
  const body = await freeSlotsJson(c.env.DB, c.var.deps.now(), c.var.staff.office, query, "staff");
  return c.body(body, 200, { "Content-Type": "application/json" });
});

staffBookingRoutes.post("/bookings", async (c) => {
  const body = parseInput(StaffBookingCreate, await jsonBody(c, { emptyAs: {} }));
  return c.json(await phoneBooking(staffScopeOf(c), body), 201);
});

staffBookingRoutes.post("/bookings/:id/cancel", async (c) => {
  const body = parseInput(StaffCancelBody, await jsonBody(c, { emptyAs: {} }));
  return c.json(await cancelByStaff(staffScopeOf(c), c.req.param("id"), body));
});

staffBookingRoutes.post("/bookings/:id/move", async (c) => {
  const body = parseInput(StaffMoveBody, await jsonBody(c, { emptyAs: {} }));
  return c.json(await moveByStaff(staffScopeOf(c), c.req.param("id"), body));
});

staffBookingRoutes.post("/requests/:id/propose", async (c) => {
  const body = parseInput(ProposeBody, await jsonBody(c, { emptyAs: {} }));
  return c.json(await propose(staffScopeOf(c), c.req.param("id"), body), 201);
});

staffBookingRoutes.post("/requests/:id/proposals/withdraw", async (c) => {
  const body = parseInput(WithdrawProposalsBody, await jsonBody(c, { emptyAs: {} }));
  return c.json(await withdrawByStaff(staffScopeOf(c), c.req.param("id"), body));
});

staffBookingRoutes.post("/requests/:id/decline", async (c) => {
  const body = parseInput(DeclineBody, await jsonBody(c, { emptyAs: {} }));
  return c.json(await decline(staffScopeOf(c), c.req.param("id"), body));
});

// ---------------------------------------------------------------------------------------------------
// Outbox

staffBookingRoutes.get("/outbox", async (c) => {
  const query = parseInput(OutboxQuery, c.req.query());
  const rows = await listOutbox(c.env.DB, c.var.staff.locationId, query.limit, query.status);
  return c.json({ mails: rows.map(outboxItem) } satisfies OutboxList);
});

/** A mail with its text and invite, its links' secrets hidden (services/outbox.ts). */
staffBookingRoutes.get("/outbox/:id", async (c) => c.json(outboxMail(await officeMail(c))));

/**
 * Sends a failed, captured or sent mail again: due now, attempts reset, Message-ID kept (see
 * db/outbox.ts resendOutbox). Without a transport it stays captured, as every mail does then.
 */
staffBookingRoutes.post("/outbox/:id/resend", async (c) => {
  const row = await officeMail(c);
  if (row.erased_at !== null) {
    throw new AppError("mail_erased", "This mail's recipient and text were erased (retention period); it cannot be sent again.");
  }
  if (!(RESENDABLE as readonly string[]).includes(row.status)) {
    throw new AppError("mail_not_resendable", `This mail is ${row.status}; only failed, captured or sent mails can be sent again.`);
  }
  const s = staffScopeOf(c);
  const { now, mail } = s.deps;
  // The audit row only if this request's UPDATE applied: of concurrent resends only one does.
  const { result: [resend] } = await commit(s, {
    batch: [
      resendOutbox(s.db, s.staff.locationId, row.id, mail.transport ? "pending" : "captured", now()),
      staffAudit(s, "mail.resend", { kind: "mail", id: row.id }, { kind: row.kind, from: row.status }, { ifChanged: true }),
    ],
    applied: ([update]) => returnedOutbox(update) !== null,
    mail: true,
    live: { office: s.staff.office, changes: ["outbox"] },
  });
  const resent = returnedOutbox(resend);
  // Only a racing resend by a colleague (or an erasure) gets here.
  if (!resent) throw new AppError("mail_not_resendable", "This mail was just sent again or erased meanwhile.");
  return c.json(outboxItem(resent) satisfies OutboxItem);
});

// ---------------------------------------------------------------------------------------------------
// Calendar feed

/** A new private feed for the signed-in member; older ones stop working in the same batch. */
staffBookingRoutes.post("/calendar-feed", async (c) => {
  const s = staffScopeOf(c);
  const token = s.deps.random.token();
  await commit(s, {
    batch: [...createFeed(s.db, s.staff.id, await sha256Hex(token), s.deps.now()), staffAudit(s, "calendar_feed.create", { kind: "staff", id: s.staff.id })],
    mail: false,
    // A member's own feed: no board shows it.
    live: null,
  });
  const url = new URL(`/api/calendar/${token}.ics`, c.req.url);
  return c.json(CalendarFeedCreated.parse({ url: `webcal://${url.host}${url.pathname}`, httpsUrl: url.href }), 201);
});

staffBookingRoutes.post("/calendar-feed/revoke", async (c) => {
  const s = staffScopeOf(c);
  await commit(s, {
    batch: [revokeFeeds(s.db, s.staff.id, s.deps.now()), staffAudit(s, "calendar_feed.revoke", { kind: "staff", id: s.staff.id })],
    mail: false,
    live: null,
  });
  return c.body(null, 204);
});

// ---------------------------------------------------------------------------------------------------

/** The mail `:id` of this office; 404 for unknown ids and other offices' mails. */
async function officeMail(c: Ctx): Promise<OutboxRow> {
  const row = await findOutbox(c.env.DB, c.var.staff.locationId, c.req.param("id") ?? "");
  if (!row) throw new AppError("not_found", "There is no such mail at this office.");
  return row;
}
