import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/*
 * Text keeps its contrast while it moves: an animation on the pages may grow, pulse or appear, but never
 * fades (opacity between full and none is text with too little contrast, WCAG 1.4.3, for as long as it
 * lasts; axe measures it when it runs in the middle). Something that goes, goes at once (visibility).
 */

/** Every stylesheet of the pages, by its path (read from disk: vitest hands CSS imports over empty). */
const sheets: Record<string, string> = Object.fromEntries(
  readdirSync("kiosk", { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".css"))
    .map((file) => [join("kiosk", file), readFileSync(join("kiosk", file), "utf8")]),
);

/** Every `@keyframes` block of a stylesheet: its name and body. */
function keyframes(css: string): { name: string; body: string }[] {
  const found: { name: string; body: string }[] = [];
  for (const match of css.matchAll(/@(?:-webkit-)?keyframes\s+([\w-]+)\s*\{/g)) {
    let depth = 1;
    let i = match.index + match[0].length;
    while (depth > 0 && i < css.length) depth += css[i] === "{" ? 1 : css[i] === "}" ? -1 : 0, i++;
    found.push({ name: match[1]!, body: css.slice(match.index + match[0].length, i - 1) });
  }
  return found;
}

/** The animations of a stylesheet that change opacity (a fade), by name. */
function fades(css: string): string[] {
  return keyframes(css)
    .filter((k) => /\bopacity\s*:|\bfilter\s*:[^;}]*opacity\(/.test(k.body))
    .map((k) => k.name);
}

describe("the pages' animations", () => {
  it("finds the stylesheets and their animations", () => {
    expect(Object.keys(sheets).length).toBeGreaterThan(5);
    expect(Object.values(sheets).flatMap(keyframes).map((k) => k.name)).toContain("announcer-gone");
  });

  for (const [file, css] of Object.entries(sheets)) {
    it(`${file}: no animation fades text`, () => {
      expect(fades(css)).toEqual([]);
      // A transition of opacity fades just the same.
      expect(css).not.toMatch(/transition[^;}]*\b(opacity|all)\b/);
    });
  }

  it("the check catches a fade, and lets growing and going at once pass", () => {
    const css = `@keyframes out { 0%, 85% { opacity: 1; } 100% { opacity: 0; } }
      @keyframes dim { to { filter: opacity(0.5); } }
      @keyframes grow { from { transform: scale(0.9); } }
      @keyframes gone { to { visibility: hidden; } }`;
    expect(fades(css)).toEqual(["out", "dim"]);
  });
});
