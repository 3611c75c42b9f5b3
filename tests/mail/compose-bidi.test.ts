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
