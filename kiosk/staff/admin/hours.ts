/*
 * The weekly opening-hours editor as plain data: per weekday zero or more spans, a day they apply from,
 * the page's own quick check, and the request body. The check is the server's rule in short
 * (schemas/staff-settings.ts `OpeningHoursUpdate`: HH:MM on the 5-minute raster, opens before closes,
 * no overlap on one weekday) so a typo shows at once; the server checks again and decides.
 */
import type { OpeningHoursUpdate, OpeningRuleView } from "../../../schemas/staff-settings";
import { ruleInForce } from "../../../common/opening-hours";
import type { ClientProblem, FieldErrors } from "./form";

export interface SpanDraft {
  /** Stable key for the rows and their field ids; never sent. */
  key: number;
  weekday: number;
  opens: string;
  closes: string;
}

export interface HoursDraft {
  spans: SpanDraft[];
  /** `YYYY-MM-DD`, the first day the new hours apply. */
  validFrom: string;
}

export type SpanField = "opens" | "closes";

/** The field id of one time of one span, as the form and the error map use it. */
export const spanFieldId = (key: number, field: SpanField) => `hours-${key}-${field}`;
export const VALID_FROM_ID = "hours-validFrom";

let nextKey = 1;
/** A fresh row key; unique for the page's lifetime. */
export const newSpanKey = () => nextKey++;

/** The draft for the rules in force on `today`, ordered by weekday and time. */
export function draftFromRules(rules: readonly OpeningRuleView[], today: string): HoursDraft {
  const spans = rules
    .filter((r) => ruleInForce(r, today))
    .sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens))
    .map((r) => ({ key: newSpanKey(), weekday: r.weekday, opens: r.opens, closes: r.closes }));
  return { spans, validFrom: today };
}

/** Rule sets that start after `today` (already planned changes), by their first day. */
export function plannedChanges(rules: readonly OpeningRuleView[], today: string): string[] {
  return [...new Set(rules.filter((r) => r.validFrom > today).map((r) => r.validFrom))].sort();
}

export function spansOf(draft: HoursDraft, weekday: number): SpanDraft[] {
  return draft.spans.filter((s) => s.weekday === weekday);
}

/** A new span on a weekday: after the last one of that day, or 09:00–12:00 on an empty day. */
export function addSpan(draft: HoursDraft, weekday: number): HoursDraft {
  const last = spansOf(draft, weekday).at(-1);
  const span =
    last && last.closes < "23:00"
      ? { opens: last.closes, closes: addHour(last.closes) }
      : { opens: "09:00", closes: "12:00" };
  return { ...draft, spans: [...draft.spans, { key: newSpanKey(), weekday, ...span }] };
}

function addHour(time: string): string {
  const [h, m] = time.split(":").map(Number) as [number, number];
  return `${String(Math.min(h + 1, 24)).padStart(2, "0")}:${h + 1 >= 24 ? "00" : String(m).padStart(2, "0")}`;
}

export function removeSpan(draft: HoursDraft, key: number): HoursDraft {
  return { ...draft, spans: draft.spans.filter((s) => s.key !== key) };
}

export function updateSpan(draft: HoursDraft, key: number, field: SpanField, value: string): HoursDraft {
  return { ...draft, spans: draft.spans.map((s) => (s.key === key ? { ...s, [field]: value.trim() } : s)) };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A time as the API takes it; `24:00` only as a closing time ("until midnight"). */
export function timeProblem(value: string, closing: boolean): ClientProblem | undefined {
  if (value === "") return "required";
  if (!(TIME.test(value) || (closing && value === "24:00"))) return "notATime";
  if (!/[05]$/.test(value)) return "raster";
  return undefined;
}

/**
 * The page's quick check: keyed by field id, in the order of the rows. An overlap is reported at the
 * later span's opening time, as the server does.
 */
export function checkHours(draft: HoursDraft, today: string): FieldErrors {
  const errors: Record<string, { kind: "client"; key: ClientProblem }> = {};
  const put = (id: string, key: ClientProblem) => {
    if (!errors[id]) errors[id] = { kind: "client", key };
  };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.validFrom)) put(VALID_FROM_ID, "dateMissing");
  else if (draft.validFrom < today) put(VALID_FROM_ID, "dateInPast");
  for (const s of draft.spans) {
    const o = timeProblem(s.opens, false);
    const c = timeProblem(s.closes, true);
    if (o) put(spanFieldId(s.key, "opens"), o);
    if (c) put(spanFieldId(s.key, "closes"), c);
    if (!o && !c && s.opens >= s.closes) put(spanFieldId(s.key, "closes"), "opensBeforeCloses");
  }
  const sorted = [...draft.spans].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (prev.weekday === cur.weekday && cur.opens < prev.closes) put(spanFieldId(cur.key, "opens"), "overlap");
  }
  return errors;
}

/**
 * The request body, and which span each of its rules came from: the API names a refused rule by its
 * index (`rules.2.closes`), and `keys[2]` says which row that is.
 */
export function hoursBody(draft: HoursDraft): { body: OpeningHoursUpdate; keys: number[] } {
  const spans = [...draft.spans].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
  return {
    body: { validFrom: draft.validFrom, rules: spans.map(({ weekday, opens, closes }) => ({ weekday, opens, closes })) },
    keys: spans.map((s) => s.key),
  };
}

/** The form field for an API field path of the hours body, or null when the form has none. */
export function hoursFieldFor(apiField: string, keys: readonly number[]): string | null {
  if (apiField === "validFrom") return VALID_FROM_ID;
  const m = /^rules\.(\d+)(?:\.(opens|closes|weekday))?$/.exec(apiField);
  if (!m) return null;
  const key = keys[Number(m[1])];
  if (key === undefined) return null;
  return spanFieldId(key, m[2] === "closes" ? "closes" : "opens");
}
