import { describe, expect, it } from "vitest";
import { createIdleWatch, IDLE_WARN_MS, idlePhase, type IdleClock } from "../../kiosk/kiosk/idle";

/** A clock that only moves when told, with the timers due by then fired in order (as a browser would). */
function fakeClock() {
  let now = 1_000_000;
  let next = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const clock: IdleClock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = next++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (id) => void timers.delete(id as number),
  };
  /** Moves the clock by `ms`, firing each timer at its own time. */
  function advance(ms: number): void {
    const end = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].fn();
    }
    now = end;
  }
  /** Jumps the clock by `ms` first, then fires what is due, each once (a sleeping tablet; Playwright's fastForward). */
  function jump(ms: number): void {
    now += ms;
    for (const [id, t] of [...timers.entries()].filter(([, t]) => t.at <= now)) {
      timers.delete(id);
      t.fn();
    }
  }
  return { clock, advance, jump, pending: () => timers.size };
}

function watch() {
  const f = fakeClock();
  const events: string[] = [];
  const w = createIdleWatch({
    clock: f.clock,
    onWarn: () => events.push(`warn@${f.clock.now()}`),
    onActive: () => events.push(`active@${f.clock.now()}`),
    onReset: () => events.push(`reset@${f.clock.now()}`),
  });
  return { ...f, w, events, t0: f.clock.now() };
}

describe("idlePhase", () => {
  it.each([
    [0, "active", IDLE_WARN_MS],
    [39_999, "active", 1],
    [40_000, "warning", 20_000],
    [59_999, "warning", 1],
    [60_000, "reset", 0],
    [3_600_000, "reset", 0],
    [-5_000, "active", IDLE_WARN_MS], // a clock that went back counts as a touch just now
  ])("%d ms after the last touch: %s, next change in %d ms", (idle, phase, wait) => {
    expect(idlePhase(1_000_000 + idle, 1_000_000)).toEqual({ phase, wait });
  });
});

describe("the inactivity watch", () => {
  it("warns after 40 seconds and resets after 60, once", () => {
    const { w, events, advance, t0, pending } = watch();
    w.activity();
    advance(39_999);
    expect(events).toEqual([]);
    advance(1);
    expect(events).toEqual([`warn@${t0 + 40_000}`]);
    advance(20_000);
    expect(events).toEqual([`warn@${t0 + 40_000}`, `reset@${t0 + 60_000}`]);
    advance(600_000);
    expect(events).toHaveLength(2); // no second reset before the next touch
    expect(pending()).toBe(0);
  });

  it("starts the minute again with every touch", () => {
    const { w, events, advance, t0 } = watch();
    w.activity();
    advance(30_000);
    w.activity();
    advance(30_000);
    w.activity();
    advance(39_000);
    expect(events).toEqual([]);
    advance(20_999);
    expect(events).toEqual([`warn@${t0 + 100_000}`]);
  });

  it("takes the warning away when someone touches the screen, and warns again a minute later", () => {
    const { w, events, advance, t0 } = watch();
    w.activity();
    advance(45_000);
    w.activity();
    expect(w.isWarned()).toBe(false);
    advance(59_000);
    expect(events).toEqual([`warn@${t0 + 40_000}`, `active@${t0 + 45_000}`, `warn@${t0 + 85_000}`]);
    advance(999);
    expect(events.at(-1)).toBe(`warn@${t0 + 85_000}`);
    advance(1);
    expect(events.at(-1)).toBe(`reset@${t0 + 105_000}`);
  });

  it("resets at once, without a warning, when its timer fires after the whole minute (a late timer)", () => {
    const { w, events, jump, t0 } = watch();
    w.activity();
    jump(61_000);
    expect(events).toEqual([`reset@${t0 + 61_000}`]);
  });

  it("works again after a reset once someone touches the screen", () => {
    const { w, events, advance, t0 } = watch();
    w.activity();
    advance(60_000);
    w.activity();
    advance(60_000);
    expect(events).toEqual([`warn@${t0 + 40_000}`, `reset@${t0 + 60_000}`, `warn@${t0 + 100_000}`, `reset@${t0 + 120_000}`]);
  });

  it("stops", () => {
    const { w, events, advance, pending } = watch();
    w.activity();
    w.stop();
    advance(120_000);
    expect(events).toEqual([]);
    expect(pending()).toBe(0);
  });
});
