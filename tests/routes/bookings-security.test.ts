import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BookingCreated } from "../../schemas/bookings";
import { ErrorBody } from "../../schemas/common";
import { LocationResponse } from "../../schemas/location";
import { createTurnstileVerifier } from "../../worker/turnstile";
import { bookingBody, countRows, NOW, post, tokenOf } from "../helpers/bookings";
import { createOffice } from "../helpers/fixtures";

describe("rate limit on the public routes that change something", () => {
  it("answers 429 with Retry-After past the limit, per client, and does not count reads", async () => {
    const office = await createOffice();
    const deps = { rateLimit: { limit: 3, windowSeconds: 600 } };
    const client = { "CF-Connecting-IP": `203.0.113.${Math.floor(Math.random() * 200)}` };
    for (let i = 0; i < 3; i++) {
      const res = await post(office, "/api/bookings", bookingBody({ consent: false }), { deps, headers: client });
      expect(res.status).toBe(400);
      await office.request("/api/slots?from=2026-11-30&to=2026-11-30", { headers: client }, NOW, deps);
    }
    const limited = await post(office, "/api/bookings", bookingBody(), { deps, headers: client });
    expect(limited.status).toBe(429);
    expect(ErrorBody.parse(await limited.json()).error.code).toBe("rate_limited");
    // 08:00:00 Berlin is 07:00:00Z, the start of a 10-minute window: 600 s to wait.
    expect(limited.headers.get("Retry-After")).toBe("600");
    expect(await countRows(office)).toMatchObject({ bookings: 0 });

    const other = await post(office, "/api/requests", { topic: "fragen" }, { deps, headers: { "CF-Connecting-IP": "198.51.100.7" } });
    expect(other.status).toBe(400); // another client is not limited (and its body is simply incomplete)
    const nextWindow = await post(office, "/api/bookings", bookingBody(), { deps, headers: client, now: new Date(NOW.getTime() + 600_000) });
    expect(nextWindow.status).toBe(201);
  });

  it("counts an IPv6 client by its /64: ten addresses of one /64 share one window, another /64 has its own", async () => {
    const office = await createOffice();
    const deps = { rateLimit: { limit: 3, windowSeconds: 600 } };
    const net = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:2`;
    const statuses: number[] = [];
    for (let i = 1; i <= 10; i++) {
      const headers = { "CF-Connecting-IP": `${net}:${i.toString(16)}::${(i * 7).toString(16)}` };
      statuses.push((await post(office, "/api/bookings", bookingBody({ consent: false }), { deps, headers })).status);
    }
    expect(statuses).toEqual([400, 400, 400, 429, 429, 429, 429, 429, 429, 429]);
    const neighbour = await post(office, "/api/bookings", bookingBody({ consent: false }), { deps, headers: { "CF-Connecting-IP": `${net.replace(/:2$/, ":3")}::1` } });
    expect(neighbour.status).toBe(400);
  });

  it("stores no client address in clear", async () => {
    const office = await createOffice();
    await post(office, "/api/bookings", bookingBody(), { headers: { "CF-Connecting-IP": "192.0.2.55" } });
    const { results } = await env.DB.prepare("SELECT key FROM rate_limits").all<{ key: string }>();
    expect(results.length).toBeGreaterThan(0);
    expect(results.some((r) => r.key.includes("192.0.2.55"))).toBe(false);
  });
});

describe("Turnstile, when switched on", () => {
  const passes = async (token: string) => token === "good";

  it.each([
    [undefined, 400, "turnstile_failed"],
    ["bad", 400, "turnstile_failed"],
    ["good", 201, undefined],
  ])("token %j → %i", async (turnstileToken, status, code) => {
    const office = await createOffice();
    const res = await post(office, "/api/bookings", bookingBody({ turnstileToken }), { deps: { turnstile: passes } });
    expect(res.status).toBe(status);
    if (code) expect(ErrorBody.parse(await res.json()).error.code).toBe(code);
  });

  it("is off without keys, and /api/location tells the page which", async () => {
    const office = await createOffice();
    expect((await post(office, "/api/bookings", bookingBody())).status).toBe(201);
    const off = LocationResponse.parse(await (await office.request("/api/location", {}, NOW)).json());
    expect(off.turnstileSiteKey).toBeNull();
  });

  it("asks Cloudflare's siteverify with the secret and believes only success: true", async () => {
    const calls: FormData[] = [];
    const fakeFetch = (async (_url: string, init: RequestInit) => {
      const form = init.body as FormData;
      calls.push(form);
      return Response.json({ success: form.get("response") === "XXXX.DUMMY.TOKEN.XXXX" });
    }) as unknown as typeof fetch;
    const verify = createTurnstileVerifier("1x0000000000000000000000000000000AA", fakeFetch)!;
    expect(await verify("XXXX.DUMMY.TOKEN.XXXX", "192.0.2.1")).toBe(true);
    expect(await verify("other", undefined)).toBe(false);
    expect(calls[0]!.get("secret")).toBe("1x0000000000000000000000000000000AA");
    expect(calls[0]!.get("remoteip")).toBe("192.0.2.1");
    const broken = createTurnstileVerifier("secret", (async () => { throw new Error("offline"); }) as unknown as typeof fetch)!;
    expect(await broken("token", undefined)).toBe(false);
    expect(createTurnstileVerifier(undefined)).toBeNull();
  });
});

describe("other sites and other people", () => {
  it("refuses a booking posted from another site", async () => {
    const office = await createOffice();
    const res = await post(office, "/api/bookings", bookingBody(), { headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" } });
    expect(res.status).toBe(403);
    expect(await countRows(office)).toMatchObject({ bookings: 0 });
  });

  it("shows a booking only to its own link, and the public slots show no person", async () => {
    const office = await createOffice();
    const mine = BookingCreated.parse(await (await post(office, "/api/bookings", bookingBody({ name: "Erika Geheim" }))).json());
    const slots = await (await office.request("/api/slots?from=2026-11-30&to=2026-11-30", {}, NOW)).text();
    expect(slots).not.toContain("Erika");
    expect(slots).not.toContain(mine.code);
    const guessed = tokenOf(mine.manageUrl).replace(/.$/, (ch) => (ch === "A" ? "B" : "A"));
    expect((await office.request(`/api/bookings/manage/${guessed}`, {}, NOW)).status).toBe(404);
  });
});
