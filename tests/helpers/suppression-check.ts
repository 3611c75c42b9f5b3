import { APPOINTMENT_MEASURES, REQUEST_MEASURES, WALK_IN_MEASURES, type Cell, type Statistics } from "../../schemas/statistics";

/*
 * A reader's check of an answer, written apart from worker/domain/suppression.ts: for every sum a reader
 * can see (the channels, topics, audiences and weeks against the exact totals, an audience against its
 * topics, a walk-in row's served + not served), the values each "< 3" can still have given the shown
 * numbers ("< 3" is 1 or 2, "geheim" at least 3). Where only one value is left, the "< 3" is given away,
 * unless the sum shows nothing else that could have been withheld (its other cells all 0).
 */

interface Sum {
  name: string;
  whole: Cell;
  parts: Cell[];
}

const GROUPS = { appointments: APPOINTMENT_MEASURES, walkIns: WALK_IN_MEASURES, requests: REQUEST_MEASURES } as const;
type Group = keyof typeof GROUPS;
type Cells = { [G in Group]: Record<(typeof GROUPS)[G][number], Cell> };

function sums(s: Statistics, topicsAddUp: boolean): Sum[] {
  const list: Sum[] = [];
  const measure = (c: Cells, g: Group, m: string) => (c[g] as Record<string, Cell>)[m]!;
  for (const m of APPOINTMENT_MEASURES) {
    list.push({ name: `channels ${m}`, whole: s.totals.appointments[m], parts: s.byChannel.map((c) => c.appointments[m]) });
  }
  for (const g of Object.keys(GROUPS) as Group[]) {
    for (const m of GROUPS[g]) {
      const total = measure(s.totals, g, m);
      if (topicsAddUp) list.push({ name: `topics ${g}.${m}`, whole: total, parts: s.byTopic.map((t) => measure(t, g, m)) });
      list.push({ name: `audiences ${g}.${m}`, whole: total, parts: s.byAudience.map((a) => measure(a, g, m)) });
      for (const a of s.byAudience) {
        const topics = s.byTopic.filter((t) => t.audience === a.audience);
        list.push({ name: `${a.audience} ${g}.${m}`, whole: measure(a, g, m), parts: topics.map((t) => measure(t, g, m)) });
      }
    }
  }
  for (const row of [...s.byTopic.map((t) => ({ name: t.key, ...t })), ...s.byAudience.map((a) => ({ name: a.audience, ...a }))]) {
    list.push({ name: `${row.name} walk-ins`, whole: row.walkIns.total, parts: [row.walkIns.served, row.walkIns.left] });
  }
  list.push({ name: "weeks booked", whole: s.totals.appointments.booked, parts: s.byWeek.map((w) => w.appointments) });
  list.push({ name: "weeks attended", whole: s.totals.appointments.attended, parts: s.byWeek.map((w) => w.attended) });
  list.push({ name: "weeks walk-ins", whole: s.totals.walkIns.total, parts: s.byWeek.map((w) => w.walkIns) });
  return list;
}

const low = (c: Cell): number => (c === "< 3" ? 1 : c === "geheim" ? 3 : c);
const high = (c: Cell): number => (c === "< 3" ? 2 : c === "geheim" ? Infinity : c);

/**
 * The sums of `s` that give a "< 3" away, by name. `topicsAddUp`: every count has a topic (no walk-in
 * number without one), so the topics add up to the totals.
 */
export function givenAway(s: Statistics, topicsAddUp = true): string[] {
  return sums(s, topicsAddUp).flatMap(({ name, whole, parts }) => {
    if (typeof whole !== "number") return [];
    /** The values a "< 3" at `i` can have, the others read as `read` does. */
    const range = (i: number, read: (c: Cell) => Cell) => {
      const others = parts.filter((_, j) => j !== i).map(read);
      return [
        Math.max(1, whole - others.reduce<number>((sum, o) => sum + high(o), 0)),
        Math.min(2, whole - others.reduce<number>((sum, o) => sum + low(o), 0)),
      ];
    };
    return parts.flatMap((p, i) => {
      if (p !== "< 3") return [];
      const [from, to] = range(i, (c) => c);
      // Pinned even with every other non-zero count withheld: the exact total says it, nothing can hide it.
      const [lo, hi] = range(i, (c) => (typeof c === "number" && c > 0 ? "geheim" : c));
      return from === to && lo !== hi ? [`${name} [${i}] = ${from}`] : [];
    });
  });
}
