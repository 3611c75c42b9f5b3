import { describe, expect, it } from "vitest";
import { COMMON_DOMAINS, suggestEmail } from "../../common/email-typo";

/* "Meinten Sie …?" on the booking page: what is suggested, and above all what is left alone. */

describe("suggestEmail suggests", () => {
  it.each([
    ["name@gmail.con", "name@gmail.com"],
    ["name@gmail.cmo", "name@gmail.com"],
    ["name@gmail.comm", "name@gmail.com"],
    ["name@gmial.com", "name@gmail.com"],
    ["name@gmai.com", "name@gmail.com"],
    ["name@googlemial.com", "name@googlemail.com"],
    ["name@web.de.de", "name@web.de"],
    ["name@wbe.de", "name@web.de"],
    ["name@gmx.dee", "name@gmx.de"],
    ["name@t-onlien.de", "name@t-online.de"],
    ["name@tonline.de", "name@t-online.de"],
    ["name@hotmial.com", "name@hotmail.com"],
    ["name@outlok.com", "name@outlook.com"],
    ["name@yahooo.de", "name@yahoo.de"],
    ["name@icloud.con", "name@icloud.com"],
    ["name@mail.ry", "name@mail.ru"],
    ["name@yandex.rru", "name@yandex.ru"],
    ["name@ukr.nett", "name@ukr.net"],
    // An ending slip on a domain of its own: the ending is corrected, the name kept.
    ["info@beratung-kempten.con", "info@beratung-kempten.com"],
    // The local part stays as typed (case too); the domain is compared without case.
    ["Erika.Mueller@GMAIL.CON", "Erika.Mueller@gmail.com"],
    ["  name@gmail.con  ", "name@gmail.com"],
  ])("%s → %s", (typed, meant) => {
    expect(suggestEmail(typed)).toBe(meant);
  });
});

describe("suggestEmail leaves alone", () => {
  it.each([
    ...COMMON_DOMAINS.map((d) => `name@${d}`),
    // Real domains near common ones.
    "name@mail.de",
    "name@gmx.ch",
    "name@example.org",
    "name@stadt-kempten.de",
    "name@uni-augsburg.de",
    "name@company.co",
    // Not an address (yet): the field's own check speaks, not the suggestion.
    "",
    "name",
    "name@",
    "@gmail.con",
    "name@gmail",
  ])("%s", (typed) => {
    expect(suggestEmail(typed)).toBeNull();
  });
});
