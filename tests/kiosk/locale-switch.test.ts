import { afterEach, describe, expect, it, vi } from "vitest";

/*
 * Switching the language (kiosk/shared/locale.ts `setLocale`): every catalog of the page is fetched in
 * the new language before the page switches, also one that a lazy part defines while the switch is
 * waiting for the others (the kiosk's booking steps arriving just as a visitor taps "Русский").
 */

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("setLocale", () => {
  it("fetches a catalog defined while the switch waits, before it switches", async () => {
    vi.resetModules();
    const { defineCatalog, locale, setLocale } = await import("../../kiosk/shared/locale");
    let arrive!: () => void;
    const first = defineCatalog({ hello: "Hallo" }, { ru: () => new Promise((resolve) => (arrive = () => resolve({ default: { hello: "Привет" } }))) });
    const switching = setLocale("ru", { save: false });
    // The lazy part's module runs now: the page still speaks German.
    expect(locale.value).toBe("de");
    const later = defineCatalog({ bye: "Tschüss" }, { ru: () => Promise.resolve({ default: { bye: "Пока" } }) });
    arrive();
    await switching;
    expect(locale.value).toBe("ru");
    expect(first.value.hello).toBe("Привет");
    expect(later.value.bye).toBe("Пока");
  });

  it("stays in its language when a catalog defined meanwhile cannot be fetched", async () => {
    vi.resetModules();
    const { defineCatalog, locale, setLocale } = await import("../../kiosk/shared/locale");
    let arrive!: () => void;
    defineCatalog({ hello: "Hallo" }, { uk: () => new Promise((resolve) => (arrive = () => resolve({ default: { hello: "Привіт" } }))) });
    const switching = setLocale("uk", { save: false });
    defineCatalog({ bye: "Tschüss" }, { uk: () => Promise.reject(new Error("offline")) });
    arrive();
    await expect(switching).rejects.toThrow("offline");
    expect(locale.value).toBe("de");
  });
});
