import { env } from "cloudflare:workers";
import { parse, type HTMLElement } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { RESIDENT_LOCALES, type Locale } from "../../common/i18n/languages";
import type { LegalDocument, Section } from "../../common/legal";
import { OutboxRow } from "../../schemas/rows";
import { createOffice, type Office } from "../helpers/fixtures";

/*
 * The legal pages in the six resident languages: the plain-language parts in the page's language; the
 * full wording in German (binding) or English, and on a page in Turkish, Russian, Ukrainian or Arabic
 * the page says so in its language and marks the German part lang="de"; Arabic right to left. The
 * phrases are written out here, not read from the catalogs, so a language that falls back fails.
 */

const NOW = new Date("2026-11-24T07:00:00Z");

async function html(office: Office, path: string): Promise<{ status: number; root: HTMLElement; text: string }> {
  const res = await office.request(path, {}, NOW);
  const text = await res.text();
  return { status: res.status, root: parse(text), text };
}

const query = (lang: Locale) => (lang === "de" ? "" : `?lang=${lang}`);

/** Per language: the privacy notice's plain heading, its retention sentence (30 days), and the note that the wording below is German. */
const PRIVACY: Record<Locale, { plain: string; period: string; german: string | null }> = {
  de: { plain: "Das Wichtigste in einfacher Sprache", period: "30 Tage nach dem Termin löschen wir", german: null },
  en: { plain: "The main points in plain language", period: "30 days after the appointment we delete", german: null },
  tr: { plain: "En önemli bilgiler sade bir dille", period: "Randevudan 30 gün sonra", german: "Aşağıdaki tam metin Almancadır." },
  ru: { plain: "Главное простым языком", period: "Через 30 дней после приёма", german: "Точный текст ниже — на немецком языке." },
  uk: { plain: "Головне простою мовою", period: "Через 30 днів після прийому", german: "Точний текст нижче — німецькою мовою." },
  ar: { plain: "أهم النقاط بلغة بسيطة", period: "بعد 30 يومًا من الموعد", german: "النص الكامل أدناه باللغة الألمانية." },
};

/** The language a node is in: its own `lang`, else its nearest ancestor's. */
function langOf(node: HTMLElement): string | undefined {
  for (let n: HTMLElement | null = node; n; n = n.parentNode) {
    const lang = n.getAttribute?.("lang");
    if (lang) return lang;
  }
  return undefined;
}

describe("/datenschutz in each language", () => {
  for (const lang of RESIDENT_LOCALES) {
    it(`?lang=${lang}: the plain part in ${lang}, the wording ${lang === "en" ? "in English" : "in German"}${PRIVACY[lang].german ? ", said so and marked" : ""}`, async () => {
      const office = await createOffice();
      const { status, root } = await html(office, `/datenschutz${query(lang)}`);
      expect(status).toBe(200);
      const page = root.querySelector("html")!;
      expect(page.getAttribute("lang")).toBe(lang);
      expect(page.getAttribute("dir")).toBe(lang === "ar" ? "rtl" : "ltr");

      const plain = root.querySelector("#einfach")!;
      expect(langOf(plain)).toBe(lang);
      expect(plain.querySelector("h2")!.text).toBe(PRIVACY[lang].plain);
      expect(plain.text).toContain(PRIVACY[lang].period);

      const detail = root.querySelector("#im-einzelnen")!;
      const numbered = detail.querySelectorAll("section");
      expect(numbered.length).toBeGreaterThan(5);
      const e = PRIVACY[lang];
      if (e.german) {
        // The note in the page's language, then every part of the wording marked German.
        expect(langOf(detail.querySelector("p")!)).toBe(lang);
        expect(detail.querySelector("p")!.text).toContain(e.german);
        for (const section of numbered) expect(section.getAttribute("lang"), section.id).toBe("de");
        expect(root.querySelector("#verantwortlicher h3")!.text).toBe("1. Verantwortlicher");
      } else {
        for (const section of numbered) expect(section.getAttribute("lang"), section.id).toBeUndefined();
        expect(root.querySelector("#verantwortlicher h3")!.text).toBe(lang === "en" ? "1. Controller" : "1. Verantwortlicher");
      }
      // Phone and e-mail read left to right on every page, Arabic included.
      for (const link of root.querySelectorAll('a[href^="tel:"], a[href^="mailto:"]')) expect(link.getAttribute("dir")).toBe("ltr");
      expect(root.querySelectorAll('a[href^="tel:"]').length).toBeGreaterThan(0);
    });
  }

  it("?lang= of a language the pages do not have: German, not an error", async () => {
    const office = await createOffice();
    const { status, root } = await html(office, "/datenschutz?lang=fr");
    expect(status).toBe(200);
    expect(root.querySelector("html")!.getAttribute("lang")).toBe("de");
  });
});

