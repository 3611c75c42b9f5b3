/*
 * The holder's link to a booking: the manage page with the booking's secret token in the fragment,
 * which browsers never send to a server. One place says what it looks like, so one place can hide it.
 */

/** The manage page of the booking `token` opens, on the site at `origin`. */
export function manageUrl(origin: string, token: string): string {
  return `${origin}/manage#${token}`;
}

/**
 * The manage page with one answer to a request's proposals chosen in advance (`?proposal=<id>`, or
 * `none` for "keiner passt"): opening it changes nothing (mail scanners open links); the page asks for
 * one click to confirm. The proposal's id opens nothing by itself: the token stays in the fragment.
 */
export function proposalUrl(origin: string, token: string, choice: string): string {
  return `${origin}/manage?proposal=${encodeURIComponent(choice)}#${token}`;
}

/** "/manage", an optional query, then "#" and a token, with `gap` allowed between any two characters. */
function linkPattern(gap: string): RegExp {
  const page = [..."/manage"].join(gap);
  return new RegExp(`(${page}(?:${gap}\\?(?:${gap}[A-Za-z0-9=%_-])+)?${gap}#)(?:${gap}[A-Za-z0-9_-])+`, "g");
}

/** In text, a link is one piece. */
const IN_TEXT = linkPattern("");
/** In an invite, a line fold (RFC 5545 3.1: a line break and one space or tab) may split it anywhere. */
const IN_CALENDAR = linkPattern(String.raw`(?:\r?\n[ \t])?`);

/**
 * A mail's text (or, `calendar`, its invite) with every manage link's token replaced by "…" (a proposal
 * link keeps its `?proposal=`, which opens nothing): what colleagues may see of a resident's mail. The
 * mail itself keeps the working link.
 */
export function hideManageLinks(text: string, kind: "text" | "calendar"): string {
  return text.replace(kind === "calendar" ? IN_CALENDAR : IN_TEXT, (_link, page: string) => `${page.replace(/\r?\n[ \t]/g, "")}…`);
}
