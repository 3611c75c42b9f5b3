import { describe, expect, it } from "vitest";
import { inPagePlace, parsePlace, placeQuery, samePlace, validDay } from "../../kiosk/staff/place";
import { isSearchShortcut } from "../../kiosk/staff/shortcut";

/*
 * Where the board is, as its address says it (`/staff/?day=YYYY-MM-DD&view=<section>`), and its one
 * keyboard shortcut. Pure: what the page does with `location` and `history` follows from these.
 */

describe("the board's address", () => {
  it("reads day and section; left out they are today and the day's appointments", () => {
    expect(parsePlace("")).toEqual({ day: null, view: "appointments" });
    expect(parsePlace("?day=2026-12-02")).toEqual({ day: "2026-12-02", view: "appointments" });
    expect(parsePlace("?day=2026-12-02&view=week")).toEqual({ day: "2026-12-02", view: "week" });
    expect(parsePlace("?view=outbox")).toEqual({ day: null, view: "outbox" });
  });

  it("reads what it cannot use as today and the appointments, never as an error", () => {
    for (const query of ["?day=2026-02-30", "?day=30.11.2026", "?day=1999-12-31", "?day=2101-01-01", "?day="]) {
      expect(parsePlace(query).day, query).toBeNull();
    }
    expect(parsePlace("?view=settings").view).toBe("appointments");
    expect(validDay("2028-02-29")).toBe("2028-02-29");
    expect(validDay("2027-02-29")).toBeNull();
  });

  it("writes the shortest address: no day for today, no view for the appointments, and reads it back", () => {
    expect(placeQuery({ day: null, view: "appointments" })).toBe("");
    expect(placeQuery({ day: "2026-12-02", view: "appointments" })).toBe("?day=2026-12-02");
    expect(placeQuery({ day: "2026-12-02", view: "week" })).toBe("?day=2026-12-02&view=week");
    expect(placeQuery({ day: "2026-11-30", view: "stats" }, "2026-11-30")).toBe("?view=stats");
    for (const place of [{ day: "2026-12-02", view: "week" as const }, { day: null, view: "admin" as const }]) {
      expect(samePlace(parsePlace(placeQuery(place)), place)).toBe(true);
    }
  });

  it("follows the board's own links in the page, and no other", () => {
    const here = { origin: "https://termine.example.org", pathname: "/staff/" };
    expect(inPagePlace("?day=2026-12-02", here)).toEqual({ day: "2026-12-02", view: "appointments" });
    expect(inPagePlace("/staff/?day=2026-12-02&view=appointments", here)).toEqual({ day: "2026-12-02", view: "appointments" });
    expect(inPagePlace("/staff?view=week", here)).toEqual({ day: null, view: "week" });
    expect(inPagePlace("https://termine.example.org/staff/?day=2026-12-02", here)?.day).toBe("2026-12-02");
    expect(inPagePlace("/datenschutz", here)).toBeNull();
    expect(inPagePlace("https://elsewhere.example.org/staff/?day=2026-12-02", here)).toBeNull();
    expect(inPagePlace("/staff/#link=abc", here)).toBeNull();
  });
});

describe("the search's shortcut", () => {
  const press = (key: string, over: Partial<Parameters<typeof isSearchShortcut>[0]> = {}) => ({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    target: { tagName: "BUTTON" },
    ...over,
  });

  it("is / or Ctrl+K or ⌘K anywhere on the board", () => {
    expect(isSearchShortcut(press("/"), false)).toBe(true);
    expect(isSearchShortcut(press("k", { ctrlKey: true }), false)).toBe(true);
    expect(isSearchShortcut(press("K", { metaKey: true }), false)).toBe(true);
    expect(isSearchShortcut(press("k"), false)).toBe(false);
    expect(isSearchShortcut(press("/", { ctrlKey: true }), false)).toBe(false);
    expect(isSearchShortcut(press("k", { ctrlKey: true, altKey: true }), false)).toBe(false);
  });

  it("never while typing in a field or with a dialog open", () => {
    for (const tagName of ["INPUT", "TEXTAREA", "SELECT"]) {
      expect(isSearchShortcut(press("/", { target: { tagName } }), false), tagName).toBe(false);
      expect(isSearchShortcut(press("k", { ctrlKey: true, target: { tagName } }), false), tagName).toBe(false);
    }
    expect(isSearchShortcut(press("/", { target: { tagName: "DIV", isContentEditable: true } }), false)).toBe(false);
    expect(isSearchShortcut(press("/"), true)).toBe(false);
  });
});
