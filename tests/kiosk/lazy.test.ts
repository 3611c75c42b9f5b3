import { describe, expect, it } from "vitest";
import { moduleUrlOf, once } from "../../kiosk/shared/load-once";

/*
 * The memoised import under every lazily loaded part (kiosk/shared/lazy.tsx): one fetch for all callers,
 * and after a failure a new try, under a new address where the browser's error names the module (a
 * browser keeps a failed module failed, so the same address would fail again at once).
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

  it("after a failure naming the module, tries again under a new address each time, then keeps the answer", async () => {
    const asked: string[] = [];
    let failures = 2;
    const load = once(
      () => Promise.reject(new TypeError(CHROMIUM)),
      async (url: string) => {
        asked.push(url);
        if (failures-- > 0) throw new TypeError(`Failed to fetch dynamically imported module: ${url}`);
        return { from: url };
      },
    );
    await expect(load()).rejects.toThrow(CHROMIUM);
    await expect(load()).rejects.toThrow();
    await expect(load()).rejects.toThrow();
    const module = await load();
    expect(module).toEqual({ from: "https://termine.example.org/assets/later-Ab1_2.js?retry=3" });
    expect(await load()).toBe(module);
    expect(asked).toEqual([1, 2, 3].map((n) => `https://termine.example.org/assets/later-Ab1_2.js?retry=${n}`));
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
