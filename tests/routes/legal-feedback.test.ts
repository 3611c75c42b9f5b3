import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { OutboxRow } from "../../schemas/rows";
import { createOffice, type Office } from "../helpers/fixtures";

/*
 * The accessibility statement's feedback form: a plain form POST to /barrierefreiheit that lands as a mail
 * to the office in the outbox; bad input shows the form again with the problem at its field and stores
 * nothing; counted in the public rate-limit window; refused from other sites.
 */

const NOW = new Date("2026-11-24T07:00:00Z");

function post(office: Office, fields: Record<string, string>, deps = {}, headers: Record<string, string> = {}) {
  return office.request(
    "/barrierefreiheit",
    { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers }, body: new URLSearchParams(fields).toString() },
    NOW,
    deps,
  );
}

async function outbox(office: Office): Promise<OutboxRow[]> {
  const { results } = await env.DB.prepare("SELECT * FROM mail_outbox WHERE location_id = ?1").bind(office.id).all();
  return results.map((r) => OutboxRow.parse(r));
}

describe("POST /barrierefreiheit", () => {
  it("queues a mail to the office (no booking) and sends the browser on to a plain confirmation page (303: a reload sends nothing again)", async () => {
    const office = await createOffice();
    const res = await post(office, {
      message: "Der Kontrast der Knöpfe ist zu schwach.\nUnd <b>fett</b> geht nicht.",
      name: "Erika Beispiel",
      contact: "erika@example.org",
      lang: "de",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/barrierefreiheit?lang=de&gesendet=1");
    expect(res.headers.get("Set-Cookie")).toBeNull();
    const thanks = await office.request(res.headers.get("Location")!, {}, NOW);
    expect(thanks.status).toBe(200);
    expect(thanks.headers.get("Content-Type")).toMatch(/^text\/html/);
    const page = await thanks.text();
    expect(page).toContain("<h1>Danke für Ihre Nachricht</h1>");
    // True to what happens: the mail is in the outbox, on its way (not yet in the office's mailbox).
    expect(page).toContain("<p>Ihre Nachricht wird an das Büro geschickt. Wenn Sie einen Kontakt angegeben haben, kann das Büro Ihnen antworten.</p>");
    expect(page).not.toMatch(/<script/i);

    const [mail, ...more] = await outbox(office);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({
      kind: "accessibility_feedback",
      booking_id: null,
      to_address: "buero@example.org",
      status: "captured",
      subject: "Rückmeldung zur Barrierefreiheit – Testbüro",
      ics: null,
    });
    // What the person wrote, each line indented under its label; escaped in the HTML part.
    expect(mail!.text_body).toContain("Nachricht:\n  Der Kontrast der Knöpfe ist zu schwach.\n  Und <b>fett</b> geht nicht.");
    expect(mail!.text_body).toContain("Name:\n  Erika Beispiel");
    expect(mail!.text_body).toContain("Kontakt:\n  erika@example.org");
    expect(mail!.html_body).toContain("Und &lt;b&gt;fett&lt;/b&gt; geht nicht.");
    expect(mail!.html_body).not.toContain("<b>fett");
  });

  it("name and contact are optional; the English page answers in English and to the office of the form", async () => {
    const office = await createOffice();
    const other = await createOffice();
    await env.DB.prepare("UPDATE locations SET email = 'anders@example.org' WHERE id = ?1").bind(other.id).run();
    const res = await post(office, { message: "The table has no headers.", lang: "en", office: other.slug });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/barrierefreiheit?lang=en&office=${other.slug}&gesendet=1`);
    const page = await (await office.request(res.headers.get("Location")!, {}, NOW)).text();
    expect(page).toContain('<html lang="en" dir="ltr">');
    expect(page).toContain("Thank you for your message");
    expect(page).toContain("<p>Your message is being sent to the office. If you gave a contact, the office can answer you.</p>");
    expect(await outbox(office)).toEqual([]);
    const [mail] = await outbox(other);
    expect(mail).toMatchObject({ to_address: "anders@example.org", booking_id: null });
    expect(mail!.text_body).toContain("Kontakt:\n  (nicht angegeben)");
    expect(mail!.text_body).toContain("Sprache der Seite:\n  Englisch");
  });

  const BAD: [string, Record<string, string>, string, string][] = [
    ["a missing message", { name: "Erika" }, "message", "Bitte schreiben Sie eine Nachricht."],
    ["a blank message", { message: "   \n  " }, "message", "Bitte schreiben Sie eine Nachricht."],
    ["a message too long", { message: "x".repeat(2001) }, "message", "Höchstens 2000 Zeichen."],
    ["a control character in the message", { message: "Hallo\u0000Welt" }, "message", "Zeichen, die wir nicht annehmen"],
    ["a name over two lines", { message: "ok", name: "Erika\nBeispiel" }, "name", "Zeichen, die wir nicht annehmen"],
    ["a contact too long", { message: "ok", contact: "c".repeat(201) }, "contact", "Höchstens 200 Zeichen."],
  ];
  for (const [what, fields, field, words] of BAD) {
    it(`${what}: 400, the form again with the problem at "${field}" and what was typed; nothing stored`, async () => {
      const office = await createOffice();
      const res = await post(office, fields);
      expect(res.status).toBe(400);
      expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
      const page = await res.text();
      expect(page).toContain('role="alert"');
      // Focus on the summary and an error prefix in the title: the reload is announced as a problem.
      expect(page).toMatch(/<div class="error-summary" role="alert" tabindex="-1" id="feedback-problems" autofocus>/);
      expect(page).toContain("<title>Fehler: Erklärung zur Barrierefreiheit – Testbüro</title>");
      expect(page).toContain(`<a href="#fb-${field}">`);
      expect(page).toMatch(new RegExp(`id="fb-${field}-error" class="field__error">[^<]*${words.replace(/[.()]/g, "\\$&")}`));
      expect(page).toMatch(new RegExp(`id="fb-${field}"[^>]*aria-invalid="true"`));
      expect(page).toMatch(new RegExp(`aria-describedby="[^"]*fb-${field}-error`));
      if (fields.name === "Erika") expect(page).toContain('value="Erika"');
      expect(await outbox(office)).toEqual([]);
    });
  }

  it("the page without problems has no error prefix and no focus jump", async () => {
    const office = await createOffice();
    const page = await (await office.request("/barrierefreiheit", {}, NOW)).text();
    expect(page).toContain("<title>Erklärung zur Barrierefreiheit – Testbüro</title>");
    expect(page).not.toContain("autofocus");
    const en = await post(office, { message: "", lang: "en" });
    expect(await en.text()).toContain("<title>Error: Accessibility statement – Testbüro</title>");
  });

  it("?gesendet=1 at an office without the form shows its page as always, no thanks", async () => {
    const office = await createOffice();
    await env.DB.prepare("UPDATE locations SET email = NULL WHERE id = ?1").bind(office.id).run();
    const page = await (await office.request("/barrierefreiheit?gesendet=1", {}, NOW)).text();
    expect(page).not.toContain("Danke für Ihre Nachricht");
    expect(page).toContain("<h1>Erklärung zur Barrierefreiheit</h1>");
  });

  it("?lang=en survives a bad office: the not-found page in English", async () => {
    const office = await createOffice();
    for (const path of ["/barrierefreiheit?lang=en&office=Not%20a%20slug", "/datenschutz?lang=en&office=nobody-here", "/impressum?office=..&lang=en"]) {
      const res = await office.request(path, {}, NOW);
      expect(res.status).toBe(404);
      const page = await res.text();
      expect(page).toContain('<html lang="en" dir="ltr">');
      expect(page).toContain("This page does not exist");
    }
  });

  it("an unknown field is a problem of the form, named, and stores nothing", async () => {
    const office = await createOffice();
    const res = await post(office, { message: "ok", subject: "x" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("ein Feld, das wir nicht kennen");
    expect(await outbox(office)).toEqual([]);
  });

  it("keeps what was typed, escaped", async () => {
    const office = await createOffice();
    const res = await post(office, { message: "", name: '"><script>alert(1)</script>' });
    const page = await res.text();
    expect(page).not.toContain("<script>");
    expect(page).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it("an office without an e-mail address offers no form and takes none", async () => {
    const office = await createOffice();
    await env.DB.prepare("UPDATE locations SET email = NULL WHERE id = ?1").bind(office.id).run();
    expect(await (await office.request("/barrierefreiheit", {}, NOW)).text()).not.toContain("<form");
    const res = await post(office, { message: "Hallo" });
    expect(res.status).toBe(404);
    expect(await outbox(office)).toEqual([]);
  });

  it("an unknown office: 404, nothing stored", async () => {
    const office = await createOffice();
    const res = await post(office, { message: "Hallo", office: "nobody-here" });
    expect(res.status).toBe(404);
    expect(await outbox(office)).toEqual([]);
  });

  it("is rate-limited like the other public routes: 429 with Retry-After, the form with the reason, nothing stored", async () => {
    const office = await createOffice();
    const deps = { rateLimit: { limit: 2, windowSeconds: 600 } };
    const ip = { "CF-Connecting-IP": `198.51.100.${Math.floor(Math.random() * 200)}` };
    expect((await post(office, { message: "eins" }, deps, ip)).status).toBe(303);
    expect((await post(office, { message: "zwei" }, deps, ip)).status).toBe(303);
    const res = await post(office, { message: "drei" }, deps, ip);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
    const page = await res.text();
    expect(page).toContain("Zu viele Versuche");
    expect(page).toContain(">drei</textarea>");
    expect((await outbox(office)).map((m) => m.text_body.includes("drei"))).toEqual([false, false]);
  });

  it("refuses a post from another site as the page with the reason (not JSON), and stores nothing", async () => {
    const office = await createOffice();
    const res = await office.request(
      "/barrierefreiheit?lang=en",
      { method: "POST", headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" }, body: multipart({ message: "Hallo" }) },
      NOW,
    );
    expect(res.status).toBe(403);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    const page = await res.text();
    expect(page).toContain('<html lang="en" dir="ltr">');
    expect(page).toMatch(/role="alert"[^]*We only take messages from this page/);
    expect(await outbox(office)).toEqual([]);
  });

  it("a body too large is the page with the reason (400), not JSON", async () => {
    const office = await createOffice();
    const res = await post(office, { message: "x".repeat(20_000) });
    expect(res.status).toBe(400);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(await res.text()).toContain("nicht richtig bei uns angekommen");
    expect(await outbox(office)).toEqual([]);
  });
});

/** The form as a browser sends it (`enctype="multipart/form-data"`): the text as UTF-8, not percent-encoded. */
function multipart(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe("POST /barrierefreiheit: what a browser sends", () => {
  it("takes the page's own multipart post with its Origin; 2000 characters of a 3-byte script fit the body limit", async () => {
    const office = await createOffice();
    const message = "ሰ".repeat(2000);
    const res = await office.request(
      "http://localhost/barrierefreiheit",
      { method: "POST", headers: { Origin: "http://localhost", "Sec-Fetch-Site": "same-origin" }, body: multipart({ message, lang: "de" }) },
      NOW,
    );
    expect(res.status).toBe(303);
    const [mail] = await outbox(office);
    expect(mail!.text_body).toContain(message);
  });

  it("refuses `Origin: null` (no exception for it any more), as the page", async () => {
    const office = await createOffice();
    const res = await post(office, { message: "Hallo" }, {}, { Origin: "null", "Sec-Fetch-Site": "same-origin" });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Wir nehmen Nachrichten nur von dieser Seite an.");
    expect(await outbox(office)).toEqual([]);
  });

  it.each([
    ["a malformed multipart body", "multipart/form-data; boundary=xyz", "message=hi"],
    ["a multipart type without a boundary", "multipart/form-data", "--x\r\n"],
    ["JSON", "application/json", JSON.stringify({ message: "hi" })],
    ["plain text", "text/plain", "message=hi"],
  ])("%s: the form again with 400, never a 500; nothing stored", async (_what, type, body) => {
    const office = await createOffice();
    const res = await office.request("/barrierefreiheit", { method: "POST", headers: { "Content-Type": type }, body }, NOW);
    expect(res.status).toBe(400);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(await res.text()).toMatch(/role="alert"/);
    expect(await outbox(office)).toEqual([]);
  });
});
