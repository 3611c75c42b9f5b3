/*
 * The one table `npm run bench` ends with: every section reports its headline figures here, and
 * bench/run.ts prints them together after all sections ran. A figure with a goal says whether it met it;
 * nothing here asserts (a size budget may fail a test; a time never does).
 */
export interface Figure {
  /** What was measured, e.g. "GET /api/slots (8 weeks) / GET /api/health throughput". */
  name: string;
  /** The measured value, formatted with its unit, e.g. "0.84" or "27.9 KB". */
  value: string;
  /** The goal as written in the issue, e.g. "≥ 0.8" or "≤ 30 KB"; omitted when there is none. */
  goal?: string;
  /** Whether the value meets the goal; omitted when there is no goal. */
  met?: boolean;
}

const figures: { section: string; figure: Figure }[] = [];

export function report(section: string, figure: Figure): void {
  figures.push({ section, figure });
}

export function printSummary(machine: string): void {
  if (figures.length === 0) return;
  const width = Math.max(...figures.map((f) => f.figure.name.length), 10);
  console.log(`\nSummary (${machine})`);
  let section = "";
  for (const { section: s, figure } of figures) {
    if (s !== section) console.log(`  ${s}`);
    section = s;
    const verdict = figure.met === undefined ? "" : figure.met ? "met" : "NOT MET";
    console.log(
      `    ${figure.name.padEnd(width)}  ${figure.value.padStart(12)}  ${(figure.goal ?? "").padEnd(10)}  ${verdict}`,
    );
  }
}
