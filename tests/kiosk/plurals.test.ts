import { describe, expect, it } from "vitest";
import { RESIDENT_LOCALES, type Locale } from "../../common/i18n/languages";
import { bind, type Translation } from "../../common/i18n/messages";
import de from "../../kiosk/status/i18n/status/de";
import en from "../../kiosk/status/i18n/status/en";
import tr from "../../kiosk/status/i18n/status/tr";
import ru from "../../kiosk/status/i18n/status/ru";
import uk from "../../kiosk/status/i18n/status/uk";
import ar from "../../kiosk/status/i18n/status/ar";
import { aheadInWords, waitInWords } from "../../kiosk/status/view";

/*
 * Plurals per language, word for word: the status page's "1 Person vor Ihnen" and the wait in words, as
 * each language says them (Intl.PluralRules picks the form: Russian and Ukrainian have three for whole
 * numbers, Arabic six). The expected words are written out by hand, so a wrong form in a catalog or a
 * wrong category from the rules fails here.
 */

const catalogs: Readonly<Record<Locale, Translation<typeof de>>> = { de, en, tr, ru, uk, ar };
const words = (lang: Locale) => bind(de, catalogs[lang], lang);

describe("people ahead on the status page", () => {
  const counts = [1, 2, 5, 11, 21, 0, 100] as const;
  it.each<[Locale, readonly string[]]>([
    [
      "de",
      [
        "Vor Ihnen ist noch 1 Person.",
        "Vor Ihnen sind noch 2 Personen.",
        "Vor Ihnen sind noch 5 Personen.",
        "Vor Ihnen sind noch 11 Personen.",
        "Vor Ihnen sind noch 21 Personen.",
        "Sie sind als Nächstes dran.",
        "Vor Ihnen sind noch 100 Personen.",
      ],
    ],
    [
      "en",
      [
        "There is 1 person before you.",
        "There are 2 people before you.",
        "There are 5 people before you.",
        "There are 11 people before you.",
        "There are 21 people before you.",
        "You are next.",
        "There are 100 people before you.",
      ],
    ],
    [
      "tr",
      [
        "Önünüzde 1 kişi var.",
        "Önünüzde 2 kişi var.",
        "Önünüzde 5 kişi var.",
        "Önünüzde 11 kişi var.",
        "Önünüzde 21 kişi var.",
        "Sıradaki sizsiniz.",
        "Önünüzde 100 kişi var.",
      ],
    ],
    [
      // one (1, 21), few (2), many (5, 11, 100)
      "ru",
      [
        "Перед вами ещё 1 человек.",
        "Перед вами ещё 2 человека.",
        "Перед вами ещё 5 человек.",
        "Перед вами ещё 11 человек.",
        "Перед вами ещё 21 человек.",
        "Ваша очередь следующая.",
        "Перед вами ещё 100 человек.",
      ],
    ],
    [
      "uk",
      [
        "Перед вами ще 1 людина.",
        "Перед вами ще 2 людини.",
        "Перед вами ще 5 людей.",
        "Перед вами ще 11 людей.",
        "Перед вами ще 21 людина.",
        "Ваша черга наступна.",
        "Перед вами ще 100 людей.",
      ],
    ],
    [
      // one and two without a number, few (3–10), many (11–99), other (100)
      "ar",
      [
        "يوجد قبلكم شخص واحد.",
        "يوجد قبلكم شخصان.",
        "يوجد قبلكم 5 أشخاص.",
        "يوجد قبلكم 11 شخصًا.",
        "يوجد قبلكم 21 شخصًا.",
        "دوركم هو التالي.",
        "يوجد قبلكم 100 شخص.",
      ],
    ],
  ])("%s: 1, 2, 5, 11, 21, 0, 100 people ahead", (lang, expected) => {
    const s = words(lang);
    expect(counts.map((n) => aheadInWords(n, s))).toEqual(expected);
  });

  it("Arabic's zero form exists for the catalog's own sake, though the page says 'next' for nobody ahead", () => {
    expect(words("ar").ahead(0)).toBe("لا يوجد أحد قبلكم.");
    expect(aheadInWords(0, words("ar"))).toBe("دوركم هو التالي.");
  });

  it("the table covers every language a resident can choose", () => {
    expect([...RESIDENT_LOCALES].sort()).toEqual(Object.keys(catalogs).sort());
  });
});

describe("the wait in words", () => {
  const estimates = [
    [15, 30],
    [0, 1],
    [0, 2],
    [0, 21],
    [30, 30],
    [90, 150],
    [45, 120],
    [0, 0],
  ] as const;
  it.each<[Locale, readonly string[]]>([
    [
      "de",
      [
        "etwa 15 bis 30 Minuten",
        "bis zu 1 Minute",
        "bis zu 2 Minuten",
        "bis zu 21 Minuten",
        "etwa 30 Minuten",
        "etwa 1,5 bis 2,5 Stunden",
        "etwa 45 Minuten bis 2 Stunden",
        "nur noch kurz",
      ],
    ],
    [
      "en",
      [
        "about 15 to 30 minutes",
        "up to 1 minute",
        "up to 2 minutes",
        "up to 21 minutes",
        "about 30 minutes",
        "about 1.5 to 2.5 hours",
        "about 45 minutes to 2 hours",
        "only a short while",
      ],
    ],
    [
      "tr",
      [
        "yaklaşık 15 ila 30 dakika",
        "en fazla 1 dakika",
        "en fazla 2 dakika",
        "en fazla 21 dakika",
        "yaklaşık 30 dakika",
        "yaklaşık 1,5 ila 2,5 saat",
        "yaklaşık 45 dakika ila 2 saat",
        "çok kısa bir süre",
      ],
    ],
    [
      // After "до", "около", "от": the genitive (1 and 21 минуты, 2 and 30 минут, 1,5 часа).
      "ru",
      [
        "примерно от 15 до 30 минут",
        "до 1 минуты",
        "до 2 минут",
        "до 21 минуты",
        "около 30 минут",
        "примерно от 1,5 до 2,5 часа",
        "примерно от 45 минут до 2 часов",
        "совсем недолго",
      ],
    ],
    [
      "uk",
      [
        "приблизно від 15 до 30 хвилин",
        "до 1 хвилини",
        "до 2 хвилин",
        "до 21 хвилини",
        "близько 30 хвилин",
        "приблизно від 1,5 до 2,5 години",
        "приблизно від 45 хвилин до 2 годин",
        "зовсім недовго",
      ],
    ],
    [
      // Latin digits (ar-u-nu-latn), the dual in the genitive after "حتى" and "إلى".
      "ar",
      [
        "حوالي 15 إلى 30 دقيقة",
        "حتى دقيقة واحدة",
        "حتى دقيقتين",
        "حتى 21 دقيقة",
        "حوالي 30 دقيقة",
        "حوالي 1.5 إلى 2.5 ساعة",
        "حوالي 45 دقيقة إلى ساعتين",
        "وقت قصير فقط",
      ],
    ],
  ])("%s", (lang, expected) => {
    const s = words(lang);
    expect(estimates.map(([low, high]) => waitInWords({ low, high }, s.wait, lang))).toEqual(expected);
  });
});
