import { describe, expect, it } from "vitest";
import { RESIDENT_LOCALES, type Locale } from "../../common/i18n/languages";
import { bind } from "../../common/i18n/messages";
import ar from "../../kiosk/shared/i18n/flow/ar";
import de from "../../kiosk/shared/i18n/flow/de";
import en from "../../kiosk/shared/i18n/flow/en";
import ru from "../../kiosk/shared/i18n/flow/ru";
import tr from "../../kiosk/shared/i18n/flow/tr";
import uk from "../../kiosk/shared/i18n/flow/uk";

/*
 * The booking flow's catalog bound in each language: placeholders filled, the plural form Intl picks for
 * the language (Russian and Ukrainian one/few/many, Arabic all six), numbers in Latin digits everywhere.
 */
const CATALOGS = { de, en, tr, ru, uk, ar } as const;
const bound = (locale: Locale) => bind(de, CATALOGS[locale], locale);

describe("booking flow catalog", () => {
  it.each([
    ["de", "Schritt 2 von 5"],
    ["en", "Step 2 of 5"],
    ["tr", "Adım 2 / 5"],
    ["ru", "Шаг 2 из 5"],
    ["uk", "Крок 2 з 5"],
    ["ar", "الخطوة 2 من 5"],
  ] as const)("%s: the step counter is %s", (locale, expected) => {
    expect(bound(locale).stepOf({ n: 2, total: 5 })).toBe(expected);
  });

  // [count, de, ru, uk, ar]: Russian/Ukrainian 1, 2–4, 5–20 and 21 differ; Arabic 0, 1, 2, 3–10, 11–99, 100+.
  it.each([
    [0, "0 freie Zeiten", "0 свободных окон", "0 вільних вікон", "لا توجد أوقات متاحة"],
    [1, "1 freie Zeit", "1 свободное окно", "1 вільне вікно", "وقت متاح واحد"],
    [2, "2 freie Zeiten", "2 свободных окна", "2 вільні вікна", "وقتان متاحان"],
    [5, "5 freie Zeiten", "5 свободных окон", "5 вільних вікон", "5 أوقات متاحة"],
    [11, "11 freie Zeiten", "11 свободных окон", "11 вільних вікон", "11 وقتًا متاحًا"],
    [21, "21 freie Zeiten", "21 свободное окно", "21 вільне вікно", "21 وقتًا متاحًا"],
    [22, "22 freie Zeiten", "22 свободных окна", "22 вільні вікна", "22 وقتًا متاحًا"],
    [100, "100 freie Zeiten", "100 свободных окон", "100 вільних вікон", "100 وقت متاح"],
  ] as const)("%d free times", (count, deText, ruText, ukText, arText) => {
    expect(bound("de").freeTimes(count)).toBe(deText);
    expect(bound("ru").freeTimes(count)).toBe(ruText);
    expect(bound("uk").freeTimes(count)).toBe(ukText);
    expect(bound("ar").freeTimes(count)).toBe(arText);
  });

  it("minutes and the wait after too many tries take the language's plural form", () => {
    expect(bound("de").minutes(1)).toBe("1 Minute");
    expect(bound("en").minutes(30)).toBe("30 minutes");
    expect(bound("tr").minutes(30)).toBe("30 dakika");
    expect(bound("ru").minutes(21)).toBe("21 минута");
    expect(bound("ru").minutes(3)).toBe("3 минуты");
    expect(bound("uk").minutes(45)).toBe("45 хвилин");
    expect(bound("ar").minutes(2)).toBe("دقيقتان");
    expect(bound("ar").minutes(10)).toBe("10 دقائق");
    expect(bound("ar").minutes(30)).toBe("30 دقيقة");
    expect(bound("de").rateLimited(1)).toContain("warten Sie 1 Minute.");
    expect(bound("ru").rateLimited(5)).toContain("подождите 5 минут.");
    expect(bound("uk").rateLimited(1)).toContain("зачекайте 1 хвилину.");
    expect(bound("ar").rateLimited(1)).toContain("الانتظار دقيقة واحدة");
  });

  it("a plural with a placeholder fills both", () => {
    expect(bound("de").showing(30, { topic: "Bewerbung" })).toBe("Freie Zeiten für: Bewerbung (30 Minuten).");
    expect(bound("tr").showing(30, { topic: "Başvuru" })).toBe("Boş saatler: Başvuru (30 dakika).");
    expect(bound("ru").showing(45, { topic: "Резюме" })).toBe("Свободное время для темы: Резюме (45 минут).");
    expect(bound("ar").showing(45, { topic: "السيرة الذاتية" })).toBe("الأوقات المتاحة لموضوع: السيرة الذاتية (45 دقيقة).");
    expect(bound("uk").consentText(30)).toContain("Через 30 днів після прийому");
    expect(bound("ar").consentText(30)).toContain("بعد 30 يومًا من الموعد");
  });

  it("every language names every field error, status and time of day, none of them empty", () => {
    for (const locale of RESIDENT_LOCALES) {
      const t = bound(locale);
      for (const key of Object.keys(de.fieldErrors) as (keyof typeof de.fieldErrors)[]) expect(t.fieldErrors[key]).not.toBe("");
      for (const key of Object.keys(de.status) as (keyof typeof de.status)[]) expect(t.status[key]).not.toBe("");
      expect(t.timesOfDay.evening).not.toBe("");
      expect(t.holidayWithReason({ reason: "X" })).toMatch(/X/);
    }
  });

  it("translations are not German in disguise: the title differs in every language", () => {
    const titles = RESIDENT_LOCALES.map((l) => bound(l).title);
    expect(new Set(titles).size).toBe(RESIDENT_LOCALES.length);
  });
});
