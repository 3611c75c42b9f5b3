import {
  EXPORT_FORMAT,
  MatchKey,
  type DataSubjectMatches,
  type DataSubjectRecord,
  type DataSubjectSelection,
  type Erased,
  type FoundBooking,
  type FoundMail,
  type RecordBooking,
} from "../../schemas/data-subjects";
import type { StaffScope } from "../context";
import { staffAudit } from "../auth/audit";
import {
  bookingDetails,
  candidatesByEmailOrCode,
  erasedNow,
  eventsOf,
  feedbackMails,
  mailsOf,
  mailsToAddress,
  recordOffice,
  scanCandidates,
  selectedBookings,
  selectedMailIds,
  ticketsOf,
  type CandidateRow,
  type MailHeadRow,
} from "../db/data-subjects";
import { eraseBookings, eraseFinishedMails, withdrawMailsWithoutBooking } from "../db/erasure";
import { topicLabel } from "../domain/booking";
import { holdsPlace } from "../domain/erasable";
import { filledInMatchedBy, isEmpty, matchedBy, needsScan, personKeys, type MatchOptions, type PersonKeys } from "../domain/person-match";
import { AppError } from "../errors";
import { parseFeedbackText } from "../mail/feedback";
import { redactSignInLink } from "../mail/sign-in";
import { hideManageLinks } from "./booking/manage-link";
import { commit } from "./commit";

/*
 * Requests of data subjects, served by an office's admins (Art. 15 and 17 DSGVO): find a person, see and
 * export everything stored about them, erase it now. Every step writes an audit row with ids only: the
 * search text (an address, a name) never goes into the log, only which kinds of key it was read as and
 * which rows it found. The mails are shown as the outbox shows them to staff (services/outbox.ts): a
 * manage or sign-in link's secret is replaced by "…", so the admin who reads or prints them cannot act
 * as the person (the record says that a link exists and how many).
 */

/** The most bookings and the most mails one search lists. */
export const MAX_FOUND = 200;

/** Finds the person `query` names among the office's bookings, requests and mails that are not erased. */
export async function searchPerson(s: StaffScope, query: string): Promise<DataSubjectMatches> {
  const keys = personKeys(query);
  if (isEmpty(keys)) {
    throw new AppError("invalid_request", "query: an e-mail address, a phone number, a name or a check-in code.", "query");
  }
  const matches = await matchingRows(s, keys);
  const details = await bookingDetails(s.db, s.staff.locationId, matches.slice(0, MAX_FOUND).map((m) => m.row.id));
  const by = new Map(matches.map((m) => [m.row.id, m.keys]));
  const now = s.deps.now();
  const bookings = details.map((d): FoundBooking => ({
    id: d.id,
    kind: d.kind,
    status: d.status,
    topic: topicLabel(d),
    startsAt: d.starts_at,
    createdAt: d.created_at,
    name: d.name,
    email: d.email,
    phone: d.phone,
    code: d.code,
    matchedBy: by.get(d.id)!,
    erasable: !holdsPlace(d, now, s.staff.timeZone),
  }));

  const found = new Set(bookings.map((b) => b.id));
  // One more than listed tells whether there are more.
  const [addressed, filledIn] = await Promise.all([
    keys.email === null ? [] : mailsToAddress(s.db, s.staff.locationId, keys.email, MAX_FOUND + 1),
    feedbackFrom(s, keys),
  ]);
  // Feedback can be found by its address and by what its sender filled in alike: listed once, with both.
  const byId = new Map<string, { mail: MailHeadRow; keys: Set<MatchKey> }>();
  const add = (mail: MailHeadRow, matched: readonly MatchKey[]) => {
    const entry = byId.get(mail.id) ?? { mail, keys: new Set<MatchKey>() };
    for (const k of matched) entry.keys.add(k);
    byId.set(mail.id, entry);
  };
  for (const m of addressed) if (m.booking_id === null || !found.has(m.booking_id)) add(m, ["email"]);
  for (const { mail, keys: matched } of filledIn.mails) add(mail, matched);
  const mails = [...byId.values()]
    .sort((a, b) => b.mail.created_at.localeCompare(a.mail.created_at))
    .map(({ mail: m, keys: matched }): FoundMail => ({
      id: m.id,
      kind: m.kind,
      status: m.status,
      toAddress: m.to_address,
      subject: m.subject,
      createdAt: m.created_at,
      matchedBy: MatchKey.options.filter((k) => matched.has(k)),
    }));

  const result: DataSubjectMatches = {
    keys: (Object.keys(keys) as MatchKey[]).filter((k) => keys[k] !== null),
    bookings,
    mails: mails.slice(0, MAX_FOUND),
    truncated: matches.length > MAX_FOUND || addressed.length > MAX_FOUND || mails.length > MAX_FOUND || filledIn.unread,
  };
  await commit(s, {
    batch: [
      staffAudit(s, "data_subject.search", null, {
        keys: result.keys,
        bookings: bookings.map((b) => b.id),
        mails: result.mails.map((m) => m.id),
      }),
    ],
    mail: false,
    live: null,
  });
  return result;
}

