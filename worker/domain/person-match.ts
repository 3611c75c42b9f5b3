import { canonicalEmail } from "../../common/field-rules";
import { CHECKIN_CODE_LENGTH } from "../../common/limits";
import type { MatchKey } from "../../schemas/data-subjects";

/*
 * Finding a person for a request of a data subject (Art. 15, 17 DSGVO): what an admin types (an e-mail
 * address, a phone number, a name or a check-in code) read as the keys it can be, and whether a stored
 * booking matches one of them. Pure, so the rules are tested without a database; the data layer loads
 * the office's rows that are not erased and this decides.
 *
 * Matching is exact after normalising both sides the same way, never "similar": an erasure must not
 * catch a stranger. Names match word by word, because people give their first and last names in
 * varying order and completeness: every searched word (of two letters or more) is a word of the name;
 * only the last one typed may be the start of one (from MIN_PREFIX_LETTERS letters on), as when a
 * search is cut short. Phone numbers match as a whole number, never as a part of a longer one.
 *
 * The staff board's search (services/board-search.ts) reads the same keys and asks for one thing more
 * (`{ typos: true }`): a longer word of a name may be one slip of the finger away. Staff see what is found
 * and choose; a data subject's request never takes that option.
 */

/** The keys a person can be found by (schemas/data-subjects.ts); the search text is read as each key it can stand for. */
export type { MatchKey };

export interface PersonKeys {
  /** Canonical address (common/field-rules.ts canonicalEmail), as bookings and mails store it. */
  email: string | null;
  /** Digits only, a German country prefix written as the leading 0 (normalPhone). */
  phone: string | null;
  /** Folded name (normalName). */
  name: string | null;
  /** Upper-cased check-in code. */
  code: string | null;
}

/** A searched word shorter than this (in letters) matches only a whole word of the name, not its start. */
export const MIN_PREFIX_LETTERS = 3;
/** Searched words shorter than this (an initial, "J.") are left out of the comparison. */
const MIN_WORD_LETTERS = 2;
/** Fewer digits than this are no phone number (a house number, a code's digits). */
const MIN_PHONE_DIGITS = 5;

const PHONE_TEXT = /^[0-9+()/.\s-]+$/;
const CODE_TEXT = new RegExp(`^[A-Z0-9]{${CHECKIN_CODE_LENGTH}}$`);

/** What `query` (as an admin typed it) can stand for; a key it cannot be is null. */
export function personKeys(query: string): PersonKeys {
  const text = query.trim();
  const email = text.includes("@") ? canonicalEmail(text) : null;
  const phone = PHONE_TEXT.test(text) ? normalPhone(text) : null;
  const upper = text.toUpperCase();
  // Text with an @ is meant as an address and text of phone characters as a number: neither is a name.
  const name = text.includes("@") || phone !== null ? null : normalName(text);
  const hasWord = name !== null && searchedWords(name).length > 0;
  return {
    email,
    phone: phone !== null && phone.length >= MIN_PHONE_DIGITS ? phone : null,
    name: hasWord ? name : null,
    code: CODE_TEXT.test(upper) ? upper : null,
  };
}

/** Whether no key could be read from the search text (nothing to search for). */
export function isEmpty(keys: PersonKeys): boolean {
  return keys.email === null && keys.phone === null && keys.name === null && keys.code === null;
}

/**
 * A phone number as digits: spaces, slashes, dots, dashes and brackets dropped, `+49` and `0049`
 * written as the leading `0` of a German number, any other `+` as `00`. `0831 / 123-45`,
 * `+49 831 12345` and `0049 (831) 12345` are one number. Null when anything else is left.
 */
export function normalPhone(text: string): string | null {
  let digits = text.replace(/[\s/().-]/g, "");
  if (digits.startsWith("+")) digits = `00${digits.slice(1)}`;
  if (!/^[0-9]+$/.test(digits)) return null;
  // A zero some write in brackets after the country code: +49 (0) 831 … is 0831 …
  if (digits.startsWith("0049")) digits = `0${digits.slice(4).replace(/^0/, "")}`;
  return digits;
}

/** Letters that NFKD leaves alone but a person types without their accent or as two letters. */
const FOLDS: Readonly<Record<string, string>> = { ß: "ss", ı: "i", ø: "o", ł: "l", đ: "d", æ: "ae", œ: "oe", þ: "th" };

/**
 * A name folded for comparison: compatibility-decomposed with its accents dropped (é → e, ü → u,
 * ş → s), lower-cased, a few letters written plainly (ß → ss, ı → i), the German way of writing an
 * umlaut without its dots undone (ae → a, oe → o, ue → u: "Müller", "Mueller" and "Muller" fold
 * alike, as do "Michael" and "Michal"; both sides fold the same way), trimmed, inner white space one
 * space. `  Ayşe  YILMAZ ` and `ayse yılmaz` fold alike.
 */
export function normalName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ßıøłđæœþ]/g, (c) => FOLDS[c]!)
    .replace(/([aou])e/g, "$1")
    .replace(/\s+/gu, " ")
    .trim();
}

