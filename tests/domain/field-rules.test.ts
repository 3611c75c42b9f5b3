import { describe, expect, it } from "vitest";
import { canonicalEmail, cleanLine, cleanText, isDayInRange, isMultiLine, isSingleLine, normalizeNewlines } from "../../common/field-rules";

/*
 * The zod-free field rules that the API's schemas, the pages and the scripts share. The routes' own
 * tests (tests/routes/input-security.test.ts) prove the same inside workerd, through every form.
 */

describe("canonicalEmail", () => {
  it.each([
    ["user@example.org", "user@example.org"],
    ["  User@Example.ORG \n", "user@example.org"],
    ["VIEL.Gebucht+Termin@EXAMPLE.org", "viel.gebucht+termin@example.org"],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ["a!#$%&'*+-/=?^_`{|}~z@example.org", "a!#$%&'*+-/=?^_`{|}~z@example.org"],
    ["jörg@example.de", "jörg@example.de"],
    ["JÖRG@Example.DE", "jörg@example.de"],
    // NFC: o + combining diaeresis is the same ö as the precomposed one.
    ["jo\u0308rg@example.de", "jörg@example.de"],
    ["info@bücher.de", "info@xn--bcher-kva.de"],
    ["info@BÜCHER.de", "info@xn--bcher-kva.de"],
    ["info@xn--bcher-kva.de", "info@xn--bcher-kva.de"],
    ["info@ｅｘａｍｐｌｅ.org", "info@example.org"],
    ["elif@örnek.com.tr", "elif@xn--rnek-4qa.com.tr"],
    ["x@a-b.example.org", "x@a-b.example.org"],
  ])("%j → %j", (input, canonical) => {
    expect(canonicalEmail(input)).toBe(canonical);
  });

  it.each([
    // What nodemailer would read as a list, a display name, a comment or a different mailbox.
    "x,b@example.org",
    "a;b@example.org",
    "v@example.org,",
    "v@example.org, w@example.org",
    "<v@example.org>",
    "Vera <v@example.org>",
    '"Vera" <v@example.org>',
    "e(c)@example.org",
    "v@example.org (Vera)",
    '"a b"@example.org',
    '"v"@example.org',
    "a\\b@example.org",
    "v@example.org>",
    "a:b@example.org",
    "a@b@example.org",
    "[v]@example.org",
    // Control, white-space and invisible characters anywhere inside.
    "a\u0000b@example.org",
    "a\tb@example.org",
    "a b@example.org",
    "a\r\nb@example.org",
    "v@example.org\r\nBcc: x@evil.example",
    "v@exa mple.org",
    "v\u200b@example.org",
    "v\u00ad@example.org",
    "v\u202e@example.org",
    "v\u2028@example.org",
    "v\u00a0w@example.org",
    "v@exa\u200dmple.org",
    // Not a mailbox on a domain name.
    "",
    "v",
    "@example.org",
    "v@",
    "v@example",
    "v@example.org.",
    "v@.example.org",
    "v@example..org",
    "v@-example.org",
    "v@example-.org",
    "v@example.o",
    "v@example.123",
    "v@1.2.3.4",
    "v@[127.0.0.1]",
    "v@0x7f.1",
    "v@exa%41mple.org",
    "v@example.org:25",
    "v@example.org/x",
    "v@xn--zz.de",
    ".v@example.org",
    "v.@example.org",
    "v..w@example.org",
    `${"a".repeat(65)}@example.org`,
    `${"ä".repeat(33)}@example.org`,
    `v@${"a".repeat(64)}.org`,
    `v@${"abcdefghi.".repeat(25)}org`,
  ])("refuses %j", (input) => {
    expect(canonicalEmail(input)).toBeNull();
  });

  it("keeps a local part of 64 bytes and a whole address of 254", () => {
    expect(canonicalEmail(`${"a".repeat(64)}@example.org`)).not.toBeNull();
    const domain = `${"abcdefghi.".repeat(24)}example.org`; // 251 characters
    expect(canonicalEmail(`ab@${domain}`)).toHaveLength(254);
    expect(canonicalEmail(`abc@${domain}`)).toBeNull();
  });

  it("gives its own answer back unchanged (one form, whichever variant came in)", () => {
    for (const input of ["User@Example.ORG", "JÖRG@BÜCHER.DE", "info@ｅｘａｍｐｌｅ.org"]) {
      const canonical = canonicalEmail(input)!;
      expect(canonicalEmail(canonical)).toBe(canonical);
    }
  });
});