/** Feedback mails read per search: far more than a retention period holds. */
const MAX_FEEDBACK_READ = 5_000;

/**
 * The office's accessibility feedback whose sender filled in a name or contact that matches `keys`: only
 * those fields (parseFeedbackText), never the message nor the template's own words. A staff sign-in mail
 * is found by its address alone (mailsToAddress). `unread` when there was more feedback than
 * MAX_FEEDBACK_READ to read (the oldest was not looked at).
 */
async function feedbackFrom(s: StaffScope, keys: PersonKeys): Promise<{ mails: { mail: MailHeadRow; keys: MatchKey[] }[]; unread: boolean }> {
  if (keys.email === null && keys.phone === null && keys.name === null) return { mails: [], unread: false };
  const rows = await feedbackMails(s.db, s.staff.locationId, MAX_FEEDBACK_READ + 1);
  const mails: { mail: MailHeadRow; keys: MatchKey[] }[] = [];
  for (const row of rows.slice(0, MAX_FEEDBACK_READ)) {
    const fields = parseFeedbackText(row.text_body);
    const matched = fields === null ? [] : filledInMatchedBy(keys, fields);
    if (matched.length > 0) mails.push({ mail: row, keys: matched });
  }
  return { mails, unread: rows.length > MAX_FEEDBACK_READ };
}

/**
 * The office's rows (not erased) that match `keys`, newest first (rowid order is insertion order). The
 * staff board's search (services/board-search.ts) finds its people here too, with `{ typos: true }`.
 */
export async function matchingRows(s: StaffScope, keys: PersonKeys, options: MatchOptions = {}): Promise<{ row: CandidateRow; keys: MatchKey[] }[]> {
  const found: { row: CandidateRow; keys: MatchKey[] }[] = [];
  const visit = (rows: CandidateRow[]) => {
    for (const row of rows) {
      const matched = matchedBy(keys, row, options);
      if (matched.length > 0) found.push({ row, keys: matched });
    }
  };
  if (needsScan(keys)) await scanCandidates(s.db, s.staff.locationId, visit);
  else visit(await candidatesByEmailOrCode(s.db, s.staff.locationId, keys.email, keys.code));
  return found.sort((a, b) => b.row.rid - a.row.rid);
}

/** What an audit row of a view or an export says of it: ids, never contents. */
export type RecordPurpose = "view" | "export_json" | "export_html";

/**
 * Everything stored about the selection (the office's rows that are not erased; other ids are left
 * out): each booking with all its columns, history, queue numbers and mails, and the mails chosen on
 * their own. Audited as `data_subject.<purpose>`.
 */
