import { describe, expect, it, vi } from "vitest";
import { moduleUrlOf, once, RELOAD_GAP_MS } from "../../kiosk/shared/load-once";

/*
 * The memoised import under every lazily loaded part (kiosk/shared/lazy.tsx): one fetch for all callers,
 * and after a failure a new try, under a new address where the browser's error names the module (a
 * browser keeps a failed module failed, so the same address would fail again at once); when a try again
 * fails while the server answers, a reload (a dependency of the module stays failed in the page).
 */

const CHROMIUM = "Failed to fetch dynamically imported module: https://termine.example.org/assets/later-Ab1_2.js";
const FIREFOX = "error loading dynamically imported module: https://termine.example.org/assets/later-Ab1_2.js";

describe("moduleUrlOf", () => {
  it("reads the module's address out of Chromium's and Firefox's errors, without a retry query", () => {
    expect(moduleUrlOf(new TypeError(CHROMIUM))).toBe("https://termine.example.org/assets/later-Ab1_2.js");
    expect(moduleUrlOf(new TypeError(FIREFOX))).toBe("https://termine.example.org/assets/later-Ab1_2.js");
    expect(moduleUrlOf(new TypeError(`${CHROMIUM}?retry=3`))).toBe("https://termine.example.org/assets/later-Ab1_2.js");
  });

  it("finds none in Safari's error or in anything else", () => {
    expect(moduleUrlOf(new TypeError("Importing a module script failed."))).toBeNull();
    expect(moduleUrlOf("offline")).toBeNull();
  });
});

describe("once", () => {
  it("loads once for every caller and keeps the answer", async () => {
    let loads = 0;
    const load = once(async () => ({ n: ++loads }));
    const [a, b] = await Promise.all([load(), load()]);
    expect(await load()).toBe(a);
    expect(b).toBe(a);
    expect(loads).toBe(1);
  });

  it("after a failure naming the module, tries again under a new address each time while the server does not answer, then keeps the answer", async () => {
    const asked: string[] = [];
    const probed: string[] = [];
    let failures = 2;
    let reloads = 0;
    const load = once(() => Promise.reject(new TypeError(CHROMIUM)), {
      importUrl: async (url: string) => {
        asked.push(url);
        if (failures-- > 0) throw new TypeError(`Failed to fetch dynamically imported module: ${url}`);
        return { from: url };
      },
      reachable: async (url) => (probed.push(url), false),
      reload: () => reloads++,
      reloadedLately: () => false,
    });
    await expect(load()).rejects.toThrow(CHROMIUM);
    await expect(load()).rejects.toThrow();
    await expect(load()).rejects.toThrow();
    const module = await load();
    expect(module).toEqual({ from: "https://termine.example.org/assets/later-Ab1_2.js?retry=3" });
    expect(await load()).toBe(module);
    expect(asked).toEqual([1, 2, 3].map((n) => `https://termine.example.org/assets/later-Ab1_2.js?retry=${n}`));
    // The first failure is simply tried again; each failed try again asks whether the server answers.
    expect(probed).toEqual(["https://termine.example.org/assets/later-Ab1_2.js", "https://termine.example.org/assets/later-Ab1_2.js"]);
    expect(reloads).toBe(0);
  });

  it("reloads the page when a try again fails while the server answers (a dependency stays failed in the page)", async () => {
    let reloads = 0;
    const load = once(() => Promise.reject(new TypeError(CHROMIUM)), {
      importUrl: (url: string) => Promise.reject(new TypeError(`Failed to fetch dynamically imported module: ${url}`)),
      reachable: async () => true,
      reload: () => reloads++,
      reloadedLately: () => false,
    });
    await expect(load()).rejects.toThrow(CHROMIUM);
    expect(reloads).toBe(0);
    const settled = vi.fn();
    void load().then(settled, settled);
    await vi.waitFor(() => expect(reloads).toBe(1));
    // Until the page is gone the part keeps saying it is loading: no failure shows meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(settled).not.toHaveBeenCalled();
  });

  it("does not reload again when the tab reloaded for a module lately: the failure is given back, to be tried again later", async () => {
    let reloads = 0;
    let loads = 0;
    const load = once(
      () => {
        loads++;
        return Promise.reject(new TypeError("Importing a module script failed."));
      },
      { reachable: async () => true, reload: () => reloads++, reloadedLately: () => true },
    );
    await expect(load()).rejects.toThrow("Importing");
    await expect(load()).rejects.toThrow("Importing");
    await expect(load()).rejects.toThrow("Importing");
    expect(reloads).toBe(0);
    expect(loads).toBe(3);
  });

  it("by default a tab reloads for a failed module at most once in RELOAD_GAP_MS (a broken module reloads no phone again and again)", async () => {
    const stored = new Map<string, string>();
    const reload = vi.fn();
    vi.stubGlobal("sessionStorage", { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v) });
    vi.stubGlobal("location", { href: "https://termine.example.org/status#t", reload });
    vi.stubGlobal("fetch", async () => new Response(null, { status: 200 }));
    vi.useFakeTimers({ now: new Date("2026-12-03T10:00:00Z"), toFake: ["Date"] });
    try {
      /** One page's life: its part fails twice, as a part that throws while it runs would. */
      const pageLife = async () => {
        const load = once(() => Promise.reject(new TypeError("Importing a module script failed.")));
        await expect(load()).rejects.toThrow();
        void load().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 0));
      };
      await pageLife();
      expect(reload).toHaveBeenCalledTimes(1);
      vi.setSystemTime(Date.now() + RELOAD_GAP_MS - 1);
      await pageLife();
      expect(reload).toHaveBeenCalledTimes(1);
      vi.setSystemTime(Date.now() + 1);
      await pageLife();
      expect(reload).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
      vi.unstubAllGlobals();
    }
  });

  it("after a failure that names no module, simply loads again", async () => {
    let loads = 0;
    const load = once(async () => {
      if (++loads === 1) throw new TypeError("Importing a module script failed.");
      return "ok";
    });
    await expect(load()).rejects.toThrow("Importing");
    expect(await load()).toBe("ok");
    expect(loads).toBe(2);
  });
});
