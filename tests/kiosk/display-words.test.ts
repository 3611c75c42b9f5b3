import { describe, expect, it } from "vitest";
import { display } from "../../kiosk/display/i18n/display";
import { liveText, spokenText } from "../../kiosk/display/calls";

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
