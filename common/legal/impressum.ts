import { lines, link, p, postalLines, telHref } from "./blocks";
import { legalTexts } from "./i18n/legal";
import type { Block, LegalDocument, LegalLang, LegalOffice, Section } from "./types";

/*
 * The Impressum: who offers these pages, from the office's settings. What is not configured is left
 * out (Kempten-Ost is seeded only with what the published announcement says). Only labels around the
 * office's own settings: the page is in every resident language (./i18n/legal).
 */

/** The provider's lines: body, department, office, postal address (each where configured). */
export function providerLines(o: LegalOffice): Block {
  return lines(o.providerBody, o.providerDepartment, o.name, ...postalLines(o));
}

/** Phone and e-mail of the office, where configured. */
export function contactLines(o: LegalOffice, labels: { phone: string; email: string }): Block {
  return lines(
    o.phone ? [`${labels.phone}: `, link(o.phone, telHref(o.phone))] : null,
    o.email ? [`${labels.email}: `, link(o.email, `mailto:${o.email}`)] : null,
  );
}

export function impressum(o: LegalOffice, lang: LegalLang): LegalDocument {
  const t = legalTexts(lang).impressum;
  const sections: Section[] = [{ id: "anbieter", heading: t.provider, blocks: [providerLines(o)] }];
  if (o.phone || o.email) sections.push({ id: "kontakt", heading: t.contact, blocks: [contactLines(o, t)] });
  if (o.providerRepresentative) sections.push({ id: "vertretung", heading: t.representative, blocks: [lines(o.providerRepresentative)] });
  return { page: "impressum", lang, title: t.title, lead: [p(t.lead)], sections };
}
