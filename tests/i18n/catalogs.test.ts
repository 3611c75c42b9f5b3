/*
 * Every catalog in the project (a folder below an `i18n` folder with a German `de.ts`) is complete in
 * every language its audience needs, with the German placeholders and the plural forms each language
 * needs: what `npm run i18n:check` prints, as a test.
 */
import { describe, expect, it } from "vitest";
import { RESIDENT_LOCALES, STAFF_LOCALES, type Locale } from "../../common/i18n/languages";
import { compareCatalog, FAILING, type CatalogMeta } from "../../common/i18n/check";
import type { CatalogShape } from "../../common/i18n/messages";

type Module = { default: CatalogShape; audience?: "residents" | "staff"; meta?: CatalogMeta };
const modules = import.meta.glob<Module>(["../../{kiosk,worker,common}/**/i18n/**/*.ts", "!**/index.ts"], { eager: true });

const folders = new Map<string, Map<string, Module>>();
for (const [file, module] of Object.entries(modules)) {
  const at = file.lastIndexOf("/");
  const folder = file.slice(0, at);
  const language = file.slice(at + 1).replace(/\.ts$/, "");
  if (!folders.has(folder)) folders.set(folder, new Map());
  folders.get(folder)!.set(language, module);
}
const catalogs = [...folders].filter(([, files]) => files.has("de"));

describe("catalogs", () => {
  it("exist (the glob finds the frame's at least)", () => {
    expect(catalogs.map(([folder]) => folder)).toContain("../../kiosk/shared/i18n/frame");
  });

  for (const [folder, files] of catalogs) {
    const german = files.get("de")!;
    const audience = german.audience;
    it(`${folder}: says its audience`, () => {
      expect(audience === "residents" || audience === "staff").toBe(true);
    });
    const languages: readonly Locale[] = audience === "staff" ? STAFF_LOCALES : RESIDENT_LOCALES;
    for (const locale of languages) {
      it(`${folder}/${locale}: complete, same placeholders, every plural form`, () => {
        const translation = files.get(locale);
        expect(translation, `${folder}/${locale}.ts is missing`).toBeDefined();
        const failing = compareCatalog(german.default, translation!.default, locale).filter((p) => FAILING.has(p.kind));
        expect(failing).toEqual([]);
        if (locale !== "de") expect(translation!.meta?.producedBy, "meta.producedBy").toBeTruthy();
      });
    }
  }
});
