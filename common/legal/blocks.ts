import type { Block, Inline } from "./types";

/*
 * Small builders the page texts are written with. Settings of several lines (an address block) become
 * one line each; a line that is only a web or e-mail address becomes a link.
 */

export const p = (...parts: Inline[]): Block => ({ kind: "p", parts });
/** Lines of an address or contact block; empty ones (a setting not configured) are left out. */
export const lines = (...ls: (Inline | Inline[] | null | undefined | false)[]): Block => ({
  kind: "lines",
  lines: ls.filter(isPresent).map((l) => (Array.isArray(l) ? l : [l])),
});
export const list = (...items: (Inline | Inline[])[]): Block => ({ kind: "list", items: items.map((i) => (Array.isArray(i) ? i : [i])) });
export const link = (text: string, href: string): Inline => ({ text, href });

function isPresent(v: Inline | Inline[] | null | undefined | false): v is Inline | Inline[] {
  return v !== null && v !== undefined && v !== false && v !== "";
}

/** A multi-line setting as lines, web and e-mail addresses linked. */
export function settingLines(text: string): Inline[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .map(linkedLine);
}

function linkedLine(line: string): Inline {
  if (/^https:\/\/\S+$/.test(line)) return link(line, line);
  if (/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(line)) return link(line, `mailto:${line}`);
  return line;
}

/** "0172 / 2315911" → "tel:01722315911". */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, "")}`;
}

/** The office's postal address as lines: body, department, office, street, town (each where configured). */
export function postalLines(o: { street: string; postalCode: string | null; city: string }): string[] {
  return [o.street, [o.postalCode, o.city].filter(Boolean).join(" ")];
}
