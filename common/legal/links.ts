import type { LegalLang, LegalPage } from "./types";

/**
 * How each page is named in a link, per language. Kept here rather than in a lazily loaded catalog: the
 * footers of every page, the kiosk and every mail name them, and all six are a few hundred bytes.
 */
export const LEGAL_LINK_TEXT: Readonly<Record<LegalLang, Readonly<Record<LegalPage, string>>>> = {
  de: { impressum: "Impressum", datenschutz: "Datenschutz", barrierefreiheit: "Barrierefreiheit" },
  en: { impressum: "Legal notice", datenschutz: "Privacy", barrierefreiheit: "Accessibility" },
  tr: { impressum: "Künye", datenschutz: "Veri koruma", barrierefreiheit: "Erişilebilirlik" },
  ru: { impressum: "Выходные данные", datenschutz: "Защита данных", barrierefreiheit: "Доступность" },
  uk: { impressum: "Вихідні дані", datenschutz: "Захист даних", barrierefreiheit: "Доступність" },
  ar: { impressum: "بيانات الناشر", datenschutz: "حماية البيانات", barrierefreiheit: "إمكانية الوصول" },
};

/**
 * The path (and query) of a legal page: `/datenschutz?lang=de`, `/datenschutz?lang=en&office=…`. A link
 * from a page or mail in a language names it, German too: without `lang` the page follows the browser's
 * Accept-Language. `office` is left out for the deployment's default office. `sent`: the accessibility
 * statement's thanks after its feedback form was sent (`gesendet=1`).
 */
export function legalPath(page: LegalPage, o: { lang?: LegalLang; office?: string | null; sent?: boolean } = {}): string {
  const query = new URLSearchParams();
  if (o.lang) query.set("lang", o.lang);
  if (o.office) query.set("office", o.office);
  if (o.sent) query.set("gesendet", "1");
  const q = query.toString();
  return q ? `/${page}?${q}` : `/${page}`;
}
