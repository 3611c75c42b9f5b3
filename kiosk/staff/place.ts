/*
 * Where the board is, as its address says it: `/staff/?day=YYYY-MM-DD&view=<section>`. `day` left out is
 * today (so a bookmark stays "today"), `view` left out is the day's appointments. A reload, the browser's
 * back and forward and a link shared with a colleague keep the place. Pure: the page's glue (address.ts)
 * reads and writes `location` and `history`.
 *
 * Views (`?view=`): appointments (the day: appointments, queue, requests), week (the week at a glance),
 * stats, outbox, feed (calendar feed), admin (admins only), passkeys. Other parts of the board link to a
 * day with `?day=YYYY-MM-DD` and nothing else (optionally `&view=appointments`).
 */
import { isDayInRange } from "../../common/field-rules";
import { STAFF_VIEWS, type StaffView } from "./board";

export interface Place {
  /** A local day of the office (`YYYY-MM-DD`), or null for today. */
  day: string | null;
  view: StaffView;
}

export const HOME: Place = { day: null, view: "appointments" };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day in the range the API takes (2000–2100), else null. */
export function validDay(text: string | null | undefined): string | null {
  if (!text || !DAY.test(text)) return null;
  const [y, m, d] = text.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return real && isDayInRange(text) ? text : null;
}

/** The place an address's query names; what it cannot be read as falls back to today and the appointments. */
export function parsePlace(search: string): Place {
  const params = new URLSearchParams(search);
  const view = params.get("view");
  return {
    day: validDay(params.get("day")),
    view: STAFF_VIEWS.includes(view as StaffView) ? (view as StaffView) : HOME.view,
  };
}

/**
 * The query of a place (with its `?`, or "" for today's appointments). `today`, when known, is written as
 * no day at all: the address then follows the calendar.
 */
export function placeQuery(place: Place, today?: string): string {
  const params = new URLSearchParams();
  if (place.day !== null && place.day !== today) params.set("day", place.day);
  if (place.view !== HOME.view) params.set("view", place.view);
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function samePlace(a: Place, b: Place): boolean {
  return a.day === b.day && a.view === b.view;
}

/**
 * The place a link on the page leads to when it is one of the board's own (same origin and path, only a
 * query): followed in the page instead of loading it anew. Null for any other link.
 */
export function inPagePlace(href: string, current: { origin: string; pathname: string }): Place | null {
  let url: URL;
  try {
    url = new URL(href, `${current.origin}${current.pathname}`);
  } catch {
    return null;
  }
  const path = (p: string) => p.replace(/\/$/, "");
  if (url.origin !== current.origin || path(url.pathname) !== path(current.pathname) || url.hash) return null;
  return parsePlace(url.search);
}
