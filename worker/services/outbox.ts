import type { OutboxRow } from "../../schemas/rows";
import type { OutboxItem, OutboxMail } from "../../schemas/staff-bookings";
import { redactSignInLink } from "../mail/sign-in";
import { hideManageLinks } from "./booking/manage-link";

/*
 * The mail outbox as staff see it on the board. Any staff member of the office may read any mail, so a
 * mail's secrets are hidden from them: a sign-in link would sign a colleague in as its recipient, a
 * manage link would let them cancel or move a resident's booking. The stored mail keeps both: it is
 * what the recipient gets.
 */

/** A mail in the outbox list: who, what, and how its delivery goes. */
export function outboxItem(r: OutboxRow): OutboxItem {
  return {
    id: r.id,
    kind: r.kind,
    to: r.to_address,
    subject: r.subject,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    nextAttemptAt: r.next_attempt_at,
    bookingId: r.booking_id,
    icsMethod: r.ics_method,
    erasedAt: r.erased_at,
  };
}

/** A mail with its text and invite, as colleagues may read it: its links' secrets replaced by "…". */
export function outboxMail(r: OutboxRow): OutboxMail {
  const text = hideManageLinks(redactSignInLink(r.text_body), "text");
  return { ...outboxItem(r), text, ics: r.ics === null ? null : hideManageLinks(r.ics, "calendar") };
}
