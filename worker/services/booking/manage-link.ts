/*
 * The holder's link to a booking: the manage page with the booking's secret token in the fragment,
 * which browsers never send to a server. One place says what it looks like, so one place can hide it.
 */

/** The manage page of the booking `token` opens, on the site at `origin`. */
export function manageUrl(origin: string, token: string): string {
  return `${origin}/manage#${token}`;
}

/** A line fold of iCalendar text (RFC 5545 3.1): a line break and one space or tab, anywhere in a line. */
const FOLD = String.raw`(?:\r?\n[ \t])?`;

/**
 * Manage links in a mail's text or invite, with the token replaced by "…" even where an invite's line
 * folding split the link: what colleagues may see of a resident's mail (the mail itself keeps the link).
 */
const MANAGE_LINK = new RegExp([..."/manage#"].join(FOLD) + `(?:${FOLD}[A-Za-z0-9_-])+`, "g");

/** `text` with every manage link's token replaced by "…" (see MANAGE_LINK). */
export function redactManageLinks(text: string): string {
  return text.replace(MANAGE_LINK, "/manage#…");
}
