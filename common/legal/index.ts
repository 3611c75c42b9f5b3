import { barrierefreiheit } from "./barrierefreiheit";
import { datenschutz } from "./datenschutz";
import { impressum } from "./impressum";
import type { LegalDocument, LegalFacts, LegalLang, LegalOffice, LegalPage } from "./types";

export { FEEDBACK_SECTION, STATEMENT_DATE } from "./barrierefreiheit";
export { LEGAL_LINK_TEXT, legalPath } from "./links";
export * from "./types";

/** One of the office's legal pages in `lang`, built from its settings and what the deployment does. */
export function legalDocument(page: LegalPage, office: LegalOffice, lang: LegalLang, facts: LegalFacts): LegalDocument {
  switch (page) {
    case "impressum":
      return impressum(office, lang);
    case "datenschutz":
      return datenschutz(office, lang, facts);
    case "barrierefreiheit":
      return barrierefreiheit(office, lang);
  }
}
