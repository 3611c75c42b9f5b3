import { APPOINTMENT_MEASURES, REQUEST_MEASURES, WALK_IN_MEASURES, type Cell, type Statistics } from "../../schemas/statistics";

/*
 * A careful reader of an answer, written apart from worker/domain/suppression.ts from what the answer
 * shows. It knows the shown numbers and what the marks mean ("< 3" is 1 or 2, "geheim" at least 3), and
 * every sum it can see: the channels, topics, audiences and weeks against the exact totals, an audience
 * against its topics, a row's outcomes against its "booked" (with the still open ones unknown), a
 * walk-in row's served + not served, a week's attended within its appointments, and what rows do not list
 * (open appointments, waiting requests) adding up across rows like the rest. Walk-ins without a topic
 * are in the totals only, so the topics' walk-ins add up to the total less an unknown number.
 *
 * It narrows every unknown's range through every sum until nothing changes, then tries each "< 3" as 1 and
 * as 2; a "< 3" is given away where only one value is left. Such a leak counts only where it could have
 * been avoided: where the same reader, with every other shown non-zero breakdown number turned into
 * "geheim", cannot tell it (a row whose outcomes force the booked count, an exact total that says it).
 */

/** More than any count: the upper bound of an unknown that no sum limits. */
const UNBOUNDED = 1e9;

interface Unknowns {
  names: string[];
  low: number[];
  high: number[];
  /** Each sum as [whole, parts]. */
  sums: [number, number[]][];
  smalls: number[];
}

const GROUPS = { appointments: APPOINTMENT_MEASURES, walkIns: WALK_IN_MEASURES, requests: REQUEST_MEASURES } as const;
type Group = keyof typeof GROUPS;
type Row = { [G in Group]?: Record<string, Cell | number> };

/** The reader's unknowns of `s`; `withholdAll`: every shown non-zero breakdown number read as "geheim". */
function unknownsOf(s: Statistics, withholdAll: boolean): Unknowns {
  const u: Unknowns = { names: [], low: [], high: [], sums: [], smalls: [] };
  const add = (name: string, low: number, high: number) => {
    u.names.push(name);
    u.low.push(low);
    u.high.push(high);
    return u.names.length - 1;
  };
  const cell = (name: string, c: Cell | number, exact: boolean) => {
    const read = !exact && withholdAll && typeof c === "number" && c > 0 ? "geheim" : c;
    if (read === "< 3") u.smalls.push(u.names.length);
    return read === "< 3" ? add(name, 1, 2) : read === "geheim" ? add(name, 3, UNBOUNDED) : add(name, read, read);
  };
  const unknown = (name: string) => add(name, 0, UNBOUNDED);
  const sum = (whole: number, parts: number[]) => u.sums.push([whole, parts]);

  /**
   * A row's cells by group and measure, with the sums inside the row. What a row does not list (its
   * appointments still open, its requests still waiting) is an unknown of its own, `rest`: the rests add
   * up across rows like the measures do, a sum a reader gets by subtracting the row sums from each other.
   */
  const row = (name: string, r: Row, exact = false) => {
    const ids = Object.fromEntries(
      (Object.keys(GROUPS) as Group[]).flatMap((g) => {
        const cells = r[g];
        return cells ? [[g, Object.fromEntries(GROUPS[g].map((m) => [m, cell(`${name}.${g}.${m}`, cells[m]!, exact)]))]] : [];
      }),
    ) as { [G in Group]: Record<string, number> };
    if (r.appointments) {
      const a = ids.appointments;
      a.rest = unknown(`${name}.appointments open`);
      sum(a.booked!, [a.attended!, a.noShow!, a.cancelledByResident!, a.cancelledByOffice!, a.rest]);
    }
    if (r.walkIns) sum(ids.walkIns.total!, [ids.walkIns.served!, ids.walkIns.left!]);
    if (r.requests) {
      const q = ids.requests;
      q.rest = unknown(`${name}.requests waiting`);
      sum(q.received!, [q.proposed!, q.declined!, q.rest]);
    }
    return ids;
  };
  /** Each measure (and rest) of `whole` is the sum of the rows' and of `extra`'s. */
  const columns = (whole: Record<string, number>, rows: Record<string, number>[], extra: Record<string, number> = {}) => {
    for (const k of Object.keys(whole)) sum(whole[k]!, [...rows.map((r) => r[k]!), ...(k in extra ? [extra[k]!] : [])]);
  };

  const total = row("total", s.totals, true);
  columns(total.appointments, s.byChannel.map((c) => row(`channel.${c.channel}`, { appointments: c.appointments }).appointments));
  const topics = s.byTopic.map((t) => row(`topic.${t.key}`, t));
  const audiences = s.byAudience.map((a) => row(`audience.${a.audience}`, a));
  const noTopic = Object.fromEntries(WALK_IN_MEASURES.map((m) => [m, unknown(`no topic.walkIns.${m}`)]));
  sum(noTopic.total!, [noTopic.served!, noTopic.left!]);
  for (const g of Object.keys(GROUPS) as Group[]) {
    const without = g === "walkIns" ? noTopic : {};
    columns(total[g], topics.map((t) => t[g]), without);
    columns(total[g], audiences.map((a) => a[g]), without);
    s.byAudience.forEach((a, i) => columns(audiences[i]![g], topics.filter((_, j) => s.byTopic[j]!.audience === a.audience).map((t) => t[g])));
  }
  const weeks = s.byWeek.map((w) => {
    const ids = { booked: cell(`${w.week}.appointments`, w.appointments, false), attended: cell(`${w.week}.attended`, w.attended, false) };
    const rest = unknown(`${w.week}.not attended`);
    sum(ids.booked, [ids.attended, rest]);
    return { ...ids, rest, walkIns: cell(`${w.week}.walkIns`, w.walkIns, false) };
  });
  const notAttended = unknown("total.not attended");
  sum(total.appointments.booked!, [total.appointments.attended!, notAttended]);
  columns({ booked: total.appointments.booked!, attended: total.appointments.attended!, rest: notAttended, walkIns: total.walkIns.total! }, weeks);
  return u;
}

