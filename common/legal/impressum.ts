import { lines, link, p, postalLines, telHref } from "./blocks";
import type { Block, LegalDocument, LegalLang, LegalOffice, Section } from "./types";

/*
 * The Impressum: who offers these pages, from the office's settings. What is not configured is left
 * out (Kempten-Ost is seeded only with what the published announcement says).
 */

const TEXT = {
  de: {
    title: "Impressum",
    lead: "Diese Seiten zur Terminbuchung bietet an:",
    provider: "Anbieter",
    contact: "Kontakt",
    phone: "Telefon",
    email: "E-Mail",
    representative: "Vertreten durch",
  },
  en: {
    title: "Legal notice (Impressum)",
    lead: "These booking pages are offered by:",
    provider: "Provider",
    contact: "Contact",
    phone: "Phone",
    email: "E-mail",
    representative: "Represented by",
  },
} satisfies Record<LegalLang, Record<string, string>>;

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
  const t = TEXT[lang];
  const sections: Section[] = [{ id: "anbieter", heading: t.provider, blocks: [providerLines(o)] }];
  if (o.phone || o.email) sections.push({ id: "kontakt", heading: t.contact, blocks: [contactLines(o, t)] });
  if (o.providerRepresentative) sections.push({ id: "vertretung", heading: t.representative, blocks: [lines(o.providerRepresentative)] });
  return { page: "impressum", lang, title: t.title, lead: [p(t.lead)], sections };
}
