/*
 * What each surface costs before it can show anything: its HTML plus every script, module preload and
 * stylesheet that HTML references, each gzip-compressed (level 9), summed. Chunks a page fetches later
 * (`import()` of a dialog, an admin section, the QR encoder) are not part of it. Used by the budget test
 * (tests/kiosk/page-weight.test.ts, on dist/client) and the bench (bench/pages.ts, over HTTP).
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = fileURLToPath(new URL("..", import.meta.url));

/** The surfaces with a budget: their URL and the built HTML file that URL serves. */
export const SURFACES = {
  booking: { url: "/", html: "index.html" },
  manage: { url: "/manage", html: "manage/index.html" },
  status: { url: "/status", html: "status/index.html" },
  display: { url: "/display", html: "display/index.html" },
  kiosk: { url: "/kiosk", html: "kiosk/index.html" },
  staff: { url: "/staff", html: "staff/index.html" },
} as const;

export type Surface = keyof typeof SURFACES;

/**
 * First-load budgets in KB (1 KB = 1024 bytes) of gzip, from issue 14. A change that passes one fails
 * tests/kiosk/page-weight.test.ts: load what the first paint does not need with `import()` (README,
 * "Page weight"), or raise the budget on purpose, with a reason, in the same change.
 */
export const BUDGETS_KB: Readonly<Record<Surface, number>> = {
  booking: 30,
  manage: 30,
  status: 22,
  display: 18,
  kiosk: 40,
  staff: 55,
};

export interface LoadedFile {
  /** `index.html` for the page itself, else the URL path the HTML names. */
  file: string;
  raw: number;
  gzip: number;
}

/** The scripts, module preloads and stylesheets an HTML page references, each once, in order. */
export function referencedAssets(html: string): string[] {
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"/g)].map((m) => m[1]!);
  return [...new Set(refs.filter((ref) => /\.(m?js|css)$/.test(ref)))];
}

/** The files of a page's first load with their sizes; `read` fetches a path (`index.html` first, then each reference). */
export async function firstLoad(html: Buffer, read: (ref: string) => Promise<Buffer>): Promise<LoadedFile[]> {
  const files = [{ file: "index.html", body: html }];
  for (const ref of referencedAssets(html.toString("utf8"))) files.push({ file: ref, body: await read(ref) });
  return files.map(({ file, body }) => ({ file, raw: body.length, gzip: gzipSync(body, { level: 9 }).length }));
}

export const totalGzip = (files: readonly LoadedFile[]) => files.reduce((sum, f) => sum + f.gzip, 0);

export const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/*
 * Which build the files in dist/client come from. The Vite config's `recordBuildInputs` plugin writes
 * BUILD_INPUTS after every client build: each of our source files that went into it (node_modules stand
 * in through package-lock.json) with its SHA-256. The budget test compares them with the files as they
 * are now, so it never passes on an old build.
 */
export const BUILD_INPUTS = path.join(root, "dist/client-inputs.json");

export const sha256 = (body: Buffer | string) => createHash("sha256").update(body).digest("hex");

/** Why dist/client does not show the sources as they are, or null when it does. */
export function staleBuild(): string | null {
  if (!existsSync(path.join(root, "dist/client/index.html")) || !existsSync(BUILD_INPUTS)) {
    return "There is no client build in dist/: run `npx vite build` first (`npm test` builds before the unit tests).";
  }
  const inputs = JSON.parse(readFileSync(BUILD_INPUTS, "utf8")) as Record<string, string>;
  const changed = Object.entries(inputs)
    .filter(([file, hash]) => {
      const full = path.join(root, file);
      return !existsSync(full) || sha256(readFileSync(full)) !== hash;
    })
    .map(([file]) => file);
  if (changed.length === 0) return null;
  const list = changed.slice(0, 5).join(", ") + (changed.length > 5 ? ` and ${changed.length - 5} more` : "");
  return `dist/client is older than the sources (${list} changed since the build): run \`npx vite build\` again.`;
}
