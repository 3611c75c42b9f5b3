import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German", nativeReview: null };

export default {
  moreLanguages: "More languages (optional)",
  moreLanguagesHint: "For people who read Turkish, Russian, Ukrainian or Arabic. Leave empty to show the German text there.",
  fieldIn: "{field} in {language}",
  fields: {
    reason: "Reason",
    note: "Note",
    label: "Name",
    description: "Description",
  },
  alsoIn: "Also in: {languages}",
} satisfies Translation<typeof de>;
