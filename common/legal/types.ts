/*
 * The office's legal pages as structured data: the Worker renders them as HTML (worker/legal/render.ts)
 * and the kiosk and booking page show the same privacy notice from the JSON of /api/legal/datenschutz.
 * One source of text; no zod, no DOM, no I/O, so both runtimes can import it.
 */
import type { Locale } from "../i18n/languages";

/**
 * The languages of the legal pages: the six of the residents' surfaces. The plain-language parts and the
 * words around the pages are in each; the full legal text is German (binding), with an English version
 * for information; in Turkish, Russian, Ukrainian and Arabic the page says so and shows it in German.
 */
export type LegalLang = Locale;

/** The three pages, by the path they live at (`/impressum`, …). */
export const LEGAL_PAGES = ["impressum", "datenschutz", "barrierefreiheit"] as const;
export type LegalPage = (typeof LEGAL_PAGES)[number];

/** The office as pages and mails name it: its slug, names, address and contact (worker/legal/office.ts `officeContact`). */
export interface OfficeContact {
  slug: string;
  name: string;
  shortName: string;
  street: string;
  postalCode: string | null;
  city: string;
  phone: string | null;
  email: string | null;
}

/**
 * The office's settings the pages are built from (the location row, see worker/legal/office.ts). Null:
 * not configured; the pages then leave that line out, they never invent one.
 */
export interface LegalOffice extends OfficeContact {
  providerBody: string | null;
  providerDepartment: string | null;
  providerRepresentative: string | null;
  /** Several lines. */
  dpoContact: string | null;
  /** Several lines. */
  privacyAuthority: string;
  /** Several lines. */
  accessibilityEnforcement: string;
  /** Days after which personal data is erased (the retention rule, see the privacy notice). */
  retentionDays: number;
}

/** What the deployment does, as the code says it (worker/legal/office.ts), so the text cannot drift from it. */
export interface LegalFacts {
  /** Cloudflare Turnstile checks the public forms. */
  turnstile: boolean;
  /** Rate-limit counts: kept by a hash of the client address, deleted after this many hours. */
  rateLimitHours: number;
  /** D1 Time Travel: how many days back a restore can reach (erased data may remain that long). */
  backupDays: number;
  /** How many due bookings the minutely retention step erases per office and run (a restore's backlog). */
  erasedPerMinute: number;
  staffCookie: { name: string; hours: number; idleMinutes: number };
  deviceCookie: { names: string[]; days: number };
  /** The browser storage key of the language a resident chose. */
  localeKey: string;
}

/** A piece of running text: plain, or a link. */
export type Inline = string | { text: string; href: string };

export type Block =
  /** A paragraph. */
  | { kind: "p"; parts: Inline[] }
  /** Lines that belong together, e.g. an address: one line each, each of one or more pieces. */
  | { kind: "lines"; lines: Inline[][] }
  | { kind: "list"; items: Inline[][] };

export interface Section {
  /** A fragment id, stable across languages (`#rechte`). */
  id: string;
  heading: string;
  blocks: Block[];
  sections?: Section[];
  /**
   * Set where the section is in another language than the document: the German legal wording on a page
   * in Turkish, Russian, Ukrainian or Arabic. Pages mark it (`lang="de"`) so screen readers switch voice.
   */
  lang?: LegalLang;
}

export interface LegalDocument {
  page: LegalPage;
  lang: LegalLang;
  /** The page's h1. */
  title: string;
  /** Before the first section. */
  lead: Block[];
  sections: Section[];
}
