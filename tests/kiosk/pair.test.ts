import { describe, expect, it, vi } from "vitest";
import type { Paired } from "../../schemas/kiosk";
import { ApiError } from "../../kiosk/shared/api";
import { pairAs } from "../../kiosk/shared/api-kiosk";

/*
 * Pairing a kiosk or a display with a typed code, as both pairing screens do it: the token when the code
 * was made for this kind of screen, otherwise the reason in the screen's words.
 */

const answers = (paired: Paired | Error) => async () => {
  if (paired instanceof Error) throw paired;
  return paired;
};

describe("pairAs", () => {
  it("gives the token of a code made for this kind of screen", async () => {
    const pair = answers({ token: "tok-display", kind: "display", label: "TV" });
    expect(await pairAs("display", "ACDEFGHJ", pair)).toEqual({ token: "tok-display" });
  });

  it("refuses a code made for another kind and does not hand its token out", async () => {
    const pair = answers({ token: "tok-kiosk", kind: "kiosk", label: "Tablet" });
    expect(await pairAs("display", "ACDEFGHJ", pair)).toEqual({ problem: "wrongKind" });
    expect(await pairAs("kiosk", "ACDEFGHJ", answers({ token: "t", kind: "display", label: "TV" }))).toEqual({ problem: "wrongKind" });
  });

  it.each([
    ["an unknown or used code", new ApiError("unknown_code", "unknown", 404), "unknown"],
    ["a malformed code", new ApiError("invalid_request", "invalid", 400), "unknown"],
    ["a refusal of another kind", new ApiError("rate_limited", "slow down", 429), "failed"],
  ] as const)("%s → %s", async (_, error, problem) => {
    expect(await pairAs("kiosk", "ACDEFGHJ", answers(error))).toEqual({ problem });
  });

  it("no answer at all is 'failed' (the code may still work), and is logged", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(await pairAs("kiosk", "ACDEFGHJ", answers(new TypeError("Failed to fetch")))).toEqual({ problem: "failed" });
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
