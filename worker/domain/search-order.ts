import { localDate } from "../../common/time";

/*
 * The order of the staff board's search hits. Pure: `now` and the office's zone are arguments.
 */

/** What a hit is ordered by: its status and, as UTC instants, its time (null for a request) and creation. */
export interface Orderable {
  status: string;
  starts_at: string | null;
  created_at: string;
}

/**
 * Nearest first: appointments of today and later, soonest first; then open requests (no time yet),
 * newest first; then everything else (past appointments, requests declined or withdrawn), the most
 * recent first. "Today" is the office's local day at `now`, so this morning's appointment is still ahead.
 */
export function nearestFirst<T extends Orderable>(rows: readonly T[], now: Date, zone: string): T[] {
  const today = localDate(now, zone);
  const group = (r: T) => (r.starts_at !== null && localDate(new Date(r.starts_at), zone) >= today ? 0 : r.starts_at === null && r.status === "requested" ? 1 : 2);
  const when = (r: T) => r.starts_at ?? r.created_at;
  return [...rows].sort((a, b) => {
    const g = group(a) - group(b);
    if (g !== 0) return g;
    return group(a) === 0 ? when(a).localeCompare(when(b)) : when(b).localeCompare(when(a));
  });
}
