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
 * Whether the booking still holds a place at `now`: an open request, or a confirmed or checked-in
 * appointment that has not ended. Cancelled, declined, completed, no-show and ended ones do not.
 */
export function holdsPlace(b: ErasableView, now: Date): boolean {
  if (b.status === "requested") return true;
  if (b.status === "confirmed" || b.status === "checked_in") return b.ends_at === null || Date.parse(b.ends_at) > now.getTime();
  return false;
}
