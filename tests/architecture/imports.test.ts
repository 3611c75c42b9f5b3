import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseAst } from "vite";
import { describe, expect, it } from "vitest";

/*
 * The map of the code, as rules that fail the tests when an import crosses a line: no import cycle
 * (type imports count: they tie modules together just the same), no route module importing another,
 * the data layer and the pure domain knowing nothing of HTTP, the app's wiring imported by its entry
 * point alone, surfaces sharing through kiosk/shared/ only, and the pages taking nothing from worker/:
 * what the Worker and the pages both run lives in common/. The imports are read with the TypeScript
 * parser Vite ships (oxc, through `parseAst`), so `import type` and `import("…")` are seen as well.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const FOLDERS = ["worker", "kiosk", "schemas", "common", "scripts", "bench"];
const EXTENSIONS = [".ts", ".tsx"];

/** Every TypeScript source file under the folders, as a path relative to the repository. */
function sources(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(path.join(root, dir))) {
      const rel = `${dir}/${name}`;
      if (statSync(path.join(root, rel)).isDirectory()) walk(rel);
      else if (EXTENSIONS.some((ext) => name.endsWith(ext)) && !name.endsWith(".d.ts")) files.push(rel);
    }
  };
  for (const folder of FOLDERS) if (existsSync(path.join(root, folder))) walk(folder);
  return files.sort();
}

/** The module specifiers a file names: static, type-only, re-exports, `import()` and `typeof import()`. */
function specifiers(file: string): string[] {
  const ast = parseAst(readFileSync(path.join(root, file), "utf8"), { lang: file.endsWith(".tsx") ? "tsx" : "ts" }, file);
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    const n = node as { type?: string; source?: { value?: unknown } };
    if (
      (n.type === "ImportDeclaration" || n.type === "ExportAllDeclaration" || n.type === "ExportNamedDeclaration" ||
        n.type === "ImportExpression" || n.type === "TSImportType") &&
      typeof n.source?.value === "string"
    ) {
      found.push(n.source.value);
    }
    for (const value of Object.values(node)) if (value && typeof value === "object") visit(value);
  };
  visit(ast);
  return found;
}

/** A relative specifier resolved to a source file of the repository; null for packages and other files. */
function resolve(from: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null;
  const written = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  // TypeScript also resolves `./x.js` to `./x.ts`.
  const base = written.replace(/\.js$/, "");
  const candidates = [written, ...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => `${base}/index${ext}`)];
  return candidates.find((candidate) => EXTENSIONS.some((ext) => candidate.endsWith(ext)) && existsSync(path.join(root, candidate))) ?? null;
}

const files = sources();
const graph = new Map(files.map((file) => [file, [...new Set(specifiers(file).map((s) => resolve(file, s)).filter((f) => f !== null))]]));
const packagesOf = new Map(files.map((file) => [file, specifiers(file).filter((s) => !s.startsWith("."))]));

/** Every import from a file matching `from` to one matching `to`, as "a → b". */
function edges(from: RegExp, to: RegExp): string[] {
  return [...graph].flatMap(([file, targets]) => (from.test(file) ? targets.filter((t) => to.test(t)).map((t) => `${file} → ${t}`) : []));
}

/** The import cycles: each strongly connected group of files, found with Tarjan's algorithm. */
function cycles(): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const connect = (file: string): void => {
    indices.set(file, index);
    low.set(file, index++);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!indices.has(next)) {
        connect(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, indices.get(next)!));
      }
    }
    if (low.get(file) === indices.get(file)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== file);
      if (group.length > 1 || graph.get(file)!.includes(file)) groups.push(group.sort());
    }
  };
  for (const file of files) if (!indices.has(file)) connect(file);
  return groups;
}

/** The surface a page file belongs to: its first folder under kiosk/ (`kiosk/staff/admin/x.ts` → staff). */
const surfaceOf = (file: string) => /^kiosk\/([^/]+)\//.exec(file)?.[1] ?? null;

describe("the map of the code", () => {
  it("reads the sources it checks", () => {
    // A parser or path mistake would let every rule below pass on nothing.
    expect(files.length).toBeGreaterThan(150);
    expect(graph.get("worker/index.ts")!.length).toBeGreaterThan(2);
  });

  it("has no import cycle, type imports included", () => {
    expect(cycles()).toEqual([]);
  });

  it("has no route module importing another route module", () => {
    expect(edges(/^worker\/routes\//, /^worker\/routes\//)).toEqual([]);
  });

  it("keeps HTTP out of the data layer, the domain and the services", () => {
    expect(edges(/^worker\/(db|domain|services|mail)\//, /^worker\/(routes\/|app\.ts$|index\.ts$)/)).toEqual([]);
  });

  it("keeps the pure domain and common/ free of I/O: no data layer, mail, live hub or routes", () => {
    expect(edges(/^(worker\/domain|common)\//, /^worker\/(db|mail|live|routes|auth|services)\//)).toEqual([]);
  });

  it("imports the module that wires the app from its entry point only", () => {
    expect(edges(/./, /^worker\/app\.ts$/)).toEqual(["worker/index.ts → worker/app.ts"]);
  });

  it("lets the pages import nothing from worker/: what both run lives in common/", () => {
    expect(edges(/^kiosk\//, /^worker\//)).toEqual([]);
  });

  it("keeps common/ a leaf that the Worker and the pages can both run: no worker/, kiosk/ or zod", () => {
    expect(edges(/^common\//, /^(worker|kiosk|schemas|scripts)\//)).toEqual([]);
    expect([...packagesOf].filter(([file, packages]) => file.startsWith("common/") && packages.length > 0)).toEqual([]);
  });

  it("lets a surface import only its own folder and kiosk/shared/", () => {
    const crossing = [...graph].flatMap(([file, targets]) => {
      const surface = surfaceOf(file);
      if (!surface || surface === "shared") return [];
      return targets.filter((t) => surfaceOf(t) !== null && surfaceOf(t) !== surface && surfaceOf(t) !== "shared").map((t) => `${file} → ${t}`);
    });
    expect(crossing).toEqual([]);
    // kiosk/shared/ serves every surface and so depends on none of them.
    expect(edges(/^kiosk\/shared\//, /^kiosk\/(?!shared\/)[^/]+\//)).toEqual([]);
  });
});
