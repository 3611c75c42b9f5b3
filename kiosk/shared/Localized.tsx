/*
 * The office's own texts (topic names and descriptions, closure reasons, notes of extra hours) on a
 * resident's page. The office writes German and English, the other languages where it can
 * (common/texts.ts); where the page's language is missing, the German text stands in, marked
 * `lang="de"` so a screen reader reads it with a German voice, and `dir="ltr"` so it keeps its own
 * direction (and stays isolated) inside an Arabic page.
 */
import type { OfficeTexts } from "../../common/texts";
import type { Locale } from "../../common/i18n/languages";
import { locale as pageLocale } from "./locale";

/** A text as a page shows it: the words, and `lang` when they are not in the page's language. */
export interface ShownText {
  text: string;
  /** "de" where the German stands in for a missing language; null when it is the page's own. */
  lang: "de" | null;
}

/** What `texts` shows in `locale`: its own words, or the German marked as such. */
export function shownText(texts: OfficeTexts, locale: Locale): ShownText {
  const own = texts[locale];
  if (own) return { text: own, lang: null };
  return { text: texts.de, lang: locale === "de" ? null : "de" };
}

/**
 * `texts` in the page's language (`locale`, default the page's), or the German in `<span lang="de">`.
 * Renders text only, so it fits in a heading, a button or a sentence.
 */
export function Localized({ text, locale }: { text: OfficeTexts; locale?: Locale }) {
  const shown = shownText(text, locale ?? pageLocale.value);
  if (shown.text === "") return null;
  if (shown.lang === null) return <>{shown.text}</>;
  return (
    <span lang={shown.lang} dir="ltr">
      {shown.text}
    </span>
  );
}

/**
 * The office's own German words that have no translation (its name, its address) on a page in another
 * language: marked `lang="de"` so a screen reader reads them with a German voice, and isolated left to
 * right inside an Arabic page. On a German page, just the words.
 */
export function OfficeWords({ children }: { children: string }) {
  if (pageLocale.value === "de") return <>{children}</>;
  return (
    <span lang="de" dir="ltr">
      {children}
    </span>
  );
}

/** Stands for the office text in a message until it is rendered; a private-use character no text has. */
const SLOT = "\uE000";

/**
 * A catalog message with an office text in it, e.g. `s.topicsUnsure(label)` → "Nicht sicher? Wählen Sie
 * „Allgemeine Fragen“.", where the text keeps its own `lang` (the message is a string, so it cannot hold
 * markup itself): `<InMessage message={(x) => s.topicsUnsure(x)} text={general.label} />`.
 */
export function InMessage({ message, text, locale }: { message: (slot: string) => string; text: OfficeTexts; locale?: Locale }) {
  const wanted = locale ?? pageLocale.value;
  // An empty text (a holiday without a name): the message's own form for "no text", nothing to mark.
  if (shownText(text, wanted).text === "") return <>{message("")}</>;
  const [before, after] = message(SLOT).split(SLOT);
  return (
    <>
      {before}
      <Localized text={text} locale={wanted} />
      {after}
    </>
  );
}