export async function personRecord(s: StaffScope, selection: DataSubjectSelection, purpose: RecordPurpose): Promise<DataSubjectRecord> {
  const locationId = s.staff.locationId;
  const now = s.deps.now();
  const [office, details] = await Promise.all([recordOffice(s.db, locationId), bookingDetails(s.db, locationId, selection.bookings)]);
  const ids = details.map((d) => d.id);
  const [events, tickets, mails] = await Promise.all([
    eventsOf(s.db, ids),
    ticketsOf(s.db, ids),
    mailsOf(s.db, locationId, ids, selection.mails),
  ]);
  const record: DataSubjectRecord = {
    format: EXPORT_FORMAT,
    generatedAt: now.toISOString(),
    office: { slug: office.slug, name: office.name, timezone: office.time_zone, retentionDays: office.retention_days },
    bookings: details.map(
      (d): RecordBooking => ({
        id: d.id,
        kind: d.kind,
        status: d.status,
        source: d.source,
        topic: { key: d.topic_key, label: topicLabel(d) },
        startsAt: d.starts_at,
        endsAt: d.ends_at,
        createdAt: d.created_at,
        updatedAt: d.updated_at,
        locale: d.locale,
        name: d.name,
        email: d.email,
        phone: d.phone,
        note: d.note,
        wish: d.wish,
        preferredWeekdays: d.preferred_weekdays,
        preferredTimes: d.preferred_times,
        code: d.code,
        inviteSequence: d.invite_sequence,
        idempotencyKey: d.idempotency_key,
        requestHash: d.request_hash,
        manageLinks: d.manage_links,
        erasable: !holdsPlace(d, now, s.staff.timeZone),
        events: events.filter((e) => e.booking_id === d.id).map(({ booking_id: _, ...e }) => e),
        queueNumbers: tickets
          .filter((t) => t.booking_id === d.id)
          .map((t) => ({
            id: t.id,
            day: t.local_day,
            number: `${t.prefix} ${t.number}`,
            status: t.status,
            issuedAt: t.issued_at,
            calledAt: t.called_at,
            startedAt: t.started_at,
            endedAt: t.ended_at,
            statusLinks: t.status_links,
          })),
      }),
    ),
    mails: mails.map((m) => ({
      id: m.id,
      bookingId: m.booking_id,
      kind: m.kind,
      status: m.status,
      toAddress: m.to_address,
      subject: m.subject,
      textBody: withoutSecrets(m.text_body),
      htmlBody: m.html_body === null ? null : withoutSecrets(m.html_body),
      ics: m.ics === null ? null : hideManageLinks(m.ics, "calendar"),
      attempts: m.attempts,
      lastError: m.last_error,
      createdAt: m.created_at,
      sentAt: m.sent_at,
    })),
  };
  await commit(s, {
    batch: [staffAudit(s, `data_subject.${purpose}`, null, { bookings: ids, mails: record.mails.map((m) => m.id) })],
    mail: false,
    live: null,
  });
  return record;
}

/**
 * Erases the selection now, in one batch with its audit row, through the one eraser (db/erasure.ts):
 * the bookings' personal data, links and mails, and the mails chosen on their own (one without a booking
 * that is still waiting to be sent is withdrawn and emptied; one of a booking is left to its rule). A
 * booking that still holds a place is refused (409 `booking_active`, naming it): staff cancel it on the
 * board first, so the person is told and no seat stays held by a booking whose holder can no longer be
 * reached. Ids of other offices are unknown here (404).
 */
export async function erasePerson(s: StaffScope, selection: DataSubjectSelection): Promise<Erased> {
  const locationId = s.staff.locationId;
  const now = s.deps.now();
  const [bookings, mailIds] = await Promise.all([
    selectedBookings(s.db, locationId, selection.bookings),
    selectedMailIds(s.db, locationId, selection.mails),
  ]);
  const unknownBooking = selection.bookings.findIndex((id) => !bookings.some((b) => b.id === id));
  if (unknownBooking >= 0) throw new AppError("not_found", `There is no booking ${selection.bookings[unknownBooking]} here.`, `bookings.${unknownBooking}`);
  const unknownMail = selection.mails.findIndex((id) => !mailIds.includes(id));
  if (unknownMail >= 0) throw new AppError("not_found", `There is no mail ${selection.mails[unknownMail]} here.`, `mails.${unknownMail}`);
  const active = selection.bookings.findIndex((id) => {
    const b = bookings.find((row) => row.id === id)!;
    return b.erased_at === null && holdsPlace(b, now, s.staff.timeZone);
  });
  if (active >= 0) {
    throw new AppError(
      "booking_active",
      `Booking ${selection.bookings[active]} is still active: cancel it (or decline the request) first, then erase it.`,
      `bookings.${active}`,
    );
  }

  await commit(s, {
    batch: [
      ...eraseBookings(s.db, selection.bookings, now),
      withdrawMailsWithoutBooking(s.db, selection.mails, now),
      eraseFinishedMails(s.db, selection.mails, now),
      staffAudit(s, "data_subject.erase", null, { bookings: selection.bookings, mails: selection.mails }),
    ],
    mail: false,
    live: { office: s.staff.office, changes: ["bookings", "requests", "outbox"] },
  });
  return erasedNow(s.db, locationId, selection.bookings, selection.mails, now);
}

/** A mail's text (or HTML) with the secrets of its manage and sign-in links replaced by "…". */
function withoutSecrets(text: string): string {
  return hideManageLinks(redactSignInLink(text), "text");
}
