import { Hono, type Context } from "hono";
import type { z } from "zod";
import { LEGAL_PAGES, legalDocument, legalPath, type LegalDocument, type LegalLang, type LegalPage } from "../../common/legal";
import { AccessibilityFeedback, LegalPageParam, LegalQuery } from "../../schemas/legal";
import type { LocationRow } from "../../schemas/rows";
import type { AppEnv } from "../context";
import { loadLocation } from "../db/locations";
import { insertOutbox } from "../db/outbox";
import { AppError } from "../errors";
import { legalFacts, legalOffice } from "../legal/office";
import { renderDocument, renderNotFound, renderThanks, type FeedbackFormState } from "../legal/render";
import { SHELL } from "../legal/strings";
import { composeFeedbackMail } from "../mail/feedback";
import { countInWindow } from "../middleware";
import { scopeOf } from "../scope";
import { commit } from "../services/commit";
import { parseInput } from "../validate";

/*
 * The office's legal pages on real URLs a city's website can link to: /impressum, /datenschutz and
 * /barrierefreiheit (`?lang=en`, `?office=`), HTML without script or cookie; the accessibility
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
    const lang = query.success ? query.data.lang : "de";
    const location = query.success ? await officeRow(c, query.data.office) : null;
    if (!location) return notFound(c, lang);
    const form = page === "barrierefreiheit" ? emptyForm(location) : null;
    return answer(c, renderDocument(documentOf(c, page, location, lang), shellOf(location, lang, query.data?.office), form));
  });
}

/**
 * Feedback on accessibility: a plain form POST (no JavaScript needed), counted like every public POST
 * (the same window as middleware.ts `rateLimit`, answered as a page here rather than as JSON). It lands
 * as a mail to the office in the outbox (booking_id NULL), so the outbox's retention rule covers it.
 * Bad input: the form again with what was typed and the problem at its field (400); nothing is stored.
 */
legalRoutes.post("/barrierefreiheit", async (c) => {
  const raw = await c.req.parseBody();
  const lang: LegalLang = raw.lang === "en" ? "en" : "de";
  const officeParam = typeof raw.office === "string" ? raw.office : undefined;
  const office = LegalQuery.shape.office.safeParse(officeParam);
  const location = office.success ? await officeRow(c, office.data) : null;
  if (!location) return notFound(c, lang);
  const shell = shellOf(location, lang, office.data);
  const values = Object.fromEntries(FIELDS.map((f) => [f, typeof raw[f] === "string" ? raw[f] : ""])) as Record<Field, string>;
  const again = (errors: FeedbackFormState["errors"], status: 400 | 404 | 429, headers: Record<string, string> = {}) =>
    answer(
      c,
      renderDocument(documentOf(c, "barrierefreiheit", location, lang), shell, { ...emptyForm(location), values, errors }),
      status,
      headers,
    );

  try {
    const { limit, windowSeconds } = c.var.deps.rateLimit;
    await countInWindow(c, { scope: "public-post", limit, windowSeconds, message: "Too many requests." });
  } catch (error) {
    if (error instanceof AppError && error.code === "rate_limited") return again({ form: SHELL[lang].form.errors.rateLimited }, 429, error.headers);
    throw error;
  }
  if (!location.email) return again({}, 404);

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
  return answer(c, renderThanks(shell));
});

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

async function officeRow(c: Ctx, slug: string | undefined): Promise<LocationRow | null> {
  return (await loadLocation(c.env.DB, slug ?? c.env.DEFAULT_LOCATION))?.location ?? null;
}

function documentOf(c: Ctx, page: LegalPage, location: LocationRow, lang: LegalLang): LegalDocument {
  return legalDocument(page, legalOffice(location), lang, legalFacts(c.var.deps));
}

function shellOf(location: LocationRow, lang: LegalLang, office: string | undefined) {
  return { lang, officeName: location.short_name, office };
}

function emptyForm(location: LocationRow): FeedbackFormState {
  return { available: location.email !== null, values: { message: "", name: "", contact: "" }, errors: {}, retentionDays: location.retention_days };
}

/** An HTML answer that no cache keeps: a changed setting shows at once. */
function answer(c: Ctx, page: ReturnType<typeof renderThanks>, status: 200 | 400 | 404 | 429 = 200, headers: Record<string, string> = {}) {
  return c.html(page, status, { "Cache-Control": "no-store", ...headers });
}

function notFound(c: Ctx, lang: LegalLang) {
  return answer(c, renderNotFound({ lang, officeName: "sprechstunde", office: undefined }), 404);
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
    else if (issue.code === "too_big") errors[key] = words.tooLong(Number(issue.maximum));
    else if (issue.code === "too_small" || values[key].trim() === "") errors[key] = words.required;
    else errors[key] = words.invalid;
  }
  return errors;
}
