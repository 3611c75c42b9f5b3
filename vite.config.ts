import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cloudflare } from "@cloudflare/vite-plugin";
import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";
import { BUILD_INPUTS, sha256 } from "./scripts/page-weight.ts";
import { SECURITY_HEADERS } from "./worker/security-headers.ts";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** One HTML entry per surface, each built on its own; each is served at the folder it sits in (`kiosk/staff/` → `/staff`). */
const SURFACES = {
  booking: here("kiosk/index.html"),
  kiosk: here("kiosk/kiosk/index.html"),
  staff: here("kiosk/staff/index.html"),
  display: here("kiosk/display/index.html"),
  manage: here("kiosk/manage/index.html"),
  status: here("kiosk/status/index.html"),
  notFound: here("kiosk/404.html"),
};

/** Writes the Worker's security headers into `_headers`, so static pages get exactly the same ones. */
function staticAssetHeaders(): Plugin {
  return {
    name: "sprechstunde:static-asset-headers",
    apply: "build",
    applyToEnvironment: (environment) => environment.name === "client",
    generateBundle() {
      const lines = Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
      this.emitFile({ type: "asset", fileName: "_headers", source: `/*\n${lines.join("\n")}\n` });
    },
  };
}

/**
 * Builds each surface as an app of its own: one client build per HTML entry, one after the other, all
 * into dist/client. A build of all six at once shares every module that two surfaces use in a chunk of
 * its own and keeps, in a module every surface imports, whatever any of them uses from it: each page
 * loaded 2–6 KB gzip that it never runs (scripts/page-weight.ts measures it). Apart, a page loads its
 * own code and what it uses, and fetches the rest with `import()` when shown. What nobody loses: the
 * surfaces are used on different devices (kiosk, display, the office's PCs) or one at a time.
 *
 * Afterwards it records which sources went in (scripts/page-weight.ts `staleBuild`), so the page-weight
 * test refuses to measure a build older than the code. Written beside dist/client, never into it: the
 * list of source files is nobody's business on the web. Collected and written by the client builds' own
 * hooks: Vite evaluates this config more than once (three times in `vite build`), and the instance
 * whose `buildApp` runs is not the one whose `generateBundle` sees the client's modules, so neither an
 * instance's nor this module's variables carry the list from one to the other.
 */
/*
 * Everything a page's first load needs in one chunk ("page"), beside its entry. Left to itself, Rollup
 * cuts the modules a lazily loaded part shares with the page into chunks of their own, one per set of
 * parts sharing them: each costs a request, its import lines and worse compression (0.6 KB gzip on the
 * status page once its live client became lazy). A lazily loaded part imports from this chunk, which is
 * loaded already. Only modules the entry reaches by static imports go in: nothing lazy joins the first load.
 */
function firstLoadChunk(id: string, { getModuleInfo }: { getModuleInfo: (id: string) => { isEntry: boolean; importers: readonly string[] } | null }): string | undefined {
  const seen = new Set<string>();
  const reachesEntry = (module: string): boolean => {
    if (seen.has(module)) return false;
    seen.add(module);
    const info = getModuleInfo(module);
    if (!info) return false;
    return info.isEntry || info.importers.some(reachesEntry);
  };
  return !id.endsWith(".html") && !getModuleInfo(id)?.isEntry && reachesEntry(id) ? "page" : undefined;
}

function buildEachSurfaceApart(surfaces: Record<string, string>): Plugin {
  const [first, ...rest] = Object.entries(surfaces);
  const last = Object.values(surfaces).at(-1)!;
  const ids = new Set<string>();
  const inputOf = (environment: { config: { build: { rollupOptions: { input?: unknown } } } }) =>
    Object.values(environment.config.build.rollupOptions.input as Record<string, string>);
  return {
    name: "sprechstunde:build-each-surface-apart",
    apply: "build",
    configEnvironment(name) {
      if (name === "client") return { build: { rollupOptions: { input: Object.fromEntries([first!]) } } };
    },
    generateBundle: {
      order: "post",
      handler(_options, bundle) {
        if (this.environment.name !== "client") return;
        const input = inputOf(this.environment);
        if (input.includes(first![1])) {
          // A new build: until its last surface is written, no list claims dist/client is up to date.
          ids.clear();
          rmSync(BUILD_INPUTS, { force: true });
        }
        for (const id of this.getModuleIds()) ids.add(id);
        // Vite's HTML plugin keeps the pages of the environment's earlier builds and emits them again,
        // without their scripts: only this build's page is written.
        const pages = new Set(input.map((html) => path.relative(here("kiosk"), html)));
        for (const [file, output] of Object.entries(bundle)) {
          if (output.type === "asset" && file.endsWith(".html") && !pages.has(file)) delete bundle[file];
        }
      },
    },
    writeBundle() {
      // After the last surface's build, in the instance that collected every build's modules.
      if (this.environment.name === "client" && inputOf(this.environment).includes(last)) writeBuildInputs(ids);
    },
    buildApp: {
      // After the Cloudflare plugin's own build of the Worker and the first surface.
      order: "post",
      async handler(builder) {
        const client = builder.environments.client!;
        client.config.build.emptyOutDir = false;
        for (const [name, html] of rest) {
          client.config.build.rollupOptions.input = { [name]: html };
          await builder.build(client);
        }
      },
    },
  };
}

function writeBuildInputs(ids: Iterable<string>): void {
  const root = here(".");
  const files = new Set(["package-lock.json", "vite.config.ts"]);
  for (const id of ids) {
    const file = id.split("?")[0]!;
    if (file.startsWith(root) && !file.includes("/node_modules/") && existsSync(file)) files.add(path.relative(root, file));
  }
  const inputs = Object.fromEntries([...files].sort().map((file) => [file, sha256(readFileSync(here(file)))]));
  writeFileSync(BUILD_INPUTS, `${JSON.stringify(inputs, null, 1)}\n`);
}

// SPRECHSTUNDE_STATE moves the local D1 (tests and benchmarks use their own); default: .wrangler/state.
const statePath = process.env.SPRECHSTUNDE_STATE ?? here(".wrangler/state");
const port = Number(process.env.PORT ?? 8787);

export default defineConfig({
  root: here("kiosk"),
  publicDir: here("kiosk/public"),
  plugins: [
    preact(),
    cloudflare({
      configPath: here("wrangler.toml"),
      persistState: { path: statePath },
    }),
    staticAssetHeaders(),
    buildEachSurfaceApart(SURFACES),
  ],
  environments: {
    client: {
      build: {
        outDir: here("dist/client"),
        emptyOutDir: true,
        // rollupOptions.input: one surface per build, set by buildEachSurfaceApart(SURFACES).
        // Every browser we serve knows <link rel="modulepreload"> or loads the modules without it; the
        // polyfill would be 0.5 KB gzip on every page's first load (scripts/page-weight.ts).
        modulePreload: { polyfill: false },
        rollupOptions: { output: { manualChunks: firstLoadChunk } },
      },
    },
    sprechstunde: { build: { outDir: here("dist/sprechstunde"), emptyOutDir: true } },
  },
  server: { port, strictPort: true },
  preview: { port, strictPort: true },
});
