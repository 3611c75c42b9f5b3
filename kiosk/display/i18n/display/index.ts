/*
 * The display's words in both its languages at once: German and English are shown together (a waiting
 * room has no language switch), so both are bundled and each message is a pair `{ de, en }`.
 */
import { bind, type Bound } from "../../../../common/i18n/messages";
import de from "./de";
import en from "./en";

/** A message in both languages. */
export type Bi = { readonly de: string; readonly en: string };

const german = bind(de, de, "de");
const english = bind(de, en, "en");

/** Plain messages as pairs; `waiting(n)` and `announce({ label, room })` give a pair for their values. */
export const display = {
  ...(Object.fromEntries(
    (Object.keys(de) as (keyof typeof de)[])
      .filter((key) => typeof german[key] === "string")
      .map((key) => [key, { de: german[key], en: english[key] }]),
  ) as { readonly [K in keyof typeof de as Bound<(typeof de)[K]> extends string ? K : never]: Bi }),
  waiting: (count: number): Bi => ({ de: german.waiting(count), en: english.waiting(count) }),
  announce: (values: { label: string; room: string }): Bi => ({ de: german.announce(values), en: english.announce(values) }),
  opensToday: (time: string): Bi => ({ de: german.opensToday({ time }), en: english.opensToday({ time }) }),
  opensTomorrow: (time: string): Bi => ({ de: german.opensTomorrow({ time }), en: english.opensTomorrow({ time }) }),
  /** `day` per language: the weekday (and date) in each. */
  opensOn: (day: Bi, time: string): Bi => ({ de: german.opensOn({ day: day.de, time }), en: english.opensOn({ day: day.en, time }) }),
};
