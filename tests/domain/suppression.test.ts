import { describe, expect, it } from "vitest";
import { CellTable, suppress, type CellKind, type Mark } from "../../worker/domain/suppression";

/*
 * Secondary suppression on small tables written out by hand: which cells a reader could work out by
 * adding and subtracting what is shown, and which cells get withheld so that no "< 3" can be.
 * A cell's name says its kind: upper case a published total, `_` prefix a rest that is never shown,
 * anything else a breakdown cell.
 */

interface Case {
  name: string;
  cells: Record<string, number>;
  sums: [string, string[]][];
  /** The marks that are not "shown". */
  expected: Record<string, Mark>;
}

const kindOf = (name: string): CellKind => (name.startsWith("_") ? "rest" : /^[A-Z]/.test(name) ? "total" : "cell");

function marks(c: Case): Record<string, Mark> {
  const table = new CellTable();
  const ids = Object.fromEntries(Object.entries(c.cells).map(([name, v]) => [name, table.add(kindOf(name), v)]));
  for (const [whole, parts] of c.sums) table.sum(ids[whole]!, parts.map((p) => ids[p]!));
  const result = suppress(table);
  return Object.fromEntries(Object.keys(c.cells).flatMap((name) => (result[ids[name]!] === "shown" ? [] : [[name, result[ids[name]!]!]])));
}

const cases: Case[] = [
  {
    name: "nothing small: all shown",
    cells: { T: 12, a: 0, b: 3, c: 9 },
    sums: [["T", ["a", "b", "c"]]],
    expected: {},
  },
  {
    // The reviewer's case: booked by kiosk 1, the total minus online and phone gave it away.
    name: "one channel small: the smallest other non-zero channel is withheld",
    cells: { T: 10, online: 5, phone: 4, kiosk: 1 },
    sums: [["T", ["online", "phone", "kiosk"]]],
    expected: { kiosk: "small", phone: "withheld" },
  },
  {
    name: "two small cells that can only be 1 and 1: a third one is withheld",
    cells: { T: 12, a: 1, b: 1, c: 10 },
    sums: [["T", ["a", "b", "c"]]],
    expected: { a: "small", b: "small", c: "withheld" },
  },
  {
    // Withholding the 3 would pin the 1 ("geheim" is at least 3, so 9 − 5 = 4 = 1 + 3); the 5 is withheld
    // next, and then the 3 can be shown again: 9 − 3 = 6 = the "< 3" + at least 3.
    name: "a withheld cell is at least 3: the smallest that protects is withheld",
    cells: { T: 9, a: 1, b: 3, c: 5 },
    sums: [["T", ["a", "b", "c"]]],
    expected: { a: "small", c: "withheld" },
  },
  {
    // The reviewer's case "coaching = total − firmen", one level up as well: audiences sum their topics.
    name: "a small topic and its audience: the other audience and a topic in it are withheld",
    cells: { T: 20, residents: 2, businesses: 18, coaching: 2, firmen: 10, netz: 8 },
    sums: [
      ["T", ["coaching", "firmen", "netz"]],
      ["T", ["residents", "businesses"]],
      ["residents", ["coaching"]],
      ["businesses", ["firmen", "netz"]],
    ],
    expected: { residents: "small", coaching: "small", businesses: "withheld", netz: "withheld" },
  },
  {
    name: "a rest nobody sees protects: open appointments unknown",
    cells: { booked: 10, attended: 8, noShow: 1, _open: 1 },
    sums: [["booked", ["attended", "noShow", "_open"]]],
    expected: { noShow: "small" },
  },
  {
    // 10 − 9 leaves 1 for the "< 3" and the open ones, which are at least 0: the 1 is pinned.
    name: "a rest gives no cover where the shown cells leave just 1",
    cells: { booked: 10, attended: 9, noShow: 1, _open: 0 },
    sums: [["booked", ["attended", "noShow", "_open"]]],
    expected: { noShow: "small", attended: "withheld" },
  },
  {
    // The rests of the channels add up to the period's (exact) rest: 0 open in all, so each row's is 0.
    name: "a rest that other sums pin does not protect",
    cells: { BOOKED: 20, ATTENDED: 17, NOSHOW: 3, OPEN: 0, b1: 10, a1: 9, n1: 1, _o1: 0, b2: 10, a2: 8, n2: 2, _o2: 0 },
    sums: [
      ["b1", ["a1", "n1", "_o1"]],
      ["b2", ["a2", "n2", "_o2"]],
      ["BOOKED", ["b1", "b2"]],
      ["ATTENDED", ["a1", "a2"]],
      ["NOSHOW", ["n1", "n2"]],
      ["OPEN", ["_o1", "_o2"]],
    ],
    expected: { n1: "small", n2: "small", a1: "withheld", a2: "withheld" },
  },
  {
    // The period's exact total says it: 2 bookings, both online. Nothing to withhold makes it unknown.
    name: "a small cell that the exact total gives away stays '< 3'",
    cells: { T: 2, online: 2, phone: 0, kiosk: 0 },
    sums: [["T", ["online", "phone", "kiosk"]]],
    expected: { online: "small" },
  },
  {
    // booked ≥ attended + no-show ≥ 2: the row itself says 2, 1 and 1. Withholding the other row's 8
    // would not change that, so it stays shown.
    name: "a row whose outcomes force its count stays '< 3', and nothing is withheld in vain",
    cells: { T: 10, b1: 2, a1: 1, n1: 1, _o1: 0, b2: 8 },
    sums: [
      ["b1", ["a1", "n1", "_o1"]],
      ["T", ["b1", "b2"]],
    ],
    expected: { b1: "small", a1: "small", n1: "small" },
  },
];

describe("secondary suppression", () => {
  it.each(cases)("$name", (c) => {
    expect(marks(c)).toEqual(c.expected);
  });
});
