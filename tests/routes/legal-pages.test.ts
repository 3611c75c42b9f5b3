import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { LegalDocument } from "../../common/legal";
import { LANGUAGES, RESIDENT_LOCALES } from "../../common/i18n/languages";
import { createOffice, type Office } from "../helpers/fixtures";

/*
 * The legal pages (/impressum, /datenschutz, /barrierefreiheit): HTML from the office's settings, in
 * the six resident languages, without script, cookie or anything from elsewhere; and the same document as JSON.
 */

const NOW = new Date("2026-11-24T07:00:00Z");
const PAGES = ["impressum", "datenschutz", "barrierefreiheit"] as const;

async function withProvider(office: Office, set: Record<string, string | number | null>): Promise<void> {
  const columns = Object.keys(set);
  await env.DB.prepare(`UPDATE locations SET ${columns.map((c, i) => `${c} = ?${i + 2}`).join(", ")} WHERE id = ?1`)
    .bind(office.id, ...Object.values(set))
    .run();
}

async function page(office: Office, path: string): Promise<{ res: Response; text: string }> {
  const res = await office.request(path, {}, NOW);
  return { res, text: await res.text() };
}

/** Every `src` and every `href` of a `<link>`: what the browser would load on its own. */
function resourceUrls(text: string): string[] {
  const src = [...text.matchAll(/\ssrc="([^"]*)"/g)].map((m) => m[1]!);
  const links = [...text.matchAll(/<link\b[^>]*\shref="([^"]*)"/g)].map((m) => m[1]!);
  return [...src, ...links];
}

