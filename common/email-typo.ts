/*
 * "Meinten Sie name@gmail.com?": a suggestion for an e-mail address whose domain looks mistyped. Only a
 * suggestion, never a block (a rare real domain must still go through). Pure and small, for the pages:
 * a list of the domains residents here use most and the common slips at the end of an address (".con",
 * ".de.de"). Written here rather than taken from `mailcheck`, which has had no release since 2015 and
 * brings a US domain list; these few lines say exactly what they suggest.
 */

/** The domains most addresses here end in; a domain one or two slips away from one of them is suggested. */
export const COMMON_DOMAINS: readonly string[] = [
  "gmail.com",
  "googlemail.com",
  "web.de",
  "gmx.de",
  "gmx.net",
  "gmx.at",
  "t-online.de",
  "outlook.com",
  "outlook.de",
  "hotmail.com",
  "hotmail.de",
  "live.de",
  "yahoo.com",
  "yahoo.de",
  "icloud.com",
  "freenet.de",
  "posteo.de",
  "mailbox.org",
  "arcor.de",
  "aol.com",
  "mail.ru",
  "yandex.ru",
  "ukr.net",
  "i.ua",
  "outlook.com.tr",
  // Real domains near the ones above, listed so they are never "corrected" into them.
  "mail.de",
  "email.de",
  "online.de",
  "vodafone.de",
  "aol.de",
  "gmx.ch",
  "me.com",
  "mac.com",
  "yandex.com",
  "inbox.ru",
  "list.ru",
  "bk.ru",
  "rambler.ru",
];

/** Endings that are slips of a real ending: `.con` → `.com`, `.de.de` → `.de`. Longest first where they overlap. */
const ENDING_SLIPS: readonly [slip: RegExp, ending: string][] = [
  [/\.de\.de$/, ".de"],
  [/\.com\.com$/, ".com"],
  [/\.(?:con|cmo|comm|cpm|vom|xom|ocm|coom|cim)$/, ".com"],
  [/\.(?:dee|ded|ed)$/, ".de"],
  [/\.(?:nett|nte|ner)$/, ".net"],
  [/\.(?:ry|rru)$/, ".ru"],
];

/**
 * The address as it was probably meant, or null when it looks right (or is no address at all). The
 * local part is kept as typed; only the domain is corrected.
 */
export function suggestEmail(address: string): string | null {
  const trimmed = address.trim();
  const at = trimmed.lastIndexOf("@");
  if (at < 1 || at === trimmed.length - 1) return null;
  const local = trimmed.slice(0, at);
  const typed = trimmed.slice(at + 1).toLowerCase();
  if (COMMON_DOMAINS.includes(typed)) return null;

  let domain = typed;
  for (const [slip, ending] of ENDING_SLIPS) domain = domain.replace(slip, ending);
  const nearest = nearestCommon(domain);
  if (nearest) domain = nearest;
  return domain !== typed && domain.includes(".") ? `${local}@${domain}` : null;
}

/** The common domain within reach of `domain` (one slip for short names, two for longer), or null. */
function nearestCommon(domain: string): string | null {
  if (COMMON_DOMAINS.includes(domain)) return domain;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of COMMON_DOMAINS) {
    const allowed = candidate.length <= 6 ? 1 : 2;
    const d = distance(domain, candidate);
    if (d <= allowed && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Edits between two strings: insert, delete, replace, or swap two neighbours (optimal string alignment). */
function distance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}
