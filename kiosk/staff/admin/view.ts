/* Pure formatting for the admin panels, tested in node: instants in the office's zone, audit details. */
import type { Locale } from "../../../schemas/common";
import { localDate } from "../../../common/time";
import { formatDate, formatTime } from "../../shared/format";

/** An instant in the office's zone: "Montag, 30. November 2026, 13:05". */
export function when(instant: string, timeZone: string, loc: Locale): string {
  return `${formatDate(localDate(new Date(instant), timeZone), loc)}, ${formatTime(instant, timeZone)}`;
}

/** Closure days: "Montag, 30. November 2026" or "… – Dienstag, 1. Dezember 2026". */
export function daysText(first: string, last: string, loc: Locale): string {
  return first === last ? formatDate(first, loc) : `${formatDate(first, loc)} – ${formatDate(last, loc)}`;
}

/** `{"seats_per_slot":{"from":1,"to":2}}` → "seats_per_slot: 1 → 2"; other values as compact JSON. */
export function detailText(detail: Record<string, unknown> | null): string {
  if (!detail) return "";
  return Object.entries(detail)
    .map(([k, v]) => {
      if (v && typeof v === "object" && "from" in v && "to" in v) {
        const c = v as { from: unknown; to: unknown };
        return `${k}: ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`;
      }
      return `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`;
    })
    .join("; ");
}
