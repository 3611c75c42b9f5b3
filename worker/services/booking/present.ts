import type { BookingCreated, ManagedBooking, RequestCreated } from "../../../schemas/bookings";
import type { BookingRow, ProposalRow } from "../../../schemas/rows";
import type { StaffBooking } from "../../../schemas/staff-bookings";
import type { LocationData } from "../../db/locations";
import { canCancel, canReschedule, topicLabel } from "../../domain/booking";
import { holdsPlace } from "../../domain/erasable";
import { presentProposal } from "../../domain/proposals";
import { toOffsetIso } from "../../../common/time";
import { manageUrl } from "./manage-link";

/*
 * A booking as each audience sees it: the holder of its link, the person who just booked, and staff.
 * Times carry the office's offset; an empty English topic label falls back to the German one.
 */

/** A booking's times (with the office's offset; null for a request) and topic, as the holder's page and the staff board show them. */
export function timesAndTopic(b: BookingRow, tz: string) {
  return {
    start: b.starts_at ? toOffsetIso(new Date(b.starts_at), tz) : null,
    end: b.ends_at ? toOffsetIso(new Date(b.ends_at), tz) : null,
    topic: {
      key: b.topic_key,
      label: topicLabel(b),
      durationMinutes: b.topic_duration_minutes,
    },
  };
}

/** What the holder's rules (domain/booking.ts) need of a booking. */
export function holderView(b: BookingRow) {
  return { kind: b.kind, status: b.status, startsAt: b.starts_at ? new Date(b.starts_at) : null };
}

/**
 * The booking as the holder of its link `token` sees it at `now`, with what they may still do and the
 * latest round of times proposed for it (`proposals`, db/proposals.ts latestRound).
 */
export function presentManaged(b: BookingRow, office: LocationData, token: string, now: Date, proposals: readonly ProposalRow[]): ManagedBooking {
  const tz = office.location.time_zone;
  return {
    id: b.id,
    kind: b.kind,
    status: b.status,
    code: b.code,
    ...timesAndTopic(b, tz),
    name: b.name ?? "",
    email: b.email ?? "",
    phone: b.phone,
    note: b.note,
    locale: b.locale,
    preferredWeekdays: b.preferred_weekdays,
    preferredTimes: b.preferred_times,
    wish: b.wish,
    canCancel: canCancel(holderView(b), now),
    canReschedule: canReschedule(holderView(b), now),
    canErase: !holdsPlace(b, now, tz),
    inviteUrl: b.kind === "slot" ? `/api/bookings/manage/${token}/invite.ics` : null,
    proposals: proposals.map((p) => presentProposal(p, now, tz)),
    office: {
      slug: office.location.slug,
      name: office.location.name,
      street: office.location.street,
      postalCode: office.location.postal_code,
      city: office.location.city,
      phone: office.location.phone,
      timezone: tz,
    },
  };
}

/** The answer to a booking just made (or replayed), with its manage link on the site at `origin`. */
export function createdBody(b: BookingRow, token: string, data: LocationData, origin: string): BookingCreated {
  const tz = data.location.time_zone;
  return {
    id: b.id,
    code: b.code,
    status: "confirmed",
    start: toOffsetIso(new Date(b.starts_at!), tz),
    end: toOffsetIso(new Date(b.ends_at!), tz),
    topic: b.topic_key,
    manageUrl: manageUrl(origin, token),
  };
}

/** The answer to a request just made (or replayed), with its manage link on the site at `origin`. */
export function requestBody(b: BookingRow, token: string, origin: string): RequestCreated {
  return { id: b.id, status: "requested", topic: b.topic_key, manageUrl: manageUrl(origin, token), mailed: b.email !== null };
}

/** A booking as the staff board shows it; `mailed`: the change that answers with it queued mail. */
export function presentStaffBooking(b: BookingRow & { source: StaffBooking["source"] }, office: LocationData, mailed: boolean): StaffBooking {
  const tz = office.location.time_zone;
  return {
    id: b.id,
    kind: b.kind,
    status: b.status,
    source: b.source,
    code: b.code,
    ...timesAndTopic(b, tz),
    name: b.name ?? "",
    email: b.email,
    phone: b.phone,
    note: b.note,
    locale: b.locale,
    preferredWeekdays: b.preferred_weekdays,
    preferredTimes: b.preferred_times,
    wish: b.wish,
    sequence: b.invite_sequence,
    mailed,
  };
}
