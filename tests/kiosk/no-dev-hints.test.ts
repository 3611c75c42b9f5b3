import { describe, expect, it } from "vitest";
import displayDe from "../../kiosk/display/i18n/display/de";
import displayEn from "../../kiosk/display/i18n/display/en";
import { kioskStrings } from "../../kiosk/shared/i18n-kiosk";
import flowAr from "../../kiosk/shared/i18n/flow/ar";
import flowDe from "../../kiosk/shared/i18n/flow/de";
import flowEn from "../../kiosk/shared/i18n/flow/en";
import flowRu from "../../kiosk/shared/i18n/flow/ru";
import flowTr from "../../kiosk/shared/i18n/flow/tr";
import flowUk from "../../kiosk/shared/i18n/flow/uk";
import { RAW } from "../staff/catalogs";

/*
 * Visitors and staff never meet a development hint: an unpaired kiosk or display says to ask the office's
 * administrator (board → Verwaltung → Geräte), not to run a command.
 */

/** Every text in a catalog, functions called with a harmless argument. */
function texts(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value === "function") return texts((value as (...a: unknown[]) => unknown)(2, 2, 2));
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value && typeof value === "object") return Object.values(value).flatMap(texts);
  return [];
}

const display = { de: displayDe, en: displayEn };
const CATALOGS = { kiosk: kioskStrings, display, pages: { de: flowDe, en: flowEn, tr: flowTr, ru: flowRu, uk: flowUk, ar: flowAr }, board: RAW.board, admin: RAW.admin, signIn: RAW.signIn };

describe("no development hints on the surfaces", () => {
  for (const [name, catalog] of Object.entries(CATALOGS)) {
    it(`${name}: no command, no localhost, no wrangler`, () => {
      const found = texts(catalog).filter((t) => /npm run|npx |wrangler|localhost|127\.0\.0\.1/i.test(t));
      expect(found).toEqual([]);
    });
  }

  it("the unpaired kiosk and display send people to the office's administrator", () => {
    for (const lang of ["de", "en"] as const) {
      expect(kioskStrings[lang].pairWhere).toContain("Verwaltung → Geräte");
      expect(display[lang].pairIntro).toContain("Verwaltung → Geräte");
    }
  });
});
