/*
 * The bench's "estimate" section (issue 13 item 1): how often the wait range shown held the real call,
 * over generated office days played with the real call-next rule (worker/domain/estimate-simulation.ts;
 * tests/domain/estimate-simulation.test.ts asserts the same figures over seeds 1–30). Prints coverage at
 * arrival, at later steps and overall, the median width, the estimate before issue 13 for comparison,
 * and the CPU time of one estimate (the status page pays it per request). `BENCH_ONLY=estimate npm run bench`
 * runs it alone.
 */
import { createServer } from "vite";
import { report } from "./summary.ts";

const SEEDS = Array.from({ length: Number(process.env.BENCH_ESTIMATE_DAYS ?? 60) }, (_, i) => i + 1);

export async function estimateSection(): Promise<void> {
  // The domain is TypeScript with extension-less imports, as the Worker's bundle holds it: loaded through Vite.
  const vite = await createServer({ configFile: false, appType: "custom", logLevel: "error", server: { middlewareMode: true, hmr: false } });
  try {
    const sim = (await vite.ssrLoadModule("/worker/domain/estimate-simulation.ts")) as typeof import("../worker/domain/estimate-simulation.ts");
    let calls = 0;
    let ms = 0;
    const timed: typeof sim.newEstimator = (q, now, rule) => {
      // CPU time of this process, not the wall clock: the machine is shared.
      const started = process.cpuUsage();
      const answer = sim.newEstimator(q, now, rule);
      const used = process.cpuUsage(started);
      ms += (used.user + used.system) / 1000;
      calls++;
      return answer;
    };
    const now = sim.simulateDays(SEEDS, timed);
    const before = sim.simulateDays(SEEDS, sim.oldEstimator);
    const f = sim.figures(now.observations);
    const old = sim.figures(before.observations);
    const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
    console.log(`\nWait estimates: ${now.days} simulated office days (seeds 1–${SEEDS.length}), ${now.tickets} numbers, ${f.observations} ranges shown`);
    console.log(`  held the real call: at arrival ${pct(f.atArrival)}, at later steps ${pct(f.later)}, overall ${pct(f.overall)}`);
    console.log(`  median width ${f.medianWidth} min (at arrival ${f.medianWidthAtArrival} min); median real wait ${f.medianWait.toFixed(0)} min`);
    for (const kind of ["walk_in", "appointment"] as const) {
      const k = sim.figures(now.observations.filter((o) => o.kind === kind));
      console.log(`    ${kind === "walk_in" ? "walk-ins    " : "appointments"}: overall ${pct(k.overall)} of ${k.observations}, median width ${k.medianWidth} min`);
    }
    console.log(`  the estimate before issue 13: at arrival ${pct(old.atArrival)}, later ${pct(old.later)}, overall ${pct(old.overall)}, median width ${old.medianWidth} min`);
    console.log(`  one estimate of a whole queue: ${(ms / calls).toFixed(2)} ms CPU on average (${calls} estimates)\n`);
    report("estimate", { name: "wait range held the real call, at arrival", value: pct(f.atArrival), goal: "≥ 80 %", met: f.atArrival >= 0.8 });
    report("estimate", { name: "wait range held the real call, later steps", value: pct(f.later), goal: "≥ 80 %", met: f.later >= 0.8 });
    report("estimate", { name: "wait range held the real call, overall", value: pct(f.overall), goal: "≥ 80 %", met: f.overall >= 0.8 });
    report("estimate", { name: "wait range median width", value: `${f.medianWidth} min` });
    report("estimate", { name: "wait range held, estimate before issue 13", value: pct(old.overall) });
    report("estimate", { name: "one estimate (CPU)", value: `${(ms / calls).toFixed(2)} ms` });
  } finally {
    await vite.close();
  }
}
