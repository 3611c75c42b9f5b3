import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cloudflare } from "@cloudflare/vite-plugin";
import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";
import { BUILD_INPUTS, sha256 } from "./scripts/page-weight.ts";
import { SECURITY_HEADERS } from "./worker/security-headers.ts";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** One HTML entry per surface; each is served at the folder it sits in (`kiosk/staff/` → `/staff`). */
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
 * Records which sources the client build was made from (scripts/page-weight.ts `staleBuild`), so the
 * page-weight test refuses to measure a build older than the code. Written beside dist/client, never
 * into it: the list of source files is nobody's business on the web.
 */
function recordBuildInputs(): Plugin {
  let ids: string[] = [];
  return {
    name: "sprechstunde:record-build-inputs",
    apply: "build",
    applyToEnvironment: (environment) => environment.name === "client",
    generateBundle() {
      ids = [...this.getModuleIds()];
    },
    writeBundle() {
      const root = here(".");
      const files = new Set(["package-lock.json", "vite.config.ts"]);
      for (const id of ids) {
        const file = id.split("?")[0]!;
        if (file.startsWith(root) && !file.includes("/node_modules/") && existsSync(file)) files.add(path.relative(root, file));
      }
      const inputs = Object.fromEntries([...files].sort().map((file) => [file, sha256(readFileSync(here(file)))]));
      writeFileSync(BUILD_INPUTS, `${JSON.stringify(inputs, null, 1)}\n`);
    },
  };
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
    recordBuildInputs(),
  ],
  environments: {
    client: {
      build: {
        outDir: here("dist/client"),
        emptyOutDir: true,
        rollupOptions: { input: SURFACES },
        // Every browser we serve knows <link rel="modulepreload"> or loads the modules without it; the
        // polyfill would be 0.5 KB gzip on every page's first load (scripts/page-weight.ts).
        modulePreload: { polyfill: false },
      },
    },
    sprechstunde: { build: { outDir: here("dist/sprechstunde"), emptyOutDir: true } },
  },
  server: { port, strictPort: true },
  preview: { port, strictPort: true },
});