/** Narrows `low`..`high` in place through every sum until stable; false where the sums contradict them. */
function narrow(sums: Unknowns["sums"], low: number[], high: number[]): boolean {
  for (let changed = true; changed; ) {
    changed = false;
    for (const [whole, parts] of sums) {
      const min = parts.reduce((a, p) => a + low[p]!, 0);
      const max = parts.reduce((a, p) => a + high[p]!, 0);
      const ranges: [number, number, number][] = [[whole, min, max], ...parts.map((p): [number, number, number] => [p, low[whole]! - max + high[p]!, high[whole]! - min + low[p]!])];
      for (const [id, from, to] of ranges) {
        if (from > low[id]!) [low[id], changed] = [from, true];
        if (to < high[id]!) [high[id], changed] = [to, true];
        if (low[id]! > high[id]!) return false;
      }
    }
  }
  return true;
}

/** Each "< 3" of `u` that the reader can tell, as "name = value". */
function told(u: Unknowns): string[] {
  const [low, high] = [[...u.low], [...u.high]];
  if (!narrow(u.sums, low, high)) throw new Error("the answer contradicts its own sums");
  return u.smalls.flatMap((i) => {
    const possible = [1, 2].filter((x) => {
      const [lo, hi] = [[...low], [...high]];
      lo[i] = hi[i] = x;
      return narrow(u.sums, lo, hi);
    });
    return possible.length === 1 ? [`${u.names[i]} = ${possible[0]}`] : [];
  });
}

/** The "< 3" cells of `s` that a careful reader can tell although they could have been protected. */
export function givenAway(s: Statistics): string[] {
  const anyway = new Set(told(unknownsOf(s, true)).map((t) => t.split(" = ")[0]));
  return told(unknownsOf(s, false)).filter((t) => !anyway.has(t.split(" = ")[0]));
}
