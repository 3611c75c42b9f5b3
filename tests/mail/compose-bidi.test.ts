import { describe, expect, it } from "vitest";
import { closureMessage, composeMail } from "../../worker/mail/compose";
import { mailContext } from "./support/context";
import { readInvite } from "./support/invite";

/*
 * Right-to-left mails (Arabic): in the plain-text part and the invite's DESCRIPTION no markup keeps a
 * phone number, code or URL left-to-right, so each is isolated with LRI … PDI (U+2066 … U+2069), as the
 * push messages do. Left-to-right mails stay without the marks.
 */

const LRI = "\u2066";
const PDI = "\u2069";
const isolated = (text: string) => `${LRI}${text}${PDI}`;

describe("bidi isolation in plain text", () => {
  it("Arabic text part: the phone number, the code, the manage link and the legal links are isolated", () => {
    const m = composeMail("booking_confirmed", mailContext({ locale: "ar" }));
    expect(m.text).toContain(isolated("0172 / 2315911"));
    expect(m.text).toContain(isolated(mailContext().booking.code));
    expect(m.text).toContain(isolated(mailContext().manageUrl));
    // No bare (unisolated) phone number left anywhere in the text.
    expect(m.text.split("0172 / 2315911").length - 1).toBe(m.text.split(isolated("0172 / 2315911")).length - 1);
    for (const line of m.text.split("\n").filter((l) => l.includes("https://"))) expect(line).toContain(LRI);
  });

  it("Arabic invite DESCRIPTION: code, link and phone isolated", () => {
    const m = composeMail("booking_confirmed", mailContext({ locale: "ar" }));
    const description = readInvite(m.ics!).events[0]!.description;
    expect(description).toContain(isolated(mailContext().booking.code));
    expect(description).toContain(isolated(mailContext().manageUrl));
    expect(description).toContain(isolated("0172 / 2315911"));
  });

  it("left-to-right languages get no marks", () => {
    for (const locale of ["de", "en", "tr", "ru", "uk"] as const) {
      const m = composeMail("booking_confirmed", mailContext({ locale }));
      expect(m.text).not.toMatch(/[\u2066-\u2069]/);
      expect(readInvite(m.ics!).events[0]!.description).not.toMatch(/[\u2066-\u2069]/);
    }
  });
});

describe("a closure reason only in German", () => {
  it("is marked lang=\"de\" in the HTML of another language's mail, inside the mail's own sentence", () => {
    for (const locale of ["en", "ar"] as const) {
      const m = composeMail("booking_cancelled", mailContext({ locale }, { staffMessage: closureMessage(locale, { de: "Betriebsausflug" }) }));
      expect(m.html).toContain(`<span lang="de" dir="ltr">Betriebsausflug</span>`);
      // The text part reads as one sentence, the reason in it.
      expect(m.text).toContain("Betriebsausflug");
      expect(m.text).not.toContain("\u0000");
    }
  });

  it("is not marked where the office wrote it in the mail's language, nor in a German mail", () => {
    const en = composeMail("booking_cancelled", mailContext({ locale: "en" }, { staffMessage: closureMessage("en", { de: "Betriebsausflug", en: "Staff outing" }) }));
    expect(en.html).toContain("Staff outing");
    expect(en.html).not.toContain('lang="de"');
    const de = composeMail("booking_cancelled", mailContext({ locale: "de" }, { staffMessage: closureMessage("de", { de: "Betriebsausflug" }) }));
    expect(de.html).toContain("Betriebsausflug");
    expect(de.html).not.toContain("<span lang=");
  });
});