describe("the three pages", () => {
  for (const name of PAGES) {
    for (const lang of RESIDENT_LOCALES) {
      it(`/${name} in ${lang}: HTML with lang and dir, one h1, no script, no cookie, nothing from elsewhere`, async () => {
        const office = await createOffice();
        const query = (code: string) => `?lang=${code}`;
        const { res, text } = await page(office, `/${name}${query(lang)}`);
        expect(res.status).toBe(200);
        expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
        expect(res.headers.get("Set-Cookie")).toBeNull();
        expect(res.headers.get("Cache-Control")).toBe("no-store");
        expect(res.headers.get("Content-Security-Policy")).toContain("default-src 'self'");
        // No secret in these URLs: their own origin goes along to their own site, so the form's post carries it.
        expect(res.headers.get("Referrer-Policy")).toBe("same-origin");
        expect(text).toContain(`<html lang="${lang}" dir="${lang === "ar" ? "rtl" : "ltr"}">`);
        expect(text.match(/<h1\b/g)).toHaveLength(1);
        expect(text).not.toMatch(/<script/i);
        expect(text).not.toMatch(/\son[a-z]+=/i);
        expect(text).not.toMatch(/<(iframe|img|object|embed)\b/i);
        for (const url of resourceUrls(text)) expect(url, url).toMatch(/^\/[^/]/);
        expect(resourceUrls(text)).toContain("/legal.css");
        // Landmarks, a skip link, and a link to each language, named in that language, the current one marked.
        expect(text).toContain('<a class="skip-link" href="#main">');
        expect(text).toMatch(/<header\b[\s\S]*<main id="main"[\s\S]*<footer\b/);
        for (const code of RESIDENT_LOCALES) {
          const current = code === lang ? ' aria-current="true"' : "";
          const dir = code === "ar" ? "rtl" : "ltr";
          expect(text).toContain(`<a class="lang-switch__link" lang="${code}" hreflang="${code}" dir="${dir}" href="/${name}${query(code)}"${current}>${LANGUAGES[code].name}</a>`);
        }
        // All three pages linked from each, the current one marked.
        for (const p of PAGES) expect(text).toContain(`href="/${p}${query(lang)}"`);
        expect(text).toContain('aria-current="page"');
      });
    }
  }

  it("with a trailing slash: a permanent redirect to the page, the query kept", async () => {
    const office = await createOffice();
    for (const name of PAGES) {
      const res = await office.request(`/${name}/?lang=en`, {}, NOW);
      expect(res.status).toBe(301);
      expect(res.headers.get("Location")).toBe(`/${name}?lang=en`);
    }
  });

  it("the rest of the app keeps no-referrer", async () => {
    const office = await createOffice();
    expect((await office.request("/api/legal/datenschutz", {}, NOW)).headers.get("Referrer-Policy")).toBe("no-referrer");
  });

  it("escapes what admins enter", async () => {
    const office = await createOffice();
    await withProvider(office, { provider_body: 'Stadt <script>alert("x")</script>', dpo_contact: "<img src=x onerror=alert(1)>" });
    for (const name of PAGES) {
      const { text } = await page(office, `/${name}`);
      expect(text).not.toContain("<script>");
      expect(text).not.toContain("<img");
    }
    expect((await page(office, "/impressum")).text).toContain("Stadt &lt;script&gt;");
  });

  it("an unknown office is a 404 page, not someone else's notice", async () => {
    const office = await createOffice();
    for (const query of ["?office=no-such-office", "?office=Bad%20Slug"]) {
      const { res, text } = await page(office, `/datenschutz${query}`);
      expect(res.status).toBe(404);
      expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
      expect(text).not.toContain("Testbüro");
    }
  });

  it("?office= shows that office; its links keep it", async () => {
    const office = await createOffice();
    const other = await createOffice();
    await withProvider(other, { provider_body: "Stadt Anderswo" });
    const { res, text } = await page(office, `/impressum?office=${other.slug}&lang=en`);
    expect(res.status).toBe(200);
    expect(text).toContain("Stadt Anderswo");
    expect(text).toContain(`href="/datenschutz?lang=en&amp;office=${other.slug}"`);
  });

  it("\"Termin buchen\" leads to the booking page for the default office only (it books there), never to an ?office= it ignores", async () => {
    const office = await createOffice();
    const other = await createOffice();
    for (const path of ["/impressum", `/impressum?office=${office.slug}`]) {
      expect((await page(office, path)).text).toContain('<li><a href="/?lang=de">Termin buchen</a></li>');
    }
    // In the page's language: the booking page starts in the language its address names.
    expect((await page(office, "/impressum?lang=tr")).text).toContain('<li><a href="/?lang=tr">');
    const elsewhere = (await page(office, `/impressum?office=${other.slug}`)).text;
    expect(elsewhere).not.toContain("Termin buchen");
    expect(elsewhere).not.toMatch(/href="\/\?office=/);
  });
});

describe("the page's language without ?lang=", () => {
  it.each<[string | null, string]>([
    ["tr-TR,tr;q=0.9,en;q=0.8", "tr"],
    ["fr-FR, ru;q=0.5, en;q=0.7", "en"],
    ["fr, uk;q=0.3", "uk"],
    ["ar-SY", "ar"],
    ["tr;q=0, ru;q=0.2", "ru"],
    ["fr, es", "de"],
    [null, "de"],
  ])("Accept-Language %s → %s, and the answer says it varies by it", async (accept, expected) => {
    const office = await createOffice();
    const res = await office.request("/datenschutz", accept === null ? {} : { headers: { "Accept-Language": accept } }, NOW);
    expect(res.status).toBe(200);
    expect(res.headers.get("Vary")).toContain("Accept-Language");
    expect(await res.text()).toContain(`<html lang="${expected}"`);
  });

  it("?lang= wins over Accept-Language; a ?lang= that is none of the six leaves it to the header", async () => {
    const office = await createOffice();
    const asked = await office.request("/impressum?lang=uk", { headers: { "Accept-Language": "tr" } }, NOW);
    expect(await asked.text()).toContain('<html lang="uk"');
    const unknown = await office.request("/impressum?lang=fr", { headers: { "Accept-Language": "ar" } }, NOW);
    expect(await unknown.text()).toContain('<html lang="ar" dir="rtl"');
  });
});

describe("/impressum", () => {
  it("shows the provider as configured and leaves out what is not", async () => {
    const office = await createOffice();
    await withProvider(office, { provider_body: "Stadt Kempten (Allgäu)", provider_department: "Amt für Wirtschaft und Stadtentwicklung" });
    const { text } = await page(office, "/impressum");
    for (const line of ["Stadt Kempten (Allgäu)", "Amt für Wirtschaft und Stadtentwicklung", "Testbüro Kempten-Ost", "Anton-Fehr-Str. 6", "Kempten (Allgäu)"]) {
      expect(text).toContain(line);
    }
    expect(text).toContain('href="tel:01722315911"');
    expect(text).toContain('href="mailto:buero@example.org"');
    expect(text).not.toContain("Vertreten durch");

    await withProvider(office, { provider_representative: "Oberbürgermeister Max Muster" });
    expect((await page(office, "/impressum")).text).toContain("Oberbürgermeister Max Muster");
  });
});

describe("/datenschutz", () => {
  it("states the retention period from the settings, and changes with it", async () => {
    const office = await createOffice();
    const before = (await page(office, "/datenschutz")).text;
    expect(before).toContain("30 Tage nach dem Ende des Termins");
    await withProvider(office, { retention_days: 91 });
    const after = (await page(office, "/datenschutz")).text;
    expect(after).toContain("91 Tage nach dem Ende des Termins");
    expect(after).not.toContain("30 Tage nach dem Ende des Termins");
    expect((await page(office, "/datenschutz?lang=en")).text).toContain("91 days after the end of the appointment");
  });

  it("names the legal basis, the processor, backups, cookies and the authority from the settings", async () => {
    const office = await createOffice();
    const { text } = await page(office, "/datenschutz");
    expect(text).toContain("Art. 6 Abs. 1 UAbs. 1 Buchst. e");
    expect(text).toContain("Art. 4 Abs. 1 Bayerisches Datenschutzgesetz");
    expect(text).toContain("keine Einwilligung");
    expect(text).toContain("Cloudflare, Inc.");
    expect(text).toContain("höchstens 30 Tage");
    expect(text).toContain("__Host-sprechstunde-staff");
    expect(text).toContain("__Host-sprechstunde-kiosk");
    expect(text).toContain("Der Bayerische Landesbeauftragte für den Datenschutz");
    expect(text).toContain('href="https://www.datenschutz-bayern.de"');
    for (const article of ["Art. 15", "Art. 16", "Art. 17", "Art. 18", "Art. 21", "Art. 77"]) expect(text).toContain(article);
    // Turnstile is off in these tests: the notice does not claim it.
    expect(text).not.toContain("Turnstile");
  });

  it("shows the data protection officer's contact when configured, and without it how to reach them", async () => {
    const office = await createOffice();
    const without = (await page(office, "/datenschutz")).text;
    expect(without).toContain("Die oder der behördliche Datenschutzbeauftragte</h3>");
    expect(without).toContain("über die Anschrift des Verantwortlichen (oben, unter 1.), Stichwort „Datenschutzbeauftragte“");
    expect((await page(office, "/datenschutz?lang=en")).text).toContain("through the controller&#39;s address (above, under 1.)");
    await withProvider(office, { dpo_contact: "Behördlicher Datenschutzbeauftragter\nRathausplatz 29\ndatenschutz@example.org" });
    const { text } = await page(office, "/datenschutz");
    expect(text).toContain("Die oder der behördliche Datenschutzbeauftragte</h3>");
    expect(text).toContain("Behördlicher Datenschutzbeauftragter<br>Rathausplatz 29");
    expect(text).toContain("Rathausplatz 29");
    expect(text).toContain('href="mailto:datenschutz@example.org"');
  });

  it("covers the accessibility feedback form: purpose, what, where, and how long (as every mail; the office's mailbox like its post)", async () => {
    const office = await createOffice();
    await withProvider(office, { retention_days: 45 });
    const { text } = await page(office, "/datenschutz");
    expect(text).toContain("Rückmeldungen über das Formular in der Erklärung zur Barrierefreiheit (Nachricht, freiwillig Name und Kontakt)");
    expect(text).toContain("als E-Mail an das Postfach des Büros");
    expect(text).toContain("Die Kopie in diesem System (die E-Mail an das Büro) wird wie jede E-Mail 45 Tage nach dem Versand gelöscht.");
    expect(text).toContain("wie andere Post an das Büro behandelt");
    // The form's own sentence says the same.
    const form = (await page(office, "/barrierefreiheit")).text;
    expect(form).toContain("Die Kopie hier löschen wir 45 Tage nach dem Versand. Die E-Mail im Postfach des Büros behandelt das Büro wie andere Post.");
  });

  it("says that a printed day list holds personal data, is kept locked away and destroyed at the end of the day", async () => {
    const office = await createOffice();
    expect((await page(office, "/datenschutz")).text).toContain(
      "So ein Ausdruck enthält personenbezogene Daten. Er wird verschlossen aufbewahrt und am Ende des Tages vernichtet (Aktenvernichter).",
    );
    expect((await page(office, "/datenschutz?lang=en")).text).toContain(
      "Such a printout holds personal data. It is kept locked away and destroyed at the end of the day (shredder).",
    );
  });

  it("says that a request without a time stays until the office answers it", async () => {
    const office = await createOffice();
    expect((await page(office, "/datenschutz")).text).toContain("Eine Anfrage ohne Termin bleibt gespeichert, bis das Büro sie beantwortet.");
    expect((await page(office, "/datenschutz?lang=en")).text).toContain("A request without an appointment stays stored until the office answers it.");
  });

  it("words what the software does: the status link's deletion, self-erasure from the day after, the mail's link, the restore's pace", async () => {
    const office = await createOffice();
    const de = (await page(office, "/datenschutz")).text;
    expect(de).toContain("Wartenummern: Der Link zum Stand der Wartenummer wird 30 Tage nach dem Tag der Nummer gelöscht.");
    // holdsPlace refuses until the appointment's local day has ended: "vorbei" alone would promise more.
    expect(de).toContain("oder ist der Tag des Termins vorbei (ab dem folgenden Tag)");
    expect(de).toContain("Ist Ihr Termin abgesagt? Oder ist der Tag Ihres Termins vorbei?");
    expect(de).not.toMatch(/Termin vorbei oder abgesagt|abgesagt oder vorbei/);
    expect(de).toContain("über den Link in der E-Mail zu Ihrem Termin oder Ihrer Anfrage");
    expect(de).not.toContain("Link in der Bestätigung");
    expect(de).toContain("je Büro bis zu 200 Termine pro Minute, bis nichts Fälliges mehr übrig ist");
    expect(de).not.toContain("wenigen Minuten");
    const en = (await page(office, "/datenschutz?lang=en")).text;
    expect(en).toContain("Queue numbers: the link to the number&#39;s status is deleted 30 days after the number&#39;s day.");
    expect(en).toContain("or its day is over (from the following day)");
    expect(en).toContain("through the link in the e-mail about your appointment or request");
    expect(en).toContain("up to 200 appointments per office and minute, until nothing due is left");
    expect(en).not.toContain("within minutes");
  });

  it("names the data protection officer one way, gender-neutral, wherever the notice mentions them", async () => {
    const office = await createOffice();
    const de = (await page(office, "/datenschutz")).text;
    // Every mention in the text (not the keyword „Datenschutzbeauftragte“ for the post), with the words before it.
    const words = de.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ");
    const mentions = [...words.matchAll(/(\S+ \S+ \S+) Datenschutzbeauftragte[nr]?(?!“)/g)].map((m) => m[1]);
    expect(mentions.length).toBeGreaterThanOrEqual(3);
    for (const before of mentions) expect(["oder der behördliche", "oder den behördlichen"]).toContain(before);
    expect(de).not.toMatch(/unsere[nm]? (behördliche[nm]? )?Datenschutzbeauftragte/);
    expect((await page(office, "/datenschutz?lang=en")).text).not.toContain("our data protection officer");
  });

  it("says Turnstile where it is on", async () => {
    const office = await createOffice();
    const res = await office.request("/datenschutz", {}, NOW, { turnstile: async () => true });
    expect(await res.text()).toContain("Cloudflare Turnstile");
  });
});

describe("/barrierefreiheit", () => {
  it("has the status, the date, the feedback form and the enforcement body from the settings", async () => {
    const office = await createOffice();
    await withProvider(office, { accessibility_enforcement: "Durchsetzungsstelle Test\nPostfach 1" });
    const { text } = await page(office, "/barrierefreiheit");
    expect(text).toContain("teilweise mit den Anforderungen vereinbar");
    expect(text).toContain("2. Dezember 2026");
    expect(text).toContain('<form method="post" action="/barrierefreiheit?lang=de" enctype="multipart/form-data"');
    expect(text).toContain("Durchsetzungsstelle Test");
    expect(text).toContain("Postfach 1");
  });
});

describe("GET /api/legal/:page", () => {
  it("answers the same document as JSON, for the kiosk and the booking page", async () => {
    const office = await createOffice();
    await withProvider(office, { retention_days: 45 });
    const res = await office.request(`/api/legal/datenschutz?lang=en&office=${office.slug}`, {}, NOW);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const doc = (await res.json()) as LegalDocument;
    expect(doc).toMatchObject({ page: "datenschutz", lang: "en", title: "Privacy notice" });
    expect(JSON.stringify(doc)).toContain("45 days after the end of the appointment");
  });

  it("404 for an unknown page or office, 400 for a bad slug", async () => {
    const office = await createOffice();
    expect((await office.request("/api/legal/agb", {}, NOW)).status).toBe(404);
    expect((await office.request("/api/legal/impressum?office=nobody", {}, NOW)).status).toBe(404);
    const bad = await office.request("/api/legal/impressum?office=Bad%20Slug", {}, NOW);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "invalid_request", field: "office" } });
  });
});
