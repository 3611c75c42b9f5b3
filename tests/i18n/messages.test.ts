import { describe, expect, it } from "vitest";
import { acceptedLanguages, direction, intlLocale, negotiate, RESIDENT_LOCALES, STAFF_LOCALES } from "../../common/i18n/languages";
import { bind, placeholdersOf, type Translation } from "../../common/i18n/messages";
import { compareCatalog } from "../../common/i18n/check";

const de = {
  title: "Termin buchen",
  step: "Schritt {n} von {total}",
  ahead: { one: "1 Person vor Ihnen", other: "{count} Personen vor Ihnen" },
  room: { one: "{count} Person wartet auf {room}", other: "{count} Personen warten auf {room}" },
  group: { morning: "Vormittag" },
} as const;

const ru = {
  title: "Записаться",
  step: "Шаг {n} из {total}",
  ahead: { one: "{count} человек перед вами", few: "{count} человека перед вами", many: "{count} человек перед вами", other: "{count} человека перед вами" },
  room: { one: "{count} ждёт {room}", few: "{count} ждут {room}", many: "{count} ждут {room}", other: "{count} ждут {room}" },
  group: { morning: "Утро" },
} satisfies Translation<typeof de>;

describe("languages", () => {
  it("negotiates the browser's preferred languages by primary subtag, German when none is offered", () => {
    expect(negotiate(["tr-TR", "en-US"], RESIDENT_LOCALES)).toBe("tr");
    expect(negotiate(["fr-FR", "uk"], RESIDENT_LOCALES)).toBe("uk");
    expect(negotiate(["AR_sy"], RESIDENT_LOCALES)).toBe("ar");
    expect(negotiate(["fr", "it"], RESIDENT_LOCALES)).toBe("de");
    expect(negotiate([], RESIDENT_LOCALES)).toBe("de");
    // The staff board offers two: a Turkish browser gets German there.
    expect(negotiate(["tr", "ru"], STAFF_LOCALES)).toBe("de");
    expect(negotiate(["ru", "en-GB"], STAFF_LOCALES)).toBe("en");
  });

  it.each<[string | null, string[]]>([
    ["tr-TR,tr;q=0.9,en;q=0.8", ["tr-TR", "tr", "en"]],
    ["en;q=0.5, tr-TR, tr;q=0.9", ["tr-TR", "tr", "en"]],
    ["ru ; q=0.7 , uk", ["uk", "ru"]],
    ["de;q=0, ar", ["ar"]],
    ["fr;q=abc, en", ["en"]],
    ["*", ["*"]],
    ["", []],
    [null, []],
  ])("reads the Accept-Language header %s, most wanted first", (header, tags) => {
    expect(acceptedLanguages(header)).toEqual(tags);
  });

  it("writes Arabic right to left with Latin digits; every other language left to right", () => {
    expect(direction("ar")).toBe("rtl");
    for (const code of RESIDENT_LOCALES.filter((l) => l !== "ar")) expect(direction(code)).toBe("ltr");
    const time = new Intl.DateTimeFormat(intlLocale("ar"), { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });
    expect(time.format(new Date("2026-12-07T13:05:00Z"))).toMatch(/13:05/);
  });
});

describe("messages", () => {
  it("fills named placeholders, numbers in the language's digits and grouping", () => {
    const t = bind(de, de, "de");
    expect(t.title).toBe("Termin buchen");
    expect(t.step({ n: 2, total: 5 })).toBe("Schritt 2 von 5");
    expect(t.room(1200, { room: "Raum 2" })).toBe("1.200 Personen warten auf Raum 2");
    expect(t.group.morning).toBe("Vormittag");
  });

  it("chooses plural forms by Intl.PluralRules: Russian one/few/many", () => {
    const t = bind(de, ru, "ru");
    expect([1, 2, 5, 11, 21, 22].map((n) => t.ahead(n))).toEqual([
      "1 человек перед вами",
      "2 человека перед вами",
      "5 человек перед вами",
      "11 человек перед вами",
      "21 человек перед вами",
      "22 человека перед вами",
    ]);
  });

  it("falls back to German for a key a translation lacks (only possible around the types)", () => {
    const partial = { ...ru, title: undefined } as unknown as Translation<typeof de>;
    expect(bind(de, partial, "ru").title).toBe("Termin buchen");
  });

  it("finds the placeholders of a message", () => {
    expect(placeholdersOf("{b} und {a} und {b}")).toEqual(["a", "b"]);
    expect(placeholdersOf("ohne")).toEqual([]);
  });
});

describe("the check", () => {
  it("is clean for a complete translation", () => {
    expect(compareCatalog(de, ru, "ru").filter((p) => p.kind !== "identical")).toEqual([]);
  });

  it("names missing keys, extra keys, differing placeholders and missing plural forms", () => {
    const broken = {
      step: "Шаг {n}",
      ahead: { one: "{count} человек", other: "{count} человека" },
      room: ru.room,
      group: { morning: "Утро", evening: "Вечер" },
    };
    const kinds = compareCatalog(de, broken, "ru").map((p) => `${p.kind} ${p.key}`);
    expect(kinds).toEqual(
      expect.arrayContaining(["missing title", "placeholders step", "plural ahead.few", "plural ahead.many", "extra group.evening"]),
    );
  });

  it("asks Arabic for all six plural forms, Turkish for two", () => {
    const ar = compareCatalog(de, { ...ru, ahead: { other: "{count}" } }, "ar").filter((p) => p.kind === "plural" && p.key.startsWith("ahead"));
    expect(ar.map((p) => p.key).sort()).toEqual(["ahead.few", "ahead.many", "ahead.one", "ahead.two", "ahead.zero"]);
    const tr = compareCatalog(de, { ...ru, ahead: { other: "{count}" } }, "tr").filter((p) => p.kind === "plural" && p.key.startsWith("ahead"));
    expect(tr.map((p) => p.key)).toEqual(["ahead.one"]);
  });

  it("lists a string left in German without failing", () => {
    const same = { ...ru, title: "Termin buchen" };
    expect(compareCatalog(de, same, "ru")).toEqual([{ kind: "identical", key: "title", detail: "Termin buchen" }]);
  });
});
