import { describe, expect, it } from "vitest";
import { QUIET_ZONE, qrMatrix, qrPath, qrTableHtml, runsOf } from "../../kiosk/shared/qr";

/*
 * The QR wrapper: sizes, the fixed patterns every scanner looks for, the format information (error
 * correction level M, checked with its own BCH code rather than trusting the library), determinism, and
 * that the SVG path and the mail table draw exactly the matrix.
 */

type Matrix = boolean[][];

/** The 7×7 finder pattern: a dark ring, a light ring, a dark 3×3 core. */
function isFinder(m: Matrix, top: number, left: number): boolean {
  for (let r = 0; r < 7; r++) {
    for (let c = 0; c < 7; c++) {
      const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
      if (m[top + r]![left + c] !== (ring !== 2)) return false;
    }
  }
  return true;
}

/**
 * The 15 format bits next to the top-left finder (ISO/IEC 18004, 7.9), unmasked, with a check that
 * they are a valid BCH(15,5) code word: returns the error correction level and the mask.
 */
function formatInfo(m: Matrix): { level: "L" | "M" | "Q" | "H"; mask: number } {
  const cells: [number, number][] = [
    [8, 0], [8, 1], [8, 2], [8, 3], [8, 4], [8, 5], [8, 7], [8, 8], [7, 8], [5, 8], [4, 8], [3, 8], [2, 8], [1, 8], [0, 8],
  ];
  // Bit 14 first (most significant) is at (8,0) in this reading order.
  let word = 0;
  for (const [r, c] of cells) word = (word << 1) | (m[r]![c] ? 1 : 0);
  word ^= 0b101010000010010;
  let rem = word;
  for (let bit = 14; bit >= 10; bit--) if (rem & (1 << bit)) rem ^= 0b10100110111 << (bit - 10);
  expect(rem, "format bits fail their BCH check").toBe(0);
  const data = word >> 10;
  const level = (["M", "L", "H", "Q"] as const)[data >> 3]!;
  return { level, mask: data & 0b111 };
}

describe("qrMatrix", () => {
  it.each([
    ["DJRJM4", 21, "a check-in code fits version 1"],
    ["K7M2Q", 21, "a five-letter code too"],
    [`https://termine.example.org/status#${"x".repeat(43)}`, 37, "a status link with its 256-bit token: version 5"],
  ])("%s is %i modules square (%s)", (text, size) => {
    const m = qrMatrix(text);
    expect(m).toHaveLength(size);
    for (const row of m) expect(row).toHaveLength(size);
  });

  it("has the three finder patterns, their light separators and the timing patterns", () => {
    const m = qrMatrix("DJRJM4");
    const n = m.length;
    expect(isFinder(m, 0, 0)).toBe(true);
    expect(isFinder(m, 0, n - 7)).toBe(true);
    expect(isFinder(m, n - 7, 0)).toBe(true);
    expect(isFinder(m, n - 7, n - 7)).toBe(false);
    for (let i = 0; i < 8; i++) {
      expect(m[7]![i]).toBe(false);
      expect(m[i]![7]).toBe(false);
      expect(m[7]![n - 1 - i]).toBe(false);
      expect(m[n - 8]![i]).toBe(false);
    }
    for (let i = 8; i < n - 8; i++) {
      expect(m[6]![i]).toBe(i % 2 === 0);
      expect(m[i]![6]).toBe(i % 2 === 0);
    }
    // The dark module beside the bottom-left finder, always there.
    expect(m[n - 8]![8]).toBe(true);
  });

  it("uses error correction level M, in a valid format word", () => {
    for (const text of ["DJRJM4", "ACDEFG", `https://termine.example.org/status#${"y".repeat(43)}`]) {
      expect(formatInfo(qrMatrix(text)).level).toBe("M");
    }
  });

  it("gives the same matrix for the same text, and another for another text", () => {
    expect(qrMatrix("DJRJM4")).toEqual(qrMatrix("DJRJM4"));
    expect(qrMatrix("DJRJM4")).not.toEqual(qrMatrix("DJRJM3"));
  });

  it("encodes text beyond ASCII as UTF-8 instead of cutting it to Latin-1", () => {
    // "ü" is 2 bytes in UTF-8: 14 of them fill version 1-M exactly, one more needs version 2.
    expect(qrMatrix("ü".repeat(7))).toHaveLength(21);
    expect(qrMatrix("ü".repeat(8))).toHaveLength(25);
  });
});

describe("runsOf", () => {
  it("merges neighbours of one colour", () => {
    expect(runsOf([true, true, false, true, false, false, false])).toEqual([
      [true, 2],
      [false, 1],
      [true, 1],
      [false, 3],
    ]);
    expect(runsOf([])).toEqual([]);
  });
});

describe("qrPath: the SVG of the pages", () => {
  it("draws exactly the dark modules, shifted by the quiet zone", () => {
    const m = qrMatrix("DJRJM4");
    const { size, d } = qrPath(m);
    expect(size).toBe(21 + 2 * QUIET_ZONE);
    const drawn = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
    for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
      for (let i = 0; i < Number(w); i++) drawn[Number(y)]![Number(x) + i] = true;
    }
    expect(d.replace(/M(\d+) (\d+)h(\d+)v1h-\3z/g, "")).toBe("");
    const inner = drawn.slice(QUIET_ZONE, size - QUIET_ZONE).map((row) => row.slice(QUIET_ZONE, size - QUIET_ZONE));
    expect(inner).toEqual(m);
    expect(drawn.slice(0, QUIET_ZONE).flat().some(Boolean)).toBe(false);
  });
});

describe("qrTableHtml: the mail's table", () => {
  /** The table's rows back as modules: each cell is `colspan` modules, dark when it has a bgcolor. */
  function readTable(html: string): Matrix {
    const inner = html.slice(html.indexOf('role="img"'));
    return [...inner.matchAll(/<tr>(.*?)<\/tr>/g)].map(([, row]) =>
      [...row!.matchAll(/<td([^>]*)><\/td>/g)].flatMap(([, attrs]) => {
        const span = Number(/colspan="(\d+)"/.exec(attrs!)?.[1] ?? 1);
        return Array<boolean>(span).fill(/bgcolor="#000000"/.test(attrs!));
      }),
    );
  }

  it("reads back as the same matrix", () => {
    const html = qrTableHtml("DJRJM4", { label: "QR" });
    expect(readTable(html)).toEqual(qrMatrix("DJRJM4"));
  });

  it("gives every cell its width in pixels and every row its height, with the quiet zone as padding", () => {
    const html = qrTableHtml("DJRJM4", { label: "QR", moduleSize: 5 });
    expect(html).toContain('width="105"');
    expect(html).toContain("padding:20px");
    for (const [, span, width] of html.matchAll(/<td colspan="(\d+)" width="(\d+)"/g)) expect(Number(width)).toBe(Number(span) * 5);
    for (const [, row] of html.matchAll(/<tr>(<td[^>]*>)/g)) if (!row!.includes("padding")) expect(row).toContain('height="5"');
  });

  it("escapes its label and stays small enough for a mail", () => {
    const html = qrTableHtml("DJRJM4", { label: `Code "DJRJM4" <b>` });
    expect(html).toContain('aria-label="Code &quot;DJRJM4&quot; &lt;b&gt;"');
    expect(html.length).toBeLessThan(12_000);
  });
});
