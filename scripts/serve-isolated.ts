/*
 * Serves the existing production build the way `npm start` does, but on a free port and a database of
 * its own in a temporary folder, for the browser tests and the benchmarks. `stop()` ends the server
 * (the whole process group: start script, Vite, workerd) and removes the folder; `restart()` ends it
 * and starts it again on the same port and database (every Durable Object and open socket is gone, the
 * stored data stays: what a crash or a deployment does to a running office).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { wrangler } from "./d1.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

export interface IsolatedApp {
  baseURL: string;
  /** The local state folder it serves (its D1 database; for wrangler d1 commands with --persist-to). */
  state: string;
  /** What the server printed when it last came up, its banner included. */
  startOutput(): string;
  stop(): void;
  restart(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}

/** Where `migratedState` put its folder, for every server started after it (the browser tests' setup sets it). */
export const MIGRATED_STATE_ENV = "SPRECHSTUNDE_MIGRATED_STATE";

/**
 * A state folder with every migration applied by `wrangler d1 migrations apply`, made once for a run of
 * many servers (the browser tests' global setup): each new server starts from a copy of it, where the
 * same command at its start finds nothing left to apply (about 3 s of CPU instead of 14 s per server on
 * two cores). The caller removes it.
 */
export function migratedState(): string {
  const state = mkdtempSync(path.join(tmpdir(), "sprechstunde-migrated-"));
  try {
    wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", state]);
  } catch (error) {
    rmSync(state, { recursive: true, force: true });
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`Applying the migrations failed:\n${stdout}${stderr}`);
  }
  return state;
}

/**
 * `extraSeed`: SQL applied after the development seed, e.g. offices and devices a test needs.
 * `env`: more environment for the server (e.g. SMTP_URL with CLOUDFLARE_INCLUDE_PROCESS_ENV=true).
 * `state`: a state folder to serve instead of a new empty one (e.g. a restored backup); removed on stop.
 */
export async function serveIsolated(options: { extraSeed?: string; env?: Record<string, string>; state?: string } = {}): Promise<IsolatedApp> {
  if (!existsSync(path.join(root, "dist/client/index.html"))) {
    throw new Error("No build in dist/: run `npm run build` first (npm run test:e2e and npm run bench do).");
  }
  const port = await freePort();
  const state = options.state ?? mkdtempSync(path.join(tmpdir(), "sprechstunde-"));
  const migrated = process.env[MIGRATED_STATE_ENV];
  if (!options.state && migrated && existsSync(migrated)) cpSync(migrated, state, { recursive: true });
  const extraSeed = options.extraSeed === undefined ? undefined : path.join(state, "extra-seed.sql");
  if (extraSeed) writeFileSync(extraSeed, options.extraSeed!);
  const env = {
    ...process.env,
    ...options.env,
    PORT: String(port),
    SPRECHSTUNDE_STATE: state,
    ...(extraSeed ? { SPRECHSTUNDE_EXTRA_SEED: extraSeed } : {}),
  };

  let child: ChildProcess;
  let output: string;
  try {
    ({ child, output } = await startServer(env));
  } catch (error) {
    rmSync(state, { recursive: true, force: true });
    throw error;
  }
  const kill = () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  const stop = () => {
    kill();
    rmSync(state, { recursive: true, force: true });
  };
  const restart = async () => {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    kill();
    await exited;
    // The extra seed is in the database already (it is not written to be applied twice).
    const { SPRECHSTUNDE_EXTRA_SEED: _applied, ...again } = env;
    ({ child, output } = await startServer(again));
  };
  return { baseURL: `http://localhost:${port}`, state, startOutput: () => output, stop, restart };
}

/** Starts `npm start --no-build` in its own process group and waits until its banner is complete. */
async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; output: string }> {
  const child = spawn(process.execPath, [path.join(root, "scripts/start.ts"), "--no-build"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  // SPRECHSTUNDE_SERVER_LOG=<file> keeps the server's own output (workerd's errors) for a failing run.
  const log = process.env.SPRECHSTUNDE_SERVER_LOG;
  const keep = (chunk: Buffer) => {
    output += chunk;
    if (log) appendFileSync(log, chunk);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);

  const deadline = Date.now() + 90_000;
  // The banner's last line: the server answers, and everything above it has been printed.
  while (!output.includes("Stop with Ctrl+C.")) {
    if (child.exitCode !== null || Date.now() > deadline) {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
      throw new Error(`The app server did not come up:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { child, output };
}
