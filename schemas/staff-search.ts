import { z } from "zod";
import { BookingStatus } from "./bookings";
import { LocalDate, OffsetDateTime } from "./common";
import { MatchKey } from "./data-subjects";
import { singleLine } from "./fields";
import { BoardTopic } from "./staff-board";

/*
 * The staff board's search (`POST /api/staff/:office/search`, a staff session of the office): the
 * office's bookings and requests that are not erased, of any day, by name (a typo allowed in longer
 * words), e-mail address, phone number or check-in code. The search text travels in the body, never in
 * a URL (URLs end up in logs and histories), as the data subjects' search does.
 */

/** What staff typed: a name, an e-mail address, a phone number or a check-in code. */
export const BoardSearchBody = z
  .object({ query: singleLine(200).min(2, "Bitte mindestens zwei Zeichen eingeben.") })
  .strict();
export type BoardSearchBody = z.infer<typeof BoardSearchBody>;

/** The most hits one answer lists (`truncated` says when more matched). */
export const MAX_SEARCH_HITS = 20;

/** A booking or request found, with what staff need to open it on its day. */
export const BoardSearchHit = z.object({
  bookingId: z.string(),
  kind: z.enum(["slot", "request"]),
  status: BookingStatus,
  /** The local day of its time; null for a request without one. */
  day: LocalDate.nullable(),
  start: OffsetDateTime.nullable(),
  end: OffsetDateTime.nullable(),
  topic: BoardTopic,
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  code: z.string(),
  matchedBy: z.array(MatchKey).min(1),
});
export type BoardSearchHit = z.infer<typeof BoardSearchHit>;

/**
 * `200` of the search: nearest first (today's and coming appointments soonest first, then open requests
 * newest first, then the rest newest first), at most MAX_SEARCH_HITS.
 */
export const BoardSearchResult = z.object({
  /** What the text was read as (an address, a phone number, a name, a code). */
  keys: z.array(MatchKey),
  hits: z.array(BoardSearchHit).max(MAX_SEARCH_HITS),
  /** More matched than are listed: say more. */
  truncated: z.boolean(),
});
export type BoardSearchResult = z.infer<typeof BoardSearchResult>;
