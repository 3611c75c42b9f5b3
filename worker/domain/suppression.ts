/*
 * Cell suppression for the statistics, pure. A breakdown's count of 1 or 2 is shown as "< 3" (primary
 * suppression). That alone is not enough: where cells add up to a figure that is shown (channels to the
 * total, topics to their audience, weeks to the period, a row's outcomes to its "booked"), a hidden cell
 * can be worked out from the shown sum and the others. So further cells are withheld (secondary
 * suppression) until a careful reader can tell no "< 3" exactly.
 *
 * The model: cells (a published exact total, a breakdown cell that may be hidden, or a rest that is never
 * published, such as the appointments of a row that are still open) and sums between them. The reader
 * (`Reader`) knows the shown cells and the bounds of the hidden ones: "< 3" is 1 or 2, a withheld cell is
 * at least 3 (zeros and "< 3" are shown as such), a rest is at least 0. It narrows every hidden cell's
 * range through every sum until nothing changes, and then tries each "< 3" as 1 and as 2: where one of
 * them contradicts a sum, the "< 3" is given away.
 *
 * While the reader can tell a "< 3", the smallest shown non-zero cell of a sum that holds it is withheld
 * (or, if those sums show none, of the sums linked to them through hidden cells), and all is read again.
 * Then each withheld cell is shown again where that gives nothing away. A "< 3" is left as it is only
 * where the reader tells it even with every other non-zero breakdown cell withheld (the period's exact
 * total says it, e.g. 2 bookings, both online): nothing could protect it.
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

  /**
   * Records that the parts add up to the whole. Where they do not (facts counted apart that disagree, such
   * as weeks from the appointments' hours against the totals from the appointments), a reader learns
   * nothing exact from the sum, and it is left out.
   */
  sum(whole: number, parts: readonly number[]): void {
    if (parts.reduce((sum, p) => sum + this.values[p]!, 0) === this.values[whole]) this.sums.push({ whole, parts });
  }
}

const isSmall = (kind: CellKind, value: number) => kind === "cell" && value > 0 && value < MIN_CELL;

/** The mark of each cell of `table`, by id. */
export function suppress(table: CellTable): Mark[] {
  const { values, kinds } = table;
  const hidden = values.map((v, i) => isSmall(kinds[i]!, v));
  // What a reader learns from one group of sums tells nothing about another (they share only exact
  // totals), so each is protected on its own: the reading repeated after every change stays small.
  for (const sums of independentSums(table)) protect(table, new Reader(table, sums), hidden);
  return values.map((v, i) => (!hidden[i] ? "shown" : isSmall(kinds[i]!, v) ? "small" : "withheld"));
}

/** Withholds cells of `reader`'s sums (marks them in `hidden`) until it can tell no "< 3" that could be protected. */
function protect(table: CellTable, reader: Reader, hidden: boolean[]): void {
  const { values, kinds } = table;
  const unprotectable = new Set(reader.givenAway(values.map((v, i) => kinds[i] === "cell" && v > 0)));
  const leaks = () => reader.givenAway(hidden).filter((i) => !unprotectable.has(i));
  const withheld: number[] = [];
  // Each round withholds one more cell (or, never expected, gives a "< 3" up), so this ends.
  for (let found = leaks(); found.length > 0; found = leaks()) {
    const next = cellToWithhold(table, found[0]!, hidden);
    if (next === null) unprotectable.add(found[0]!);
    else {
      hidden[next] = true;
      withheld.push(next);
    }
  }
  // A cell withheld early may have become needless through those withheld later.
  for (const id of withheld.reverse()) {
    hidden[id] = false;
    if (leaks().length > 0) hidden[id] = true;
  }
}

/** The sums of `table` in groups linked by the cells they share, totals apart (a total is a known number). */
function independentSums(table: CellTable): number[][] {
  const { kinds, sums } = table;
  const group = sums.map((_, s) => s);
  const root = (s: number): number => (group[s] === s ? s : (group[s] = root(group[s]!)));
  const firstSumOf = new Map<number, number>();
  sums.forEach((sum, s) => {
    for (const id of [sum.whole, ...sum.parts]) {
      if (kinds[id] === "total") continue;
      const first = firstSumOf.get(id);
      if (first === undefined) firstSumOf.set(id, s);
      else group[root(s)] = root(first);
    }
  });
  const groups = new Map<number, number[]>();
  sums.forEach((_, s) => groups.set(root(s), [...(groups.get(root(s)) ?? []), s]));
  return [...groups.values()];
}

/** More than any count: the upper bound of a cell that no sum limits (finite, so that bounds subtract). */
const UNBOUNDED = 1e9;

