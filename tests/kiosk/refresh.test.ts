import { afterEach, describe, expect, it, vi } from "vitest";
import { createRefresher } from "../../kiosk/shared/refresh";

/*
 * The refetch loop the display, the status page and the staff board share: one load at a time, a change
 * during a load gives exactly one more, every caller learns when a load that saw its change has ended,
 * and a failing load neither stops the next one nor rejects.
 */

/** A load the test ends by hand, with what it was given. */
function loads() {
  const started: { signal: AbortSignal; finish: () => void; fail: (error: unknown) => void }[] = [];
  const load = (signal: AbortSignal) =>
    new Promise<void>((finish, fail) => {
      started.push({ signal, finish, fail });
    });
  return { started, load };
}

/** Whether `promise` has settled by the time the microtasks queued so far have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  for (let i = 0; i < 10; i++) await Promise.resolve();
  return done;
}

afterEach(() => vi.restoreAllMocks());

describe("createRefresher", () => {
  it("starts the load at once, and only one at a time", () => {
    const l = loads();
    const r = createRefresher(l.load);
    void r.refresh();
    expect(l.started).toHaveLength(1);
    expect(r.running).toBe(true);
    void r.refresh();
    void r.refresh();
    expect(l.started).toHaveLength(1);
  });

  it("a change during a load gives exactly one more load, which every caller meanwhile waits for", async () => {
    const l = loads();
    const r = createRefresher(l.load);
    const first = r.refresh();
    const second = r.refresh();
    const third = r.refresh();
    expect(second).toBe(third);

    l.started[0]!.finish();
    expect(await settled(first)).toBe(true);
    expect(l.started).toHaveLength(2);
    expect(await settled(second)).toBe(false); // it waits for the load that started after it asked

    l.started[1]!.finish();
    expect(await settled(second)).toBe(true);
    expect(l.started).toHaveLength(2);
    expect(r.running).toBe(false);
  });

  it("without a change meanwhile, no second load", async () => {
    const l = loads();
    const r = createRefresher(l.load);
    const only = r.refresh();
    l.started[0]!.finish();
    await only;
    expect(l.started).toHaveLength(1);
    void r.refresh(); // a later change: a load of its own
    expect(l.started).toHaveLength(2);
  });

  it("a load that fails is logged, does not reject, and the queued load still runs", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const l = loads();
    const r = createRefresher(l.load);
    const first = r.refresh();
    const second = r.refresh();
    l.started[0]!.fail(new Error("boom"));
    await expect(first).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledOnce();
    expect(l.started).toHaveLength(2);
    l.started[1]!.finish();
    await expect(second).resolves.toBeUndefined();
  });

  it("a load that throws before it returns a promise is handled the same way", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const r = createRefresher(() => {
      throw new Error("sync");
    });
    await expect(r.refresh()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledOnce();
    expect(r.running).toBe(false);
  });

  it("cancel aborts the load under way, drops the queued one, and the next refresh starts at once", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const l = loads();
    const r = createRefresher(l.load);
    void r.refresh();
    const queued = r.refresh();
    r.cancel();
    expect(l.started[0]!.signal.aborted).toBe(true);
    expect(r.running).toBe(false);

    void r.refresh(); // following something new: no wait for the aborted load
    expect(l.started).toHaveLength(2);
    l.started[0]!.fail(new DOMException("aborted", "AbortError"));
    expect(await settled(queued)).toBe(true);
    expect(l.started).toHaveLength(2); // the dropped load never ran
    expect(warn).not.toHaveBeenCalled(); // an aborted load's error is no news
  });
});
