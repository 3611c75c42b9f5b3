import { Hono, type Context, type MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import { acceptedLanguages, isLocale, negotiate, RESIDENT_LOCALES } from "../../common/i18n/languages";
import { LEGAL_PAGES, legalDocument, legalPath, type LegalDocument, type LegalLang, type LegalPage } from "../../common/legal";
import { AccessibilityFeedback, LegalPageParam, LegalQuery } from "../../schemas/legal";
import type { LocationRow } from "../../schemas/rows";
import type { AppEnv } from "../context";
import { loadLocation } from "../db/locations";
import { insertOutbox } from "../db/outbox";
import { booksOnline } from "../domain/booking";
import { AppError } from "../errors";
import { legalFacts, legalOffice } from "../legal/office";
import { renderDocument, renderNotFound, renderThanks, type FeedbackFormState } from "../legal/render";
import { SHELL } from "../legal/i18n/shell";
import { composeFeedbackMail } from "../mail/feedback";
import { countInWindow, SAME_ORIGIN_REFERRER } from "../middleware";
import { scopeOf } from "../scope";
import { commit } from "../services/commit";
import { parseInput } from "../validate";

/*
 * The office's legal pages on real URLs a city's website can link to: /impressum, /datenschutz and
 * /barrierefreiheit (`?lang=de`, `en`, `tr`, `ru`, `uk`, `ar`, else the browser's Accept-Language; `?office=`),
 * HTML without script or cookie; the accessibility
 * statement's feedback form posts back to its own page. `GET /api/legal/:page` answers the same
 * document as JSON for the kiosk and the booking page, so they show the one text.
 */

type Ctx = Context<AppEnv>;

export const legalRoutes = new Hono<AppEnv>();

const FIELDS = ["message", "name", "contact"] as const;
type Field = (typeof FIELDS)[number];

for (const page of LEGAL_PAGES) {
  legalRoutes.get(`/${page}`, async (c) => {
    const query = LegalQuery.safeParse(c.req.query());
    const lang = langOf(c);
    const location = query.success ? await officeRow(c, query.data.office) : null;
    if (!location) return notFound(c, lang);
    const shell = shellOf(c, location, lang, query.data?.office);
    // After a feedback post (303 below): the thanks, so that reloading it sends nothing again. An office
    // without the form has sent nothing: its page as always.
    if (page === "barrierefreiheit" && query.data?.gesendet && location.email) return answer(c, renderThanks(shell));
    const form = page === "barrierefreiheit" ? emptyForm(location) : null;
    return answer(c, renderDocument(documentOf(c, page, location, lang), shell, form));
  });
  // A link with a trailing slash (`/impressum/`) reaches the page too, at its one address.
  legalRoutes.get(`/${page}/`, (c) => c.redirect(`/${page}${new URL(c.req.url).search}`, 301));
}

/**
 * Feedback on accessibility: a plain form POST (no JavaScript needed; multipart, so a message in any
 * script fits the body limit), counted like every public POST (the same window as middleware.ts
 * `rateLimit`, answered as a page here rather than as JSON). It lands as a mail to the office in the
 * outbox (booking_id NULL), so the outbox's retention rule covers it; then 303 to the thanks, so a
 * reload does not send it again. Bad input, or a body that cannot be read: the form again with what was
 * typed and the problem at its field (400); nothing is stored.
 */
legalRoutes.post("/barrierefreiheit", async (c) => {
  const raw = await c.req.parseBody().catch(() => null);
  const query = LegalQuery.safeParse(c.req.query());
  const lang: LegalLang = raw ? LegalQuery.shape.lang.parse(typeof raw.lang === "string" ? raw.lang : undefined) : langOf(c);
  const officeParam = raw ? (typeof raw.office === "string" ? raw.office : undefined) : query.success ? query.data.office : undefined;
  const office = LegalQuery.shape.office.safeParse(officeParam);
  const location = office.success ? await officeRow(c, office.data) : null;
  if (!location) return notFound(c, lang);
  const values = Object.fromEntries(FIELDS.map((f) => [f, typeof raw?.[f] === "string" ? raw[f] : ""])) as Record<Field, string>;
  const again = (errors: FeedbackFormState["errors"], status: 400 | 404 | 429, headers: Record<string, string> = {}) =>
    formPage(c, location, lang, office.data, { values, errors }, status, headers);

  try {
    const { limit, windowSeconds } = c.var.deps.rateLimit;
    await countInWindow(c, { scope: "public-post", limit, windowSeconds, message: "Too many requests." });
  } catch (error) {
    if (error instanceof AppError && error.code === "rate_limited") return again({ form: SHELL[lang].form.errors.rateLimited }, 429, error.headers);
    throw error;
  }
  if (!location.email) return again({}, 404);
  if (!raw) return again({ form: SHELL[lang].form.errors.unreadable }, 400);

  const parsed = AccessibilityFeedback.safeParse(raw);
  if (!parsed.success) return again(formErrors(parsed.error, values, lang), 400);
  const body = parsed.data;

  const s = scopeOf(c);
  const now = s.deps.now();
  const mailId = s.deps.random.id();
  const mail = composeFeedbackMail({
    mailId,
    to: location.email,
    officeName: location.short_name,
    message: body.message,
    name: body.name,
    contact: body.contact,
    lang: body.lang,
    pageUrl: `${s.origin}${legalPath("barrierefreiheit", { lang: body.lang, office: office.data })}`,
    from: s.deps.mail.from,
  });
  await commit(s, {
    batch: [
      insertOutbox(s.db, {
        id: mailId,
        locationId: location.id,
        bookingId: null,
        mail,
        status: s.deps.mail.transport ? "pending" : "captured",
        sendAt: now,
        now,
      }),
    ],
    mail: true,
    live: { office: location.slug, changes: ["outbox"] },
  });
  return c.redirect(legalPath("barrierefreiheit", { lang: body.lang, office: office.data, sent: true }), 303);
});

/**
 * The refusals of the middleware in front of the feedback form (a foreign origin, a body too large; see
 * app.ts; the rate limit is counted in the route itself) as the page with the reason at the form, in the language and office of the form's action
 * (`?lang=&office=`), rather than as JSON: a person sent it, not a program. Status and headers stay.
 */
export const feedbackRefusals: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const refusal = c.error;
  if (c.req.method !== "POST" || !(refusal instanceof AppError)) return;
  const query = LegalQuery.safeParse(c.req.query());
  const lang = langOf(c);
  const location = query.success ? await officeRow(c, query.data.office) : null;
  if (!location) return;
  const words = SHELL[lang].form.errors;
  const reason = refusal.code === "forbidden_origin" ? words.foreignOrigin : words.unreadable;
  const page = formPage(c, location, lang, query.data?.office, { errors: { form: reason } }, refusal.status, refusal.headers);
  c.res = undefined;
  c.res = await page;
};