/** What a careful reader of an answer can work out about the hidden cells of some sums. */
class Reader {
  /** The cells in the sums. */
  private readonly cells: number[];
  /** For each cell, the sums it is in (as whole or part). */
  private readonly sumsOf: number[][];

  constructor(
    private readonly table: CellTable,
    private readonly sums: readonly number[],
  ) {
    this.sumsOf = table.values.map(() => []);
    for (const s of sums) [table.sums[s]!.whole, ...table.sums[s]!.parts].forEach((id) => this.sumsOf[id]!.push(s));
    this.cells = this.sumsOf.flatMap((of, id) => (of.length > 0 ? [id] : []));
  }

  /** The "< 3" cells whose value the reader can tell when the cells marked in `hidden` are not shown. */
  givenAway(hidden: readonly boolean[]): number[] {
    const { values, kinds } = this.table;
    const small = (i: number) => hidden[i] && isSmall(kinds[i]!, values[i]!);
    const exact = (i: number) => kinds[i] === "total" || (kinds[i] === "cell" && !hidden[i]);
    const low = values.map((v, i) => (exact(i) ? v : small(i) ? 1 : kinds[i] === "rest" ? 0 : MIN_CELL));
    const high = values.map((v, i) => (exact(i) ? v : small(i) ? MIN_CELL - 1 : UNBOUNDED));
    this.narrow(low, high, this.sums);
    return this.cells.flatMap((i) => {
      if (!small(i)) return [];
      if (low[i] === high[i]) return [i];
      const possible = [1, 2].filter((x) => {
        const [lo, hi] = [[...low], [...high]];
        lo[i] = hi[i] = x;
        return this.narrow(lo, hi, this.sumsOf[i]!);
      });
      return possible.length < 2 ? [i] : [];
    });
  }

  /**
   * Narrows the ranges `low`..`high` (changed in place) through the sums, starting with `start`, until
   * nothing changes. False where a sum cannot hold: the ranges contradict each other.
   */
  private narrow(low: number[], high: number[], start: readonly number[]): boolean {
    const { sums } = this.table;
    const queue = [...start];
    const queued = new Set(start);
    while (queue.length > 0) {
      const s = queue.pop()!;
      queued.delete(s);
      const { whole, parts } = sums[s]!;
      // Σ parts − whole = 0: the range of the parts' sum, and the whole's range.
      const min = parts.reduce((sum, p) => sum + low[p]!, 0);
      const max = parts.reduce((sum, p) => sum + high[p]!, 0);
      const bounds: [number, number, number][] = [
        [whole, min, max],
        // A part is the whole less the other parts.
        ...parts.map((p): [number, number, number] => [p, low[whole]! - (max - high[p]!), high[whole]! - (min - low[p]!)]),
      ];
      for (const [id, from, to] of bounds) {
        if (from <= low[id]! && to >= high[id]!) continue;
        low[id] = Math.max(low[id]!, from);
        high[id] = Math.min(high[id]!, to);
        if (low[id]! > high[id]!) return false;
        // This sum included: a narrower part narrows the others' ranges in it too.
        for (const other of this.sumsOf[id]!) {
          if (!queued.has(other)) {
            queued.add(other);
            queue.push(other);
          }
        }
      }
    }
    return true;
  }
}

/**
 * The cell to withhold so that `leak` can no longer be told: the smallest shown non-zero cell of a sum
 * that holds it; if those show none, of the sums linked to them through hidden cells and rests, and so
 * on. Null when there is none.
 */
function cellToWithhold(table: CellTable, leak: number, hidden: readonly boolean[]): number | null {
  const { values, kinds, sums } = table;
  const shownNonZero = (i: number) => kinds[i] === "cell" && !hidden[i] && values[i]! > 0;
  // A shown cell or a total is a known number: only hidden cells and rests carry a sum over to the next.
  const linking = (i: number) => kinds[i] === "rest" || (kinds[i] === "cell" && hidden[i]);
  const holding = (ids: readonly number[]) => {
    const wanted = new Set(ids);
    return sums.flatMap((s, index) => ([s.whole, ...s.parts].some((i) => wanted.has(i)) ? [index] : []));
  };
  const seen = new Set<number>();
  let level = holding([leak]);
  while (level.length > 0) {
    level.forEach((s) => seen.add(s));
    const members = [...new Set(level.flatMap((s) => [sums[s]!.whole, ...sums[s]!.parts]))];
    const candidates = members.filter(shownNonZero);
    if (candidates.length > 0) return candidates.reduce((best, i) => (values[i]! < values[best]! ? i : best));
    level = holding(members.filter(linking)).filter((s) => !seen.has(s));
  }
  return null;
}
