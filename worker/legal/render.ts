import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import {
  FEEDBACK_SECTION,
  LEGAL_LINK_TEXT,
  LEGAL_PAGES,
  legalPath,
  type Block,
  type Inline,
  type LegalDocument,
  type LegalLang,
  type LegalPage,
  type Section,
} from "../../common/legal";
import { direction, LANGUAGES, RESIDENT_LOCALES } from "../../common/i18n/languages";
import { SHELL, type ShellStrings } from "./i18n/shell";

/*
 * The legal pages as HTML: no script, no cookie, nothing from elsewhere; one stylesheet of our own
 * (/legal.css). Hono's `html` escapes every value put into it; only its own results pass unescaped.
 * Landmarks (header, nav, main, footer), a skip link, one h1 and headings in order, `lang` and `dir` on
 * the page, `lang` on each language's link and on a part in another language (the German wording on a
 * page in Turkish, Russian, Ukrainian or Arabic), phone numbers and e-mail addresses left to right.
 */

type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The feedback form as the page shows it: what was typed, and the problems found, by field. */
export interface FeedbackFormState {
  /** The office has an address the feedback can go to; without one the form is not offered. */
  available: boolean;
  values: { message: string; name: string; contact: string };
  errors: Partial<Record<"message" | "name" | "contact" | "form", string>>;
  retentionDays: number;
}

interface Shell {
  lang: LegalLang;
  /** The office's short name, in the masthead and the title. */
  officeName: string;
  /** Given when the request named one: links keep it. */
  office: string | undefined;
  /** Where "Termin buchen" leads (the booking page books at the default office only); null: no such link. */
  bookingHref: string | null;
  /** The page this is, for the language switch and `aria-current` (null: none of the three). */
  page: LegalPage | null;
  title: string;
  /** The page answers a form with problems: the title says so first, as the summary does. */
  error?: boolean;
}

/** A whole page around `body`. */
function renderShell(shell: Shell, body: Markup): Markup {
  const s = SHELL[shell.lang];
  const nav = LEGAL_PAGES.map(
    (page) =>
      html`<li><a href="${legalPath(page, { lang: shell.lang, office: shell.office })}"${page === shell.page ? html` aria-current="page"` : ""}>${LEGAL_LINK_TEXT[shell.lang][page]}</a></li>`,
  );
  return html`<!doctype html>
<html lang="${shell.lang}" dir="${direction(shell.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${shell.error ? s.errorPrefix : ""}${shell.title} – ${shell.officeName}</title>
<link rel="stylesheet" href="/legal.css">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
<a class="skip-link" href="#main">${s.skip}</a>
<header class="masthead">
<div class="page masthead__inner">
<p class="masthead__name"${shell.lang === "de" ? "" : html` lang="de" dir="ltr"`}>${shell.officeName}</p>
${shell.page ? languageList(shell.page, shell.lang, shell.office, s) : ""}
</div>
</header>
<main id="main" tabindex="-1" class="page legal">
${body}
</main>
<footer class="footer">
<div class="page">
<nav aria-label="${s.navLabel}">
<ul class="footer__links">
${nav}
${shell.bookingHref ? html`<li><a href="${shell.bookingHref}">${s.booking}</a></li>` : ""}
</ul>
</nav>
</div>
</footer>
</body>
</html>
`;
}

/**
 * The pages' languages, each named in itself and linked in its own language (the current one marked):
 * a plain list of links, as the pages have no script.
 */
function languageList(page: LegalPage, current: LegalLang, office: string | undefined, s: ShellStrings): Markup {
  return html`<nav class="lang-switch" aria-label="${s.languages}"><ul class="lang-switch__list">${RESIDENT_LOCALES.map(
    (code) =>
      html`<li><a class="lang-switch__link" lang="${code}" hreflang="${code}" dir="${direction(code)}" href="${legalPath(page, { lang: code, office })}"${code === current ? html` aria-current="true"` : ""}>${LANGUAGES[code].name}</a></li>`,
  )}</ul></nav>`;
}

/** A legal document as a page; the accessibility statement gets its feedback form. */
export function renderDocument(doc: LegalDocument, shell: Omit<Shell, "title" | "page">, form: FeedbackFormState | null): Markup {
  const body = html`<h1>${doc.title}</h1>
${doc.lead.map(block)}
${doc.sections.map((s) => section(s, 2, doc.lang, shell.office, form))}`;
  const error = form !== null && form.available && Object.values(form.errors).some(Boolean);
  return renderShell({ ...shell, page: doc.page, title: doc.title, error }, body);
}

/** The plain confirmation after feedback was sent. */
export function renderThanks(shell: Omit<Shell, "title" | "page">): Markup {
  const s = SHELL[shell.lang];
  return renderShell(
    { ...shell, page: null, title: s.thanksTitle },
    html`<h1>${s.thanksTitle}</h1>
<p>${s.thanksText}</p>
<p><a href="${legalPath("barrierefreiheit", { lang: shell.lang, office: shell.office })}">${s.back}</a></p>`,
  );
}

