/*
 * Cell suppression for the statistics, pure. A breakdown's count of 1 or 2 is shown as "< 3" (primary
 * suppression). That alone is not enough: where cells add up to a figure that is shown (channels to the
 * total, topics to their audience, weeks to the period, a row's outcomes to its "booked"), a single hidden
 * cell is the shown sum minus the others. So further cells are withheld (secondary suppression) until no
 * "< 3" can be worked out from the answer by adding and subtracting what it shows.
 *
 * The model: cells (a published exact total, a breakdown cell that may be hidden, or a rest that is never
 * published, such as the appointments of a row that are still open) and sums between them. A reader knows
 * the shown cells and the bounds of the hidden ones: "< 3" is 1 or 2, a withheld cell is at least 3 (zeros
 * and "< 3" are shown as such), a rest is at least 0. Whatever a sum pins to one value the reader knows,
 * and that knowledge feeds the other sums. Where a "< 3" gets pinned, the smallest shown non-zero cell of
 * the sum that pinned it is withheld too (if that sum has none, of a sum that pinned one of its members),
 * and all is checked again until nothing is pinned. A "< 3" that nothing can protect (the period's exact
 * total says it, e.g. 2 bookings, both online) stays "< 3".
 *
 * Known limit: this protects one answer. Two answers for overlapping periods can still be subtracted from
 * each other (a month and the same month less one day); reports for the funder use whole months,
 * quarters and years.
 */

/** Counts below this in a breakdown are shown as "< 3". */
export const MIN_CELL = 3;

/** `total`: published exactly, never hidden. `cell`: a breakdown's count. `rest`: never published. */
export type CellKind = "total" | "cell" | "rest";

/** How a cell is published: as it is, as "< 3", or withheld to protect a "< 3". */
export type Mark = "shown" | "small" | "withheld";

interface Term {
  id: number;
  sign: 1 | -1;
}

interface Sum {
  whole: number;
  parts: readonly number[];
}

/** Cells and the sums between them, built by the statistics and handed to `suppress`. */
export class CellTable {
  readonly values: number[] = [];
  readonly kinds: CellKind[] = [];
  readonly sums: Sum[] = [];

  /** A new cell of `value`; its id. */
  add(kind: CellKind, value: number): number {
    this.values.push(value);
    this.kinds.push(kind);
    return this.values.length - 1;
  }

  /** Records that the parts add up to the whole (the caller's arithmetic; not checked here). */
  sum(whole: number, parts: readonly number[]): void {
    this.sums.push({ whole, parts });
  }
}

const isSmall = (kind: CellKind, value: number) => kind === "cell" && value > 0 && value < MIN_CELL;

/** The mark of each cell of `table`, by id. */
export function suppress(table: CellTable): Mark[] {
  const { values, kinds, sums } = table;
  const hidden = values.map((v, i) => isSmall(kinds[i]!, v));
  const unprotectable = new Set<number>();
  const withheld: number[] = [];
  const leakOf = (known: readonly boolean[]) => values.findIndex((v, i) => isSmall(kinds[i]!, v) && known[i] && !unprotectable.has(i));
  // Each round withholds one more cell or gives one "< 3" up, so this ends.
  for (;;) {
    const { known, via } = whatAReaderKnows(table, hidden, unprotectable);
    const leak = leakOf(known);
    if (leak < 0) break;
    const next = cellToWithhold(table, leak, hidden, via);
    if (next === null) unprotectable.add(leak);
    else {
      hidden[next] = true;
      withheld.push(next);
    }
  }
  // A cell withheld early may have become needless through those withheld later: show it again where
  // that pins no "< 3".
  for (const id of withheld.reverse()) {
    hidden[id] = false;
    if (leakOf(whatAReaderKnows(table, hidden, unprotectable).known) >= 0) hidden[id] = true;
  }
  return values.map((v, i) => (!hidden[i] ? "shown" : isSmall(kinds[i]!, v) ? "small" : "withheld"));
}

