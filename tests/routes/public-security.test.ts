import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ErrorBody } from "../../schemas/common";
import { createOffice } from "../helpers/fixtures";

const NOW = new Date("2026-11-24T07:00:00Z");

function expectSecurityHeaders(res: Response) {
  const csp = res.headers.get("Content-Security-Policy") ?? "";
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(res.headers.get("Strict-Transport-Security")).toMatch(/max-age=(\d+)/);
  expect(Number(/max-age=(\d+)/.exec(res.headers.get("Strict-Transport-Security")!)![1])).toBeGreaterThanOrEqual(31_536_000);
  expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
  expect(res.headers.get("Referrer-Policy")).toBe("no-referrer");
}

describe("security headers", () => {
  it.each([
    ["/api/health", 200],
    ["/api/location", 200],
    ["/api/slots?from=2026-11-30&to=2026-12-01", 200],
    ["/api/slots?from=nonsense", 400],
    ["/api/nothing-here", 404],
  ])("are on %s (%i)", async (path, status) => {
    const office = await createOffice();
    const res = await office.request(path, {}, NOW);
    expect(res.status).toBe(status);
    expectSecurityHeaders(res);
  });

  it("are set by the deployed entry point too", async () => {
    const res = await exports.default.fetch("https://sprechstunde.example/api/health");
    expect(res.status).toBe(200);
    expectSecurityHeaders(res);
  });
});

describe("same-origin check on state-changing requests", () => {
  it.each([
    [{ Origin: "https://evil.example" }],
    [{ "Sec-Fetch-Site": "cross-site" }],
    [{ "Sec-Fetch-Site": "same-site" }],
    [{ Origin: "https://evil.example", "Sec-Fetch-Site": "same-origin" }],
    // One rule, no exception for `null` (the legal pages send their Origin: Referrer-Policy same-origin).
    [{ Origin: "null", "Sec-Fetch-Site": "same-origin" }],
    [{ Origin: "null" }],
  ])("refuses a POST with %o", async (headers) => {
    const office = await createOffice();
    const res = await office.request("http://localhost/api/slots", { method: "POST", headers }, NOW);
    expect(res.status).toBe(403);
    expect(ErrorBody.parse(await res.json()).error.code).toBe("forbidden_origin");
  });

  it("lets a same-origin POST through to routing", async () => {
    const office = await createOffice();
    const res = await office.request(
      "http://localhost/api/slots",
      { method: "POST", headers: { Origin: "http://localhost", "Sec-Fetch-Site": "same-origin" } },
      NOW,
    );
    expect(res.status).toBe(404); // no POST route yet: past the check, routing answers
  });

  it("does not check safe methods", async () => {
    const office = await createOffice();
    const res = await office.request("/api/health", { headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" } }, NOW);
    expect(res.status).toBe(200);
  });
});
