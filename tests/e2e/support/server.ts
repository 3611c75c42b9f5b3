import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { chromiumPath } from "./browser";

/*
 * Global setup of the browser tests: checks that Chromium is there (and says how to get it when it is
 * not: the tests never skip silently), then serves the production build with `scripts/start.ts
 * --no-build` on a free port and a fresh local database, exactly as `npm start` would.
 */

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
  }
}

const root = fileURLToPath(new URL("../../..", import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

let server: ChildProcess | undefined;
let state: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  chromiumPath(); // throws with install instructions when missing
  if (!existsSync(path.join(root, "dist/client/index.html"))) {
    throw new Error("No build found in dist/. Run the browser tests with `npm run test:e2e`, which builds first.");
  }
  const port = await freePort();
  state = mkdtempSync(path.join(tmpdir(), "sprechstunde-e2e-"));
  server = spawn(process.execPath, ["scripts/start.ts", "--no-build"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), SPRECHSTUNDE_STATE: state },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  server.stdout!.on("data", (chunk) => (output += chunk));
  server.stderr!.on("data", (chunk) => (output += chunk));

  const baseURL = `http://localhost:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`The app server stopped:\n${output}`);
    if (output.includes("is running")) break;
    if (Date.now() > deadline) throw new Error(`The app server did not come up within 90 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide("baseURL", baseURL);
}

export async function teardown(): Promise<void> {
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGTERM"); // the whole group: start script, vite, workerd
    } catch {
      // already gone
    }
  }
  if (state) rmSync(state, { recursive: true, force: true });
}
