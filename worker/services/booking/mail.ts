import type { BookingRow } from "../../../schemas/rows";
import type { Scope } from "../../context";
import type { LocationData } from "../../db/locations";
import { officeContact } from "../../legal/office";
import { reminderTime } from "../../mail/compose";
import { queueMail } from "../../mail/sender";
import type { MailBooking, MailContext, MailKind, MailProposals, StaffMessage } from "../../mail/types";
import { manageUrl } from "./manage-link";
import { booksOnline, topicLabel } from "../../domain/booking";

/**
 * The outbox statements for the mails of a change, for its batch; a reminder is queued only if its
 * hour is still ahead, and nothing for a booking without an address (staff booked it for a caller).
 * `token` opens the booking (its manage link goes into the mail); `staffMessage` goes in as written;
 * `proposals` are the times a mail about proposals shows.
 */
export function mailStatements(
  s: Scope,
  office: LocationData,
  booking: BookingRow,
  token: string,
  kinds: MailKind[],
  staffMessage?: StaffMessage,
  proposals?: MailProposals,
): D1PreparedStatement[] {
  const { now, random, mail } = s.deps;
  const statements: D1PreparedStatement[] = [];
  if (!booking.email) return statements;
  for (const kind of kinds) {
    let sendAt = now();
    if (kind === "booking_reminder") {
      sendAt = reminderTime(new Date(booking.starts_at!), office.location.time_zone);
      if (sendAt <= now()) continue;
    }
    statements.push(
      queueMail(s.db, {
        kind,
        ctx: { ...mailContext(s, office, booking, token, random.id()), staffMessage: staffMessage ?? null, proposals: proposals ?? null },
        locationId: booking.location_id,
        bookingId: booking.id,
        status: mail.transport ? "pending" : "captured",
        sendAt,
      }),
    );
  }
  return statements;
}

/** What a booking's mail (or its invite) is composed from, as of now. */
export function mailContext(s: Scope, office: LocationData, booking: BookingRow, token: string, mailId: string): MailContext {
  const l = office.location;
  const mailBooking: MailBooking = {
    id: booking.id,
    kind: booking.kind,
    code: booking.code,
    startsAt: booking.starts_at ? new Date(booking.starts_at) : null,
    endsAt: booking.ends_at ? new Date(booking.ends_at) : null,
    topicLabel: topicLabel(booking),
    name: booking.name ?? "",
    email: booking.email ?? "",
    locale: booking.locale,
    sequence: booking.invite_sequence,
    preferredWeekdays: booking.preferred_weekdays,
    preferredTimes: booking.preferred_times,
    wish: booking.wish,
  };
  return {
    mailId,
    office: {
      ...officeContact(l),
      timeZone: l.time_zone,
      bookableOnline: booksOnline(l.slug, s.defaultOffice),
    },
    booking: mailBooking,
    manageUrl: manageUrl(s.origin, token),
    from: s.deps.mail.from,
    now: s.deps.now(),
  };
}
