import { describe, expect, it } from "vitest";
import { filledInMatchedBy, matchedBy, needsScan, normalName, normalPhone, personKeys, type PersonFields } from "../../worker/domain/person-match";

/*
 * How an admin's search text is read and matched against stored bookings: exact after normalising both
 * sides alike; names word by word in any order, the last word typed also by its start from three letters
 * on; phone numbers as a whole. A false
 * match would let an admin erase a stranger, so the "no" cases matter as much as the "yes" ones.
 */

describe("normalPhone", () => {
  it.each([
    ["0831 / 123-45", "083112345"],
    ["(0831) 12345", "083112345"],
    ["+49 831 12345", "083112345"],
    ["0049 831 12345", "083112345"],
    ["+49 (0) 831 12345", "083112345"],
    ["0172.2315911", "01722315911"],
    ["+43 1 234567", "00431234567"],
  ])("%j → %j", (input, digits) => {
    expect(normalPhone(input)).toBe(digits);
  });

  it("is null for text that is no phone number", () => {
    expect(normalPhone("0831 ext. 5")).toBeNull();
    expect(normalPhone("12+34")).toBeNull();
  });
});

describe("normalName", () => {
  it.each([
    ["  Ayşe   YILMAZ ", "ayse yilmaz"],
    ["Ayşe Yılmaz", "ayse yilmaz"],
    ["Jürgen Groß", "jurgen gross"],
    ["Juergen Gross", "jurgen gross"],
    ["Zoë Ødegaard", "zo odegaard"],
    ["Ｍüller", "muller"],
    ["Mueller", "muller"],
    ["Möller, Öztürk", "moller, ozturk"],
    ["Goethe", "gothe"],
    ["Łukasz\tWiśniewski", "lukasz wisniewski"],
  ])("%j → %j", (input, folded) => {
    expect(normalName(input)).toBe(folded);
  });
});

describe("personKeys", () => {
  it.each<[string, ReturnType<typeof personKeys>]>([
    [" Ayse@Example.ORG ", { email: "ayse@example.org", phone: null, name: null, code: null }],
    ["0831 / 123-45", { email: null, phone: "083112345", name: null, code: null }],
    ["Ayşe Yılmaz", { email: null, phone: null, name: "ayse yilmaz", code: null }],
    // Six letters or digits can be a code and a name alike: both are tried.
    ["acdefg", { email: null, phone: null, name: "acdefg", code: "ACDEFG" }],
    ["123456", { email: null, phone: "123456", name: null, code: "123456" }],
    ["1234", { email: null, phone: null, name: null, code: null }],
    // Initials only: no word to compare.
    ["J. K.", { email: null, phone: null, name: null, code: null }],
    ["not@an address", { email: null, phone: null, name: null, code: null }],
  ])("%j", (query, keys) => {
    expect(personKeys(query)).toEqual(keys);
  });

  it("reads only phone and name as needing a scan", () => {
    expect(needsScan(personKeys("a@example.org"))).toBe(false);
    expect(needsScan(personKeys("0831 12345"))).toBe(true);
    expect(needsScan(personKeys("Müller"))).toBe(true);
  });
});

