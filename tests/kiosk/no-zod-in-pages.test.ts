import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/*
 * The front ends take only types from the zod schemas: a value imported from schemas/*.ts (other than
 * the zod-free limits.ts and field-rules.ts) pulls the whole validator into the page (it once added 24 KB
 * gzip to every page that follows live updates).
 */

const ZOD_FREE = ["limits", "field-rules"];

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
      [...readFileSync(file, "utf8").matchAll(/^import\s+(?!type\b)[^;]*?from\s+"((?:\.\.\/)+schemas\/([\w-]+))"/gms)]
        .filter((m) => !ZOD_FREE.includes(m[2]!))
        .map((m) => `${path.relative(kiosk, file)} → ${m[1]}`),
    );
    expect(offenders).toEqual([]);
  });

  it("the modules pages may import values from import nothing themselves", () => {
    const schemas = fileURLToPath(new URL("../../schemas", import.meta.url));
    for (const name of ZOD_FREE) expect(readFileSync(path.join(schemas, `${name}.ts`), "utf8")).not.toMatch(/^import\s/m);
  });

  it("finds such an import when there is one (the check itself works)", () => {
    const sample = 'import { LIVE_CLOSE_CROWDED, type LiveChange } from "../../schemas/live";';
    expect([...sample.matchAll(/^import\s+(?!type\b)[^;]*?from\s+"((?:\.\.\/)+schemas\/([\w-]+))"/gms)]).toHaveLength(1);
  });
});
