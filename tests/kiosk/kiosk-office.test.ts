import { afterEach, describe, expect, it, vi } from "vitest";
import { office as officeOf } from "./office-fixture";

/*
 * Which office a tablet shows. `/api/location` names the tablet's office by the device's cookie; when
 * only the token survived (the cookie expired or was cleared), the first kiosk call with the token
 * restores the cookie. So the store asks for the office after that first answer, never before it: asked
 * earlier, the Worker would answer the deployment's default office and the tablet would keep showing it.
 */

const OWN = officeOf({ slug: "e2e-open", shortName: "Immer offen" });
const DEFAULT = officeOf({ slug: "kempten-ost", shortName: "Zukunft Kempten-Ost" });

function fakeFetch() {
  const asked: string[] = [];
  let answerState!: () => void;
  const stateHeld = new Promise<void>((resolve) => (answerState = resolve));
  // The Worker names the default office until a kiosk answer has put the device's cookie back.
  let cookieRestored = false;
  const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
  const fetch = vi.fn(async (input: string) => {
    const url = String(input);
    asked.push(url.split("?")[0]!);
    if (url.startsWith("/api/kiosk/state")) {
      await stateHeld;
      cookieRestored = true;
      return json({ open: true, waiting: 0, walkInTopics: [], nextOpening: null });
    }
    if (url.startsWith("/api/location")) return json(cookieRestored ? OWN : DEFAULT);
    return new Promise<Response>(() => {});
  });
  return { fetch, asked, answerState };
}

const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
};

/** The real kiosk store, fresh, on a tablet that has its token (its cookie gone), with a fake fetch. */
async function pairedTablet() {
  vi.resetModules();
  const f = fakeFetch();
  vi.stubGlobal("fetch", f.fetch);
  vi.spyOn(console, "warn").mockImplementation(() => {});
  const device = await import("../../kiosk/kiosk/device");
  const state = await import("../../kiosk/kiosk/state");
  const shared = await import("../../kiosk/shared/office");
  device.rememberDevice("device-token");
  return { f, state, shared };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("the tablet's office", () => {
  it("is asked for only after the first kiosk answer, which restores the device's cookie", async () => {
    const { f, state, shared } = await pairedTablet();

    const first = state.refreshState();
    await settle();
    expect(f.asked).toEqual(["/api/kiosk/state"]);
    expect(shared.office.value).toBeNull();

    f.answerState();
    await first;
    await settle();
    expect(f.asked).toEqual(["/api/kiosk/state", "/api/location"]);
    expect(shared.office.value?.slug).toBe("e2e-open");

    // Later answers of the same tablet on the same day ask for nothing more.
    await state.refreshState();
    await settle();
    expect(f.asked.filter((u) => u === "/api/location")).toHaveLength(1);
  });

  it("is asked for again after the first kiosk answer when something asked for it before (the default office)", async () => {
    const { f, state, shared } = await pairedTablet();
    await shared.loadOffice();
    expect(shared.office.value?.slug).toBe("kempten-ost");

    const first = state.refreshState();
    f.answerState();
    await first;
    await settle();
    expect(shared.office.value?.slug).toBe("e2e-open");
  });
});
