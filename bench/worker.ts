/*
 * The Worker itself (issue 14): its size as `wrangler deploy --dry-run` uploads it (all modules, gzip) and
 * its startup time. This wrangler (4.156) prints no startup time on a dry run: only a real deploy gets
 * `startup_time_ms` back from Cloudflare. So the startup is measured locally with `wrangler check startup`,
 * which evaluates the same bundle's top level in workerd under the CPU profiler; the figure is the
 * profile's active CPU time (garbage collection included), the median of RUNS. A local CPU is not
 * Cloudflare's, so the figure is for comparing builds (e.g. before and after loading a library lazily),
 * not a promise about the edge. Uses the build in dist/ (npm run bench builds first).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { report } from "./summary.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 5);
/** Cloudflare refuses a Worker whose top level takes longer than this (CPU). */
const STARTUP_LIMIT_MS = 1000;

function wrangler(args: string[]): string {
  return execFileSync(path.join(root, "node_modules/.bin/wrangler"), args, {
    cwd: root,
    encoding: "utf8",
    // node_modules/.bin first: wrangler's `#!/usr/bin/env node` must find the pinned Node 22.
    env: { ...process.env, PATH: `${path.join(root, "node_modules/.bin")}${path.delimiter}${process.env.PATH ?? ""}`, WRANGLER_SEND_METRICS: "false", FORCE_COLOR: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** `12.3 ms`, `950 µs`, `1.2 s` (wrangler's formatMicroseconds) in milliseconds. */
function milliseconds(text: string): number {
  const m = /([\d.]+) (µs|ms|s)\b/.exec(text);
  if (!m) throw new Error(`not a duration: ${text}`);
  return Number(m[1]) * { µs: 0.001, ms: 1, s: 1000 }[m[2] as "µs" | "ms" | "s"];
}

export async function workerItself(): Promise<void> {
  const config = path.join(root, "dist/sprechstunde/wrangler.json");
  const dir = mkdtempSync(path.join(tmpdir(), "sprechstunde-worker-"));
  try {
    const bundle = path.join(dir, "worker.bundle");
    const dryRun = wrangler(["deploy", "--dry-run", "--config", config, "--outfile", bundle]);
    const upload = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(dryRun);
    if (!upload) throw new Error(`wrangler deploy --dry-run printed no size:\n${dryRun}`);
    const active: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const out = wrangler(["check", "startup", "--config", config, "--worker", bundle, "--outfile", path.join(dir, `startup-${run}.cpuprofile`)]);
      const line = /Active: ([^\n(]+)/.exec(out);
      if (!line) throw new Error(`wrangler check startup printed no active time:\n${out}`);
      active.push(milliseconds(line[1]!));
    }
    active.sort((a, b) => a - b);
    const median = active[Math.floor(active.length / 2)]!;
    console.log("\nThe Worker (dist/sprechstunde, as `wrangler deploy` uploads it)");
    console.log(`  upload (every module): ${upload[1]} KiB, gzip ${upload[2]} KiB (wrangler deploy --dry-run)`);
    console.log(`  startup, local CPU profile (wrangler check startup), ${RUNS} runs: median ${median.toFixed(1)} ms, ` +
      `fastest ${active[0]!.toFixed(1)} ms, slowest ${active.at(-1)!.toFixed(1)} ms (Cloudflare's limit: ${STARTUP_LIMIT_MS} ms)`);
    report("worker", { name: "Worker upload, gzip (wrangler deploy --dry-run)", value: `${upload[2]} KiB` });
    report("worker", {
      name: "Worker startup, local CPU (wrangler check startup, median)",
      value: `${median.toFixed(0)} ms`,
      goal: `≤ ${STARTUP_LIMIT_MS} ms`,
      met: median <= STARTUP_LIMIT_MS,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
