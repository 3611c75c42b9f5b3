import { fileURLToPath } from "node:url";
import { cloudflare } from "@cloudflare/vite-plugin";
import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";
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
  ],
  environments: {
    client: { build: { outDir: here("dist/client"), emptyOutDir: true, rollupOptions: { input: SURFACES } } },
    sprechstunde: { build: { outDir: here("dist/sprechstunde"), emptyOutDir: true } },
  },
  server: { port, strictPort: true },
  preview: { port, strictPort: true },
});
