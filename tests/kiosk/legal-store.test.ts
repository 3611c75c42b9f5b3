import { describe, expect, it } from "vitest";
import type { LegalDocument } from "../../common/legal/types";
import type { Locale } from "../../common/i18n/languages";
import { legalDocs, legalKey, loadLegal } from "../../kiosk/shared/legal";

/** The pages load a legal document once per office, page and language, and try a failed one again. */
describe("loadLegal", () => {
  const doc = (lang: Locale): LegalDocument => ({ page: "datenschutz", lang, title: "Datenschutzerklärung", lead: [], sections: [] });

  it("asks once while loading or loaded; each language and office apart", async () => {
    const asked: string[] = [];
    const fetchDoc = async (_page: "datenschutz" | "impressum" | "barrierefreiheit", lang: Locale, office: string) => {
      asked.push(`${office}/${lang}`);
      return doc(lang);
    };
    await Promise.all([loadLegal("datenschutz", "de", "a", fetchDoc), loadLegal("datenschutz", "de", "a", fetchDoc)]);
    await loadLegal("datenschutz", "de", "a", fetchDoc);
    await loadLegal("datenschutz", "en", "a", fetchDoc);
    await loadLegal("datenschutz", "de", "b", fetchDoc);
    expect(asked).toEqual(["a/de", "a/en", "b/de"]);
    expect(legalDocs.value[legalKey("datenschutz", "en", "a")]).toEqual({ phase: "ready", doc: doc("en") });
  });

  it("a failed load shows as failed and is tried again on the next call", async () => {
    let fail = true;
    const fetchDoc = async () => {
      if (fail) throw new Error("offline");
      return doc("de");
    };
    await loadLegal("datenschutz", "de", "c", fetchDoc);
    expect(legalDocs.value[legalKey("datenschutz", "de", "c")]).toEqual({ phase: "failed" });
    fail = false;
    await loadLegal("datenschutz", "de", "c", fetchDoc);
    expect(legalDocs.value[legalKey("datenschutz", "de", "c")]).toEqual({ phase: "ready", doc: doc("de") });
  });
});
