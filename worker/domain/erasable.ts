import { addDays, localDate, zonedInstant } from "../../common/time";

/*
 * When the personal data of a booking may be erased on request (an admin's erasure under Art. 17 DSGVO,
 * or its holder's "Meine Daten jetzt löschen"): once it holds no place any more. An active booking is
 * cancelled first, so no seat stays held by a booking nobody can be told about, and the person gets
 * the cancellation (with its calendar update) before their address is gone.
 */

/** A booking as stored: its status, and its appointment's end (UTC ISO; null for a request without a time). */
export interface ErasableView {
  status: string;
  ends_at: string | null;
}

/**
 * Whether the booking still holds a place at `now`: an open request always; a confirmed or checked-in
 * appointment until the end of its appointment's local day in `timeZone` (the office's), so staff can
 * still record it as attended or not shown that day, and a visitor waiting with their number keeps
 * their status page. Cancelled, declined, completed and no-show ones never.
 */
export function holdsPlace(b: ErasableView, now: Date, timeZone: string): boolean {
  if (b.status === "requested") return true;
  if (b.status !== "confirmed" && b.status !== "checked_in") return false;
  if (b.ends_at === null) return true;
  const dayAfter = addDays(localDate(new Date(b.ends_at), timeZone), 1);
  return zonedInstant(dayAfter, "00:00", timeZone).getTime() > now.getTime();
}
