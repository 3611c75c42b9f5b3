import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/*
 * The front ends take only types from the zod schemas: a value imported from schemas/*.ts pulls the whole
 * validator into the page (it once added 24 KB gzip to every page that follows live updates). Plain values
 * that pages share with the Worker live in common/.
 */

const kiosk = fileURLToPath(new URL("../../kiosk", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("front-end bundles stay free of zod", () => {
  it("no page source imports a value from a zod schema module", () => {
    const offenders = sources(kiosk).flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/^import\s+(?!type\b)[^;]*?from\s+"((?:\.\.\/)+schemas\/[\w-]+)"/gms)].map(
        (m) => `${path.relative(kiosk, file)} → ${m[1]}`,
      ),
    );
    expect(offenders).toEqual([]);
  });

  it("finds such an import when there is one (the check itself works)", () => {
    const sample = 'import { LIVE_CLOSE_CROWDED, type LiveChange } from "../../schemas/live";';
    expect([...sample.matchAll(/^import\s+(?!type\b)[^;]*?from\s+"((?:\.\.\/)+schemas\/[\w-]+)"/gms)]).toHaveLength(1);
  });
});