/**
 * Which cells a reader of the answer can tell exactly (`known`), and for each one worked out, the sum that
 * pinned it (`via`, an index into `table.sums`).
 */
function whatAReaderKnows(table: CellTable, hidden: readonly boolean[], given: ReadonlySet<number>) {
  const { values, kinds, sums } = table;
  const known = values.map((_, i) => kinds[i] === "total" || (kinds[i] === "cell" && !hidden[i]) || given.has(i));
  const via = new Map<number, number>();
  // A reader's bounds of a cell it cannot see.
  const low = (i: number) => (kinds[i] === "rest" ? 0 : isSmall(kinds[i]!, values[i]!) ? 1 : MIN_CELL);
  const high = (i: number) => (kinds[i] === "cell" && isSmall(kinds[i]!, values[i]!) ? MIN_CELL - 1 : Infinity);
  let changed = true;
  while (changed) {
    changed = false;
    sums.forEach((s, index) => {
      // Σ parts − whole = 0, as signed terms.
      const terms: Term[] = [...s.parts.map((id): Term => ({ id, sign: 1 })), { id: s.whole, sign: -1 }];
      const open = terms.filter((t) => !known[t.id]);
      if (open.length === 0) return;
      const rest = -terms.filter((t) => known[t.id]).reduce((sum, t) => sum + t.sign * values[t.id]!, 0);
      // The range of Σ sign·x over the open terms, as finite sums plus how many terms are unbounded.
      const lowOf = (t: Term) => (t.sign > 0 ? low(t.id) : -high(t.id));
      const highOf = (t: Term) => (t.sign > 0 ? high(t.id) : -low(t.id));
      const range = open.reduce(
        (r, t) => ({
          min: r.min + (isFinite(lowOf(t)) ? lowOf(t) : 0),
          minOpen: r.minOpen + (isFinite(lowOf(t)) ? 0 : 1),
          max: r.max + (isFinite(highOf(t)) ? highOf(t) : 0),
          maxOpen: r.maxOpen + (isFinite(highOf(t)) ? 0 : 1),
        }),
        { min: 0, minOpen: 0, max: 0, maxOpen: 0 },
      );
      for (const t of open) {
        // The others' range without this term, then this one's range from the sum.
        const othersMin = isFinite(lowOf(t)) ? (range.minOpen > 0 ? -Infinity : range.min - lowOf(t)) : range.minOpen > 1 ? -Infinity : range.min;
        const othersMax = isFinite(highOf(t)) ? (range.maxOpen > 0 ? Infinity : range.max - highOf(t)) : range.maxOpen > 1 ? Infinity : range.max;
        const from = t.sign > 0 ? rest - othersMax : othersMin - rest;
        const to = t.sign > 0 ? rest - othersMin : othersMax - rest;
        if (Math.max(from, low(t.id)) === Math.min(to, high(t.id))) {
          known[t.id] = true;
          via.set(t.id, index);
          changed = true;
        }
      }
    });
  }
  return { known, via };
}

/**
 * The cell to withhold so that `leak` is no longer pinned: the smallest shown non-zero cell of the sum
 * that pinned it; if that sum has none, of the sums that pinned its other members, and so on. Null when
 * there is none.
 */
function cellToWithhold(table: CellTable, leak: number, hidden: readonly boolean[], via: ReadonlyMap<number, number>): number | null {
  const { values, kinds, sums } = table;
  const seen = new Set<number>();
  let level = [via.get(leak)!];
  while (level.length > 0) {
    level.forEach((s) => seen.add(s));
    const members = level.flatMap((s) => [sums[s]!.whole, ...sums[s]!.parts]);
    const candidates = members.filter((i) => i !== leak && kinds[i] === "cell" && !hidden[i] && values[i]! > 0);
    if (candidates.length > 0) return candidates.reduce((best, i) => (values[i]! < values[best]! ? i : best));
    level = [...new Set(members.flatMap((i) => (via.has(i) && !seen.has(via.get(i)!) ? [via.get(i)!] : [])))];
  }
  return null;
}
