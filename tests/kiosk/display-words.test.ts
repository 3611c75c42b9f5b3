import { describe, expect, it } from "vitest";
import { display } from "../../kiosk/display/i18n/display";
import { liveText, openingWords, spokenText } from "../../kiosk/display/calls";

/*
 * The call display speaks German and English at once: each message is a pair from one catalog
 * (kiosk/display/i18n/display), with the plural forms of each language.
 */
describe("the display's words", () => {
  it("pairs each message, German and English", () => {
    expect(display.nowCalling).toEqual({ de: "Jetzt bitte", en: "Now please" });
    expect(display.pairLabel).toEqual({ de: "Kopplungscode", en: "Pairing code" });
  });

  it.each([
    [0, "0 Personen warten", "0 people waiting"],
    [1, "1 Person wartet", "1 person waiting"],
    [12, "12 Personen warten", "12 people waiting"],
  ])("%i waiting: “%s” / “%s”", (n, de, en) => {
    expect(display.waiting(n)).toEqual({ de, en });
  });

  it("announces a call in German by voice and in both languages to screen readers", () => {
    const call = { label: "W 7", room: "Raum 2" };
    expect(spokenText(call)).toBe("Nummer W 7, bitte in Raum 2.");
    expect(liveText(call)).toBe("Nummer W 7, bitte in Raum 2. Number W 7, please go to Raum 2.");
  });
});

describe("when a closed office opens again, as its door sign says it", () => {
  // Monday 30 November 2026, 18:00 in Kempten (closed since 17:30).
  const now = new Date("2026-11-30T17:00:00Z");
  it.each([
    ["later today", "2026-11-30T19:00:00+01:00", "Geöffnet ab 19:00", "Open from 19:00"],
    ["tomorrow", "2026-12-01T09:00:00+01:00", "Geöffnet ab morgen, 9:00", "Open from tomorrow, 9:00"],
    ["on Wednesday", "2026-12-02T09:00:00+01:00", "Geöffnet ab Mittwoch, 9:00", "Open from Wednesday, 9:00"],
    ["next Monday (a week ahead: with its date)", "2026-12-07T13:00:00+01:00", "Geöffnet ab Montag, 7. Dezember, 13:00", "Open from Monday 7 December, 13:00"],
  ])("%s", (_, next, de, en) => {
    expect(openingWords(next, now, "Europe/Berlin")).toEqual({ de, en });
  });

  it("counts days in the office's zone, not the display's or UTC", () => {
    // 23:30 UTC on Monday is already Tuesday in Kempten: Wednesday 9:00 is "morgen".
    expect(openingWords("2026-12-02T09:00:00+01:00", new Date("2026-11-30T23:30:00Z"), "Europe/Berlin").de).toBe("Geöffnet ab morgen, 9:00");
  });
});