/** The words of a folded name: split at anything that is neither a letter nor a digit (space, hyphen, comma). */
function nameWords(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/** The words of a folded search that take part in the comparison (initials do not). */
function searchedWords(folded: string): string[] {
  return nameWords(folded).filter((w) => letterCount(w) >= MIN_WORD_LETTERS);
}

function letterCount(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

/** The stored fields of a booking or request a person can be found by (null where erased or not given). */
export interface PersonFields {
  name: string | null;
  email: string | null;
  phone: string | null;
  code: string;
}

/** How a name may be matched besides exactly (see matchedBy). */
export interface MatchOptions {
  /**
   * A searched word of TYPO_MIN_LETTERS letters or more also matches a word of the name one edit away: a
   * letter left out, added or changed, or two neighbours swapped ("Schmitt" finds "Schmidt", "Meyer"
   * "Meier"). For the staff board's search only: staff see the people found and pick one. A data
   * subject's request matches exactly, so that no near miss is a stranger's data.
   */
  typos?: boolean;
}

/** From this many letters a searched word may carry one typo (MatchOptions.typos): shorter names are too alike. */
export const TYPO_MIN_LETTERS = 5;

/** Which of `keys` `row` matches, in a fixed order; empty when it is somebody else. */
export function matchedBy(keys: PersonKeys, row: PersonFields, options: MatchOptions = {}): MatchKey[] {
  const found: MatchKey[] = [];
  if (keys.email !== null && row.email === keys.email) found.push("email");
  if (keys.phone !== null && row.phone !== null && normalPhone(row.phone) === keys.phone) found.push("phone");
  if (keys.name !== null && row.name !== null && nameMatches(keys.name, normalName(row.name), options.typos ?? false)) found.push("name");
  if (keys.code !== null && row.code === keys.code) found.push("code");
  return found;
}

/**
 * Whether every searched word is a word of the stored name, in any order; the last word typed may also be
 * the start of one once it has MIN_PREFIX_LETTERS letters. "Müller Jürgen" and "Müller-Groß, Jürgen"
 * find "Jürgen Müller-Groß"; "Jürgen Mül" and "Mül" find it too; "Mü", "Jürg Müller" and "Jürgen Meier"
 * do not ("Jan Berg" is not "Jana Bergmann").
 */
function nameMatches(wanted: string, stored: string, typos = false): boolean {
  const words = nameWords(stored);
  const searched = searchedWords(wanted);
  return searched.every((w, i) =>
    words.some(
      (word) =>
        word === w ||
        (i === searched.length - 1 && letterCount(w) >= MIN_PREFIX_LETTERS && word.startsWith(w)) ||
        (typos && letterCount(w) >= TYPO_MIN_LETTERS && oneEditApart(w, word)),
    ),
  );
}

/**
 * Whether `a` becomes `b` by one edit: a character left out or added, one changed, or two neighbours
 * swapped (the optimal string alignment distance is at most 1). Compared as folded text (normalName).
 */
export function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Whether a search needs every row of the office read (phone and name), or the indexed keys suffice. */
export function needsScan(keys: PersonKeys): boolean {
  return keys.phone !== null || keys.name !== null;
}

/** Runs of text that may be an address: no white space, brackets or punctuation that ends one. */
const ADDRESS_IN_TEXT = /[^\s<>()[\],;:"']+@[^\s<>()[\],;:"']+/g;
/** Runs of text that may be a phone number: digits with the separators people write, `+` only in front. */
const PHONE_IN_TEXT = /\+?\d[\d\s/().-]*\d/g;

/**
 * The numbers a run of digits may hold: the stretches of its whole digit groups that begin where a number
 * begins, at the run's start or at a group starting with 0 or + ("0831 12345 (9-17" → "0831 12345", …;
 * "0831 12345 08031 55555" → also "08031 55555"). A number followed by office hours or a second number is
 * found as a whole; the end of someone else's number ("08083 123456" for "123456") never is.
 */
function numbersIn(run: string): string[] {
  const groups = run.match(/\+?\d+/g) ?? [];
  const found: string[] = [];
  groups.forEach((group, from) => {
    if (from > 0 && !/^[+0]/.test(group)) return;
    for (let to = from + 1; to <= groups.length; to++) found.push(groups.slice(from, to).join(" "));
  });
  return found;
}

/** What a person filled in on a form whose answer is a mail without a booking (accessibility feedback). */
export interface FilledIn {
  /** The name as typed, null when left empty. */
  name: string | null;
  /** Free text: an address, a phone number, both, or anything else; null when left empty. */
  contact: string | null;
}

/**
 * Which of `keys` the fields a person filled in match: an address in the contact that is the canonical
 * address, a number in it that is the phone number as a whole (after normalPhone: "0831 23456" is not
 * "08083 123456"), the name as matchedBy compares names. The code is never looked for: it belongs to a
 * booking. In a fixed order; empty when it is about nobody searched for.
 */
export function filledInMatchedBy(keys: PersonKeys, fields: FilledIn): MatchKey[] {
  const found: MatchKey[] = [];
  const contact = fields.contact ?? "";
  if (keys.email !== null && (contact.match(ADDRESS_IN_TEXT) ?? []).some((a) => canonicalEmail(a.replace(/\.+$/, "")) === keys.email)) {
    found.push("email");
  }
  if (keys.phone !== null && (contact.match(PHONE_IN_TEXT) ?? []).some((run) => numbersIn(run).some((n) => normalPhone(n) === keys.phone))) {
    found.push("phone");
  }
  if (keys.name !== null && fields.name !== null && nameMatches(keys.name, normalName(fields.name))) found.push("name");
  return found;
}