/** An unknown office: the page says so, in the page's language. */
export function renderNotFound(shell: Omit<Shell, "title" | "page">): Markup {
  const s = SHELL[shell.lang];
  return renderShell({ ...shell, page: null, title: s.notFoundTitle }, html`<h1>${s.notFoundTitle}</h1><p>${s.notFoundText}</p>`);
}

function section(s: Section, level: number, lang: LegalLang, office: string | undefined, form: FeedbackFormState | null): Markup {
  const id = `${s.id}-heading`;
  const heading = level === 2 ? html`<h2 id="${id}">${s.heading}</h2>` : html`<h3 id="${id}">${s.heading}</h3>`;
  const other = s.lang && s.lang !== lang ? html` lang="${s.lang}" dir="${direction(s.lang)}"` : "";
  return html`<section id="${s.id}" aria-labelledby="${id}"${other}>
${heading}
${s.blocks.map(block)}
${(s.sections ?? []).map((sub) => section(sub, level + 1, lang, office, form))}
${s.id === FEEDBACK_SECTION && form ? feedbackForm(SHELL[lang], lang, office, form) : ""}
</section>
`;
}

function block(b: Block): Markup {
  switch (b.kind) {
    case "p":
      return html`<p>${b.parts.map(inline)}</p>\n`;
    case "lines":
      return html`<p class="legal__lines">${b.lines.map((l, i) => html`${i > 0 ? html`<br>` : ""}${l.map(inline)}`)}</p>\n`;
    case "list":
      return html`<ul>${b.items.map((item) => html`<li>${item.map(inline)}</li>`)}</ul>\n`;
  }
}

function inline(part: Inline): Markup | string {
  if (typeof part === "string") return html`${part}`;
  // A phone number or an e-mail address reads left to right, also on a right-to-left page.
  const ltr = /^(tel|mailto):/.test(part.href) ? html` dir="ltr"` : "";
  return html`<a href="${part.href}"${ltr}>${part.text}</a>`;
}

function feedbackForm(s: ShellStrings, lang: LegalLang, office: string | undefined, form: FeedbackFormState): Markup {
  const f = s.form;
  if (!form.available) return html`<p>${f.unavailable}</p>`;
  const e = form.errors;
  const problems = (["form", "message", "name", "contact"] as const).filter((k) => e[k]);
  const described = (field: "message" | "name" | "contact", hint: boolean) =>
    [hint ? `fb-${field}-hint` : "", e[field] ? `fb-${field}-error` : ""].filter(Boolean).join(" ") || undefined;
  const error = (field: "message" | "name" | "contact") => (e[field] ? html`<p id="fb-${field}-error" class="field__error">${e[field]}</p>` : "");
  const invalid = (field: "message" | "name" | "contact") => (e[field] ? html` aria-invalid="true"` : "");
  const describedBy = (field: "message" | "name" | "contact", hint: boolean) => {
    const ids = described(field, hint);
    return ids ? html` aria-describedby="${ids}"` : "";
  };
  // The action names language and office, so that a refusal before the body is read still answers in them;
  // multipart sends the text as it is (UTF-8), so 2000 characters of any script fit the body limit.
  return html`<form method="post" action="${legalPath("barrierefreiheit", { lang, office })}" enctype="multipart/form-data" class="legal__form">
<h3 id="feedback-form-heading">${f.heading}</h3>
${problems.length > 0
  ? html`<div class="error-summary" role="alert" tabindex="-1" id="feedback-problems" autofocus><p>${f.problem}</p><ul>${problems.map((k) =>
      k === "form" ? html`<li>${e.form}</li>` : html`<li><a href="#fb-${k}">${e[k]}</a></li>`,
    )}</ul></div>`
  : ""}
<input type="hidden" name="lang" value="${lang}">
${office ? html`<input type="hidden" name="office" value="${office}">` : ""}
<div class="field">
<label for="fb-message">${f.message}</label>
<p id="fb-message-hint" class="field__hint">${f.messageHint}</p>
${error("message")}
<textarea id="fb-message" name="message" dir="auto" rows="6" maxlength="2000" aria-required="true"${describedBy("message", true)}${invalid("message")}>${form.values.message}</textarea>
</div>
<div class="field">
<label for="fb-name">${f.name}</label>
${error("name")}
<input id="fb-name" name="name" type="text" dir="auto" maxlength="120" autocomplete="name" value="${form.values.name}"${describedBy("name", false)}${invalid("name")}>
</div>
<div class="field">
<label for="fb-contact">${f.contact}</label>
<p id="fb-contact-hint" class="field__hint">${f.contactHint}</p>
${error("contact")}
<input id="fb-contact" name="contact" type="text" dir="auto" maxlength="200" autocomplete="email" value="${form.values.contact}"${describedBy("contact", true)}${invalid("contact")}>
</div>
<p>${f.privacy({ days: form.retentionDays })} <a href="${legalPath("datenschutz", { lang, office })}">${f.privacyLink}</a></p>
<button type="submit" class="button--primary">${f.submit}</button>
</form>`;
}