describe("one-line and multi-line text", () => {
  it.each([
    ["Erika Müller", true, true],
    ["Ayşe Yılmaz", true, true],
    ["محمد علي", true, true],
    ["Erika\u200fMüller (RLM)", true, true],
    ["Erika\nBcc: x@evil.example", false, true],
    ["Erika\r", false, false],
    ["Erika\tMüller", false, false],
    ["Erika\u0000", false, false],
    ["Erika\u001b[31m", false, false],
    ["Erika\u007f", false, false],
    ["Erika\u0085", false, false],
    ["Erika\u2028Müller", false, false],
    ["Erika\u2029Müller", false, false],
    ["\u202eallirE", false, false],
    ["Erika\u202a", false, false],
    ["Erika\u2066x\u2069", false, false],
    ["Erika 😀 (a pair of surrogates is one character)", true, true],
    ["\ud800Erika (a lone high surrogate)", false, false],
    ["Erika\udfff (a lone low surrogate)", false, false],
  ])("%j: one line %s, multi-line %s", (text, single, multi) => {
    expect(isSingleLine(text)).toBe(single);
    expect(isMultiLine(text)).toBe(multi);
  });

  it("turns CRLF and lone CR into LF", () => {
    expect(normalizeNewlines("a\r\nb\rc\nd\r\n\r\ne")).toBe("a\nb\nc\nd\n\ne");
    expect(isMultiLine(normalizeNewlines("Zeile 1\r\nZeile 2\rZeile 3"))).toBe(true);
  });
});

describe("isDayInRange", () => {
  it.each([
    ["2000-01-01", true],
    ["2026-11-30", true],
    ["2100-12-31", true],
    ["2026-11-30T13:00:00+01:00", true],
    ["1999-12-31", false],
    ["0000-02-27", false],
    ["0099-12-31", false],
    ["2101-01-01", false],
    ["9999-12-31T23:30:00-01:00", false],
  ])("%s → %s", (value, inRange) => {
    expect(isDayInRange(value)).toBe(inRange);
  });
});

describe("what the pages send: text cleaned of what nobody can see", () => {
  it.each([
    ["\u2068Ayşe Yılmaz\u2069", "Ayşe Yılmaz"],
    [" Ayşe\tYılmaz ", "Ayşe Yılmaz"],
    ["Erika\r\nBcc: x@evil.example", "Erika Bcc: x@evil.example"],
    ["\u202eallirE\u0000", "allirE"],
    ["محمد\u200f علي", "محمد\u200f علي"],
    ["Erika\ud800", "Erika"],
  ])("one line: %j → %j, which the API takes", (typed, sent) => {
    expect(cleanLine(typed)).toBe(sent);
    expect(isSingleLine(cleanLine(typed))).toBe(true);
  });

  it.each([
    ["Zeile 1\r\nZeile 2\rZeile 3", "Zeile 1\nZeile 2\nZeile 3"],
    ["Lebenslauf\tanbei\u2028Danke", "Lebenslauf anbei\nDanke"],
    ["\n Hallo\u0000 \u202eWelt \n", "Hallo Welt"],
  ])("multi-line: %j → %j, which the API takes", (typed, sent) => {
    expect(cleanText(typed)).toBe(sent);
    expect(isMultiLine(cleanText(typed))).toBe(true);
  });
});
