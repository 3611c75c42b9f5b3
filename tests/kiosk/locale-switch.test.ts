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

/** A page at `href` with nothing saved, in a browser whose languages are `languages`. */
function page(href: string, languages: string[] = ["de-DE"]) {
  const store = new Map<string, string>();
  const location = new URL(href);
  const replaced: string[] = [];
  vi.stubGlobal("location", location);
  vi.stubGlobal("navigator", { languages });
  vi.stubGlobal("localStorage", { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) });
  vi.stubGlobal("history", {
    state: null,
    replaceState: (_s: unknown, _t: string, url: URL) => {
      replaced.push(String(url));
      location.href = String(url);
    },
  });
  return { store, replaced };
}

describe("the address's ?lang=", () => {
  it("starts the page in it, before the saved choice and the browser's, and a booking's own language does not override it", async () => {
    vi.resetModules();
    const world = page("https://termine.example.org/manage?lang=tr#abc", ["ru"]);
    world.store.set("sprechstunde.locale", "uk");
    const { locale, startLocale } = await import("../../kiosk/shared/locale");
    await startLocale();
    expect(locale.value).toBe("tr");

    vi.resetModules();
    page("https://termine.example.org/manage?lang=tr#abc", ["ru"]);
    const fresh = await import("../../kiosk/shared/locale");
    await fresh.startLocale();
    // The booking was made in English; nothing is saved on this device: the address still wins.
    await fresh.preferLocale("en");
    expect(fresh.locale.value).toBe("tr");
  });

  it("gives way to a choice in the menu: saved, and dropped from the address so a reload keeps the choice", async () => {
    vi.resetModules();
    const world = page("https://termine.example.org/?lang=tr");
    const { locale, setLocale, startLocale } = await import("../../kiosk/shared/locale");
    await startLocale();
    expect(locale.value).toBe("tr");
    await setLocale("de");
    expect(world.replaced).toEqual(["https://termine.example.org/"]);
    vi.resetModules();
    const again = await import("../../kiosk/shared/locale");
    await again.startLocale();
    expect(again.locale.value).toBe("de");
  });
});