describe("matchedBy", () => {
  const row: PersonFields = { name: "Ayşe Yılmaz", email: "ayse@example.org", phone: "+49 831 123-45", code: "ACDEFG" };

  it.each<[string, string[]]>([
    ["ayse@example.org", ["email"]],
    ["AYSE@example.org", ["email"]],
    ["0831 12345", ["phone"]],
    ["0049 831 12345", ["phone"]],
    ["ayse yilmaz", ["name"]],
    ["YILMAZ", ["name"]],
    ["yıl", ["name"]],
    ["ACDEFG", ["code"]],
    ["acdefg", ["code"]],
  ])("%j matches by %j", (query, keys) => {
    expect(matchedBy(personKeys(query), row)).toEqual(keys);
  });

  it.each([
    ["ays@example.org", "another address"],
    ["0831 1234", "a number missing a digit"],
    ["831 12345", "a number without its area code's 0"],
    ["ay", "two letters"],
    ["Ayşe Yılmaz-Demir", "a longer name"],
    ["ACDEFH", "another code"],
  ])("%j does not match (%s)", (query) => {
    expect(matchedBy(personKeys(query), row)).toEqual([]);
  });

  it("a two-letter name matches as the whole name", () => {
    expect(matchedBy(personKeys("Li"), { ...row, name: "LI" })).toEqual(["name"]);
  });

  describe("a German name written in any of its ways, its words in any order", () => {
    const stored = (name: string): PersonFields => ({ name, email: null, phone: null, code: "QQQQQQ" });
    const juergen = stored("Jürgen Müller-Groß");

    it.each([
      "Jürgen Müller-Groß",
      "Juergen Mueller-Gross",
      "jurgen muller-gross",
      "Müller Jürgen",
      "Müller-Groß, Jürgen",
      "Groß Müller Jürgen",
      "Mueller",
      "Muller",
      "Mül",
      "J. Müller",
      "Jürgen Gro",
      "Groß Jürg",
    ])("%j finds Jürgen Müller-Groß", (query) => {
      expect(matchedBy(personKeys(query), juergen)).toEqual(["name"]);
    });

    it.each(["Müller", "Mueller", "Muller"])("%j finds each of Müller, Mueller and Muller", (query) => {
      for (const name of ["Müller", "Mueller", "Muller"]) expect(matchedBy(personKeys(query), stored(name)), name).toEqual(["name"]);
    });

    it.each([
      ["Jürgen Meier", "a word the name does not have"],
      ["Mü", "two letters are a whole word, not a start"],
      ["ller", "the inside of a word, not its start"],
      ["Jürgen Müller-Groß-Weber", "a longer name"],
      ["Müllerin", "a longer word"],
      ["Gross Jürgen Schmidt", "all words must be there"],
      ["Jürg Gro", "only the last word typed may be a start"],
    ])("%j does not find Jürgen Müller-Groß (%s)", (query) => {
      expect(matchedBy(personKeys(query), juergen)).toEqual([]);
    });

    it("a full name typed is not found in a stranger whose words start alike", () => {
      expect(matchedBy(personKeys("Jan Berg"), stored("Jana Bergmann"))).toEqual([]);
      expect(matchedBy(personKeys("Jana Berg"), stored("Jana Bergmann"))).toEqual(["name"]);
    });

    it("ß and ss are one", () => {
      expect(matchedBy(personKeys("Strasse"), stored("Straße"))).toEqual(["name"]);
      expect(matchedBy(personKeys("Straße"), stored("Strasse"))).toEqual(["name"]);
    });
  });

  it("erased fields match nothing", () => {
    const erased: PersonFields = { name: null, email: null, phone: null, code: "~b1" };
    for (const q of ["ayse@example.org", "0831 12345", "Ayşe", "~b1"]) expect(matchedBy(personKeys(q), erased)).toEqual([]);
  });
});

