import { MAX_SEARCH_HITS, type BoardSearchHit, type BoardSearchResult } from "../../schemas/staff-search";
import { MatchKey } from "../../schemas/data-subjects";
import { staffAudit } from "../auth/audit";
import type { StaffScope } from "../context";
import { bookingDetails } from "../db/data-subjects";
import { topicLabel } from "../domain/booking";
import { isEmpty, personKeys } from "../domain/person-match";
import { nearestFirst } from "../domain/search-order";
import { AppError } from "../errors";
import { localDate, toOffsetIso } from "../../common/time";
import { commit } from "./commit";
import { matchingRows } from "./data-subjects";

/**
 * The staff board's search: the office's bookings and requests that are not erased, any day, found the
 * way a data subject's request finds a person (domain/person-match.ts, the same paging scan of the
 * office's rows that are not erased), but with one typo allowed in a longer word of a name. Nearest first
 * (domain/search-order.ts), at most MAX_SEARCH_HITS. A search reads personal data, so it is audited as
 * the data subjects' search is: which kinds of key the text was read as and which rows it listed, never
 * the text itself.
 */
export async function searchBoard(s: StaffScope, query: string): Promise<BoardSearchResult> {
  const keys = personKeys(query);
  if (isEmpty(keys)) {
    throw new AppError("invalid_request", "query: a name, an e-mail address, a phone number or a check-in code.", "query");
  }
  const now = s.deps.now();
  const zone = s.staff.timeZone;
  const matches = await matchingRows(s, keys, { typos: true });
  const matchedBy = new Map(matches.map((m) => [m.row.id, m.keys]));
  const shown = nearestFirst(
    matches.map((m) => m.row),
    now,
    zone,
  ).slice(0, MAX_SEARCH_HITS);
  const details = new Map((await bookingDetails(s.db, s.staff.locationId, shown.map((r) => r.id))).map((d) => [d.id, d]));
  const hits = shown.flatMap((row): BoardSearchHit[] => {
    const d = details.get(row.id);
    // Erased between the scan and this read: not found after all.
    if (!d) return [];
    return [
      {
        bookingId: d.id,
        kind: d.kind,
        status: d.status,
        day: d.starts_at === null ? null : localDate(new Date(d.starts_at), zone),
        start: d.starts_at === null ? null : toOffsetIso(new Date(d.starts_at), zone),
        end: d.ends_at === null ? null : toOffsetIso(new Date(d.ends_at), zone),
        topic: { key: d.topic_key, label: topicLabel(d) },
        name: d.name,
        email: d.email,
        phone: d.phone,
        code: d.code,
        matchedBy: matchedBy.get(d.id)!,
      },
    ];
  });
  const result: BoardSearchResult = {
    keys: MatchKey.options.filter((k) => keys[k] !== null),
    hits,
    truncated: matches.length > MAX_SEARCH_HITS,
  };
  await commit(s, {
    batch: [staffAudit(s, "board.search", null, { keys: result.keys, bookings: hits.map((h) => h.bookingId) })],
    mail: false,
    live: null,
  });
  return result;
}