describe("/barrierefreiheit and /impressum in the other languages", () => {
  it("Arabic: right to left; the main points, the feedback and its form in Arabic; the statement in German, marked; no id twice", async () => {
    const office = await createOffice();
    const { root } = await html(office, "/barrierefreiheit?lang=ar");
    expect(root.querySelector("html")!.getAttribute("dir")).toBe("rtl");
    expect(root.querySelector("h1")!.text).toBe("بيان إمكانية الوصول");
    expect(root.querySelector("#einfach")!.text).toContain("الصفحات متاحة جزئيًا.");
    const feedback = root.querySelector("#feedback")!;
    expect(langOf(feedback)).toBe("ar");
    expect(feedback.querySelector("label[for=fb-message]")!.text).toBe("رسالتكم");
    expect(feedback.querySelector('input[name="lang"]')!.getAttribute("value")).toBe("ar");
    const full = root.querySelector("#volltext")!;
    expect(full.querySelector("p")!.text).toContain("النسخة الألمانية وحدها هي الملزمة.");
    const german = full.querySelectorAll("section");
    expect(german.map((s) => s.id)).toEqual(["geltungsbereich", "stand", "nicht-barrierefrei", "erstellung", "durchsetzung"]);
    for (const s of german) expect(s.getAttribute("lang")).toBe("de");
    const ids = root.querySelectorAll("[id]").map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  const IMPRESSUM: Record<Locale, string> = {
    de: "Impressum",
    en: "Legal notice (Impressum)",
    tr: "Künye (Impressum)",
    ru: "Выходные данные (Impressum)",
    uk: "Вихідні дані (Impressum)",
    ar: "بيانات الناشر (Impressum)",
  };
  for (const lang of RESIDENT_LOCALES) {
    it(`the Impressum and the accessibility statement's title in ${lang}`, async () => {
      const office = await createOffice();
      expect((await html(office, `/impressum${query(lang)}`)).root.querySelector("h1")!.text).toBe(IMPRESSUM[lang]);
      const statement = (await html(office, `/barrierefreiheit${query(lang)}`)).root;
      // Each page names every language in itself; the German statement is German on German and English pages only as the page's own language.
      expect(statement.querySelectorAll(".lang-switch__link").map((a) => a.getAttribute("lang"))).toEqual([...RESIDENT_LOCALES]);
      expect(statement.querySelector('.lang-switch__link[aria-current="true"]')!.getAttribute("lang")).toBe(lang);
      expect(statement.querySelectorAll('section[lang="de"]').length > 0).toBe(lang !== "de" && lang !== "en");
    });
  }
});

describe("feedback from a page in Arabic, and the JSON", () => {
  it("the thanks in Arabic; the mail to the office stays German and names the page's language", async () => {
    const office = await createOffice();
    const res = await office.request(
      "/barrierefreiheit",
      {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ message: "التباين ضعيف", lang: "ar" }).toString(),
      },
      NOW,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/barrierefreiheit?lang=ar&gesendet=1");
    const thanks = await html(office, res.headers.get("Location")!);
    expect(thanks.root.querySelector("h1")!.text).toBe("شكرًا على رسالتكم");
    expect(thanks.root.querySelector("html")!.getAttribute("dir")).toBe("rtl");

    const { results } = await env.DB.prepare("SELECT * FROM mail_outbox WHERE location_id = ?1").bind(office.id).all();
    const [mail] = results.map((r) => OutboxRow.parse(r));
    expect(mail!.text_body).toContain("Sprache der Seite:\n  Arabisch");
    expect(mail!.text_body).toContain("Nachricht:\n  التباين ضعيف");
    expect(mail!.html_body).toContain('<html lang="de">');
  });

  it("a too long message on the Ukrainian page: the problem in Ukrainian", async () => {
    const office = await createOffice();
    const res = await office.request(
      "/barrierefreiheit?lang=uk",
      {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ message: "ї".repeat(2001), lang: "uk" }).toString(),
      },
      NOW,
    );
    expect(res.status).toBe(400);
    const root = parse(await res.text());
    expect(root.querySelector("#fb-message-error")!.text).toBe("Це задовго. Максимальна кількість знаків: 2000.");
  });

  it("GET /api/legal/datenschutz?lang=tr: the plain part in Turkish, the wording's sections marked German", async () => {
    const office = await createOffice();
    const doc = (await (await office.request("/api/legal/datenschutz?lang=tr", {}, NOW)).json()) as LegalDocument;
    expect(doc.lang).toBe("tr");
    expect(doc.title).toBe("Veri koruma beyanı");
    const [plain, detail] = doc.sections as [Section, Section];
    expect(plain.lang).toBeUndefined();
    expect(detail.heading).toBe("Tam metin (Almanca)");
    expect(detail.sections!.every((s) => s.lang === "de")).toBe(true);
  });
});