describe("matchedBy with typos (the staff board's search)", () => {
  const stored = (name: string): PersonFields => ({ name, email: null, phone: null, code: "QQQQQQ" });
  const typos = { typos: true };

  it.each([
    ["Schmitt", "Ingrid Schmidt", "a letter changed"],
    ["Meyer", "Hans Meier", "a letter changed"],
    ["Schmdt", "Ingrid Schmidt", "a letter left out"],
    ["Schmiddt", "Ingrid Schmidt", "a letter added"],
    ["Schmdit", "Ingrid Schmidt", "two letters swapped"],
    ["Ingrdi Schmitt", "Ingrid Schmidt", "a typo in each word"],
    ["Yilmas", "Ayşe Yılmaz", "a typo after folding ı and ş"],
    ["Müler", "Jürgen Müller-Groß", "a letter of an umlaut word left out"],
  ])("%j finds %j (%s)", (query, name) => {
    expect(matchedBy(personKeys(query), stored(name), typos)).toEqual(["name"]);
    // The data subjects' search stays exact.
    expect(matchedBy(personKeys(query), stored(name))).toEqual([]);
  });

  it.each([
    ["Berg", "Ingrid Burg", "four letters: too short for a typo"],
    ["Schmitz", "Ingrid Schmidt", "two letters changed"],
    ["Schmidtke", "Ingrid Schmidt", "three letters more"],
    ["Ingrid Weber", "Ingrid Schmidt", "a word the name does not have"],
  ])("%j does not find %j (%s)", (query, name) => {
    expect(matchedBy(personKeys(query), stored(name), typos)).toEqual([]);
  });

  it("changes nothing for addresses, numbers and codes", () => {
    const row: PersonFields = { name: "Ayşe Yılmaz", email: "ayse@example.org", phone: "0831 12345", code: "ACDEFG" };
    for (const q of ["ayse@example.com", "0831 12346", "ACDEFH"]) expect(matchedBy(personKeys(q), row, typos)).toEqual([]);
  });
});

describe("filledInMatchedBy (what a person filled in on the accessibility feedback form)", () => {
  const fields = { name: "Jürgen Müller-Groß", contact: "Juergen.Mueller@Example.org, Tel. +49 (0)831 987-654" };

  it.each<[string, string[]]>([
    ["juergen.mueller@example.org", ["email"]],
    ["0831 987654", ["phone"]],
    ["0049 831 987654", ["phone"]],
    ["Mueller-Gross Juergen", ["name"]],
    ["Jürgen Müller", ["name"]],
    ["Jürgen Mül", ["name"]],
  ])("%j matches (%j)", (query, keys) => {
    expect(filledInMatchedBy(personKeys(query), fields)).toEqual(keys);
  });

  it.each([
    ["mueller@example.org", "a shorter address inside another"],
    ["juergen.mueller@example.org.uk", "a longer address"],
    ["0831 98765", "the front part of its number"],
    ["831 987654", "its number without the area code's 0"],
    ["31 987-654", "its end"],
    ["Jürgen Meier", "a name word it lacks"],
    ["Jürg Müller", "the start of a word that is not the last typed"],
  ])("%j does not (%s)", (query) => {
    expect(filledInMatchedBy(personKeys(query), fields)).toEqual([]);
  });

  it("matches a number only as a whole, never as the end of a stranger's longer number", () => {
    expect(filledInMatchedBy(personKeys("0831 23456"), { name: "Erika Huber", contact: "08083 123456" })).toEqual([]);
    expect(filledInMatchedBy(personKeys("0831 23456"), { name: null, contact: "Tel. 0831 23456 (abends)" })).toEqual(["phone"]);
    expect(filledInMatchedBy(personKeys("123456"), { name: null, contact: "08083 123456" })).toEqual([]);
  });

  it("finds a number followed by more digits: office hours or a second number", () => {
    expect(filledInMatchedBy(personKeys("0831 12345"), { name: null, contact: "0831 12345 (9-17 Uhr)" })).toEqual(["phone"]);
    for (const q of ["0831 12345", "08031 55555"]) {
      expect(filledInMatchedBy(personKeys(q), { name: null, contact: "Tel 0831 12345 08031 55555" })).toEqual(["phone"]);
    }
    expect(filledInMatchedBy(personKeys("0831 1234"), { name: null, contact: "0831 12345 (9-17 Uhr)" })).toEqual([]);
  });

  it("finds nothing in fields left empty", () => {
    for (const q of ["juergen.mueller@example.org", "0831 987654", "Jürgen"]) {
      expect(filledInMatchedBy(personKeys(q), { name: null, contact: null })).toEqual([]);
    }
  });
});
