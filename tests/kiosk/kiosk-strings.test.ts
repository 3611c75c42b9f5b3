import { describe, expect, it } from "vitest";
import { RESIDENT_LOCALES, type Locale } from "../../common/i18n/languages";
import { bind, type Bound } from "../../common/i18n/messages";
import de from "../../kiosk/kiosk/i18n/kiosk/de";
import en from "../../kiosk/kiosk/i18n/kiosk/en";
import tr from "../../kiosk/kiosk/i18n/kiosk/tr";
import ru from "../../kiosk/kiosk/i18n/kiosk/ru";
import uk from "../../kiosk/kiosk/i18n/kiosk/uk";
import ar from "../../kiosk/kiosk/i18n/kiosk/ar";

/** The kiosk's catalog bound in each language, as the tablet calls it. */
const k: Readonly<Record<Locale, Bound<typeof de>>> = {
  de: bind(de, de, "de"),
  en: bind(de, en, "en"),
  tr: bind(de, tr, "tr"),
  ru: bind(de, ru, "ru"),
  uk: bind(de, uk, "uk"),
  ar: bind(de, ar, "ar"),
};

describe("the kiosk's words", () => {
  it.each([
    ["de", ["Vor Ihnen ist 1 Person.", "Vor Ihnen sind 3 Personen.", "Vor Ihnen sind 21 Personen."]],
    ["en", ["1 person is before you.", "3 people are before you.", "21 people are before you."]],
    ["tr", ["Önünüzde 1 kişi var.", "Önünüzde 3 kişi var.", "Önünüzde 21 kişi var."]],
    ["ru", ["Перед вами 1 человек.", "Перед вами 3 человека.", "Перед вами 21 человек."]],
    ["uk", ["Перед вами 1 людина.", "Перед вами 3 людини.", "Перед вами 21 людина."]],
    ["ar", ["قبلكم شخص واحد.", "قبلكم 3 أشخاص.", "قبلكم 21 شخصًا."]],
  ] as const)("counts the people ahead in %s by its own plural rules", (locale, expected) => {
    expect([1, 3, 21].map((n) => k[locale].ahead(n))).toEqual(expected);
  });

  it.each([
    ["ru", [5, 11, 22], ["Не хватает ещё 5 знаков.", "Не хватает ещё 11 знаков.", "Не хватает ещё 22 знаков."]],
    ["uk", [1, 2, 5], ["Бракує ще 1 знака.", "Бракує ще 2 знаків.", "Бракує ще 5 знаків."]],
    ["ar", [1, 2, 5], ["ينقص حرف واحد.", "ينقص حرفان.", "تنقص 5 أحرف."]],
  ] as const)("says how many characters are missing in %s", (locale, counts, expected) => {
    expect(counts.map((n) => k[locale].missing(n))).toEqual(expected);
  });

  it("writes numbers in Latin digits in Arabic, as on the call display and the ticket", () => {
    expect(k.ar.estimateRange(60, { low: 15 })).toBe("مدة الانتظار: من 15 إلى 60 دقيقة تقريبًا.");
    expect(k.ar.statusQrLabel({ label: "W 7" })).toContain("W 7");
  });

  it.each([
    [30, "Wartezeit: bis zu 30 Minuten."],
    [1, "Wartezeit: bis zu 1 Minute."],
  ])("gives the wait up to %d minutes as a range, never a promise: %j", (high, expected) => {
    expect(k.de.estimateUpTo(high)).toBe(expected);
  });

  it("explains each refusal in its own words, in every language", () => {
    for (const locale of RESIDENT_LOCALES) {
      const texts = Object.values(k[locale].refusals).map((r) => r.text);
      expect(new Set(texts).size).toBe(texts.length);
      const headings = Object.values(k[locale].refusals).map((r) => r.heading);
      expect(new Set(headings).size).toBe(headings.length);
    }
  });

  it("asks for staff when the network is gone, in the issue's words", () => {
    expect(k.de.noConnectionHeading).toBe("Bitte wenden Sie sich an das Personal.");
  });
});
