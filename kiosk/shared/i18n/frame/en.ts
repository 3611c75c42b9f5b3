import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "the project team (English, from the German)", nativeReview: null };

export default {
  skipToContent: "Skip to content",
  languageMenu: "Language",
  languageListLabel: "Choose a language",
  languageFailed: "This language does not load right now. Please try again.",
  contactHeading: "Contact",
  phone: "Phone:",
  email: "Email:",
  hoursHeading: "Opening hours",
  otherwiseByArrangement: "Other times by arrangement.",
  extraHoursHeading: "Extra opening hours",
  extraHoursHint: "On these days we are open extra. You can book an appointment for them.",
  legalNav: "Legal",
  rebookByPhone: "Would you like a new appointment? Call us:",
  rebookByMail: "Would you like a new appointment? Write to us:",
  rebookByMailAlso: "Or write to us:",
} satisfies Translation<typeof de>;