/** The same documents as JSON, for the pages that show them in place (kiosk, booking page). */
legalRoutes.get("/api/legal/:page", async (c) => {
  const page = LegalPageParam.safeParse(c.req.param("page"));
  if (!page.success) throw new AppError("not_found", "There is no such page.");
  const query = parseInput(LegalQuery, c.req.query());
  const location = await officeRow(c, query.office);
  if (!location) throw new AppError("unknown_location", "This office is not set up.");
  return c.json(documentOf(c, page.data, location, query.lang) satisfies LegalDocument);
});

// ---------------------------------------------------------------------------------------------------

/** The page's language on its own: a bad `office` (or another bad parameter) does not take English away. */
/** `?lang=` when it names one of the six; else the browser's languages (Accept-Language); else German. */
function langOf(c: Ctx): LegalLang {
  const asked = c.req.query("lang");
  return isLocale(asked) ? asked : negotiate(acceptedLanguages(c.req.header("Accept-Language")), RESIDENT_LOCALES);
}

async function officeRow(c: Ctx, slug: string | undefined): Promise<LocationRow | null> {
  return (await loadLocation(c.env.DB, slug ?? c.env.DEFAULT_LOCATION))?.location ?? null;
}

function documentOf(c: Ctx, page: LegalPage, location: LocationRow, lang: LegalLang): LegalDocument {
  return legalDocument(page, legalOffice(location), lang, legalFacts(c.var.deps));
}

/** The page around a document; "Termin buchen" only where the booking page books (domain/booking.ts booksOnline). */
function shellOf(c: Ctx, location: LocationRow, lang: LegalLang, office: string | undefined) {
  return { lang, officeName: location.short_name, office, bookingHref: booksOnline(location.slug, c.env.DEFAULT_LOCATION) ? bookingPage(lang) : null };
}

/** The booking page in this page's language (it starts in the language its address names). */
function bookingPage(lang: LegalLang): string {
  return `/?lang=${lang}`;
}

function emptyForm(location: LocationRow): FeedbackFormState {
  return { available: location.email !== null, values: { message: "", name: "", contact: "" }, errors: {}, retentionDays: location.retention_days };
}

/** The accessibility statement with its form in `state` (what was typed, the problems found). */
function formPage(
  c: Ctx,
  location: LocationRow,
  lang: LegalLang,
  office: string | undefined,
  state: Partial<Pick<FeedbackFormState, "values" | "errors">>,
  status: ContentfulStatusCode,
  headers: Record<string, string> = {},
) {
  const doc = documentOf(c, "barrierefreiheit", location, lang);
  return answer(c, renderDocument(doc, shellOf(c, location, lang, office), { ...emptyForm(location), ...state }), status, headers);
}

/**
 * An HTML answer that no cache keeps (a changed setting shows at once). Its URL holds no secret, so its
 * referrer policy is same-origin: the feedback form's post then carries its Origin (middleware.ts sameOrigin).
 */
function answer(c: Ctx, page: ReturnType<typeof renderThanks>, status: ContentfulStatusCode = 200, headers: Record<string, string> = {}) {
  // Without `?lang=` the language follows Accept-Language: a cache must keep the answers apart.
  return c.html(page, status, { "Cache-Control": "no-store", "Referrer-Policy": SAME_ORIGIN_REFERRER, Vary: "Accept-Language", ...headers });
}

function notFound(c: Ctx, lang: LegalLang) {
  return answer(c, renderNotFound({ lang, officeName: "sprechstunde", office: undefined, bookingHref: bookingPage(lang) }), 404);
}

/** The first problem of each field in plain words; a field the form does not have is a problem of the form. */
function formErrors(error: z.ZodError, values: Record<Field, string>, lang: LegalLang): FeedbackFormState["errors"] {
  const words = SHELL[lang].form.errors;
  const errors: FeedbackFormState["errors"] = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    const key: Field | "form" = issue.code !== "unrecognized_keys" && FIELDS.includes(field as Field) ? (field as Field) : "form";
    if (errors[key]) continue;
    if (key === "form") errors.form = words.unknown;
    else if (issue.code === "too_big") errors[key] = words.tooLong({ max: String(issue.maximum) });
    else if (issue.code === "too_small" || values[key].trim() === "") errors[key] = words.required;
    else errors[key] = words.invalid;
  }
  return errors;
}
