import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BUDGETS_KB, firstLoad, kb, referencedAssets, staleBuild, SURFACES, totalGzip, type Surface } from "../../scripts/page-weight.ts";

/*
 * Page weight (issue 14): each surface's first load (its HTML and every script, module preload and
 * stylesheet the HTML names, gzip -9) stays within its budget. It reads the production build in
 * dist/client, which `npm test` makes just before the unit tests (test:deploy); run alone, build first
 * (`npx vite build`). A build older than the sources fails the test instead of measuring the past.
 */

const client = fileURLToPath(new URL("../../dist/client", import.meta.url));
const read = async (ref: string) => readFileSync(path.join(client, ref));

describe("first-load budgets", () => {
  const stale = staleBuild();

  it("measures the build of the sources as they are", () => {
    expect(stale, stale ?? "").toBeNull();
  });

  for (const [surface, { html }] of Object.entries(SURFACES) as [Surface, (typeof SURFACES)[Surface]][]) {
    it.skipIf(stale !== null)(`${surface}: within ${BUDGETS_KB[surface]} KB gzip`, async () => {
      const files = await firstLoad(readFileSync(path.join(client, html)), read);
      // A page whose HTML names no script of its own would be light and broken.
      expect(files.some((f) => /\/assets\/.+\.js$/.test(f.file)), `${html} loads no script`).toBe(true);
      const total = totalGzip(files);
      const detail = files.map((f) => `${f.file} ${kb(f.gzip)} KB`).join(", ");
      expect(total, `${surface} loads ${kb(total)} KB gzip before its first paint: ${detail}`).toBeLessThanOrEqual(BUDGETS_KB[surface] * 1024);
    });
  }

  it("counts every script, module preload and stylesheet of a page, each once, and nothing else", () => {
    const html = `<link rel="icon" href="/favicon.svg"><script type="module" crossorigin src="/assets/a.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/b.js"><link rel="stylesheet" href="/assets/c.css">
      <link rel="modulepreload" href="/assets/b.js"><a href="/assets/d.js">not loaded</a>`;
    expect(referencedAssets(html)).toEqual(["/assets/a.js", "/assets/b.js", "/assets/c.css"]);
  });

  it("sums the gzip sizes of the page and what it references", async () => {
    const bodies: Record<string, Buffer> = { "/assets/a.js": Buffer.from("x".repeat(5000)) };
    const files = await firstLoad(Buffer.from('<script src="/assets/a.js"></script>'), async (ref) => bodies[ref]!);
    expect(files.map((f) => f.file)).toEqual(["index.html", "/assets/a.js"]);
    expect(files[1]!.raw).toBe(5000);
    expect(files[1]!.gzip).toBeLessThan(100);
    expect(totalGzip(files)).toBe(files[0]!.gzip + files[1]!.gzip);
  });
});
