import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ErrorBody } from "../../schemas/common";
import { createOffice, testDeps } from "../helpers/fixtures";

const NOW = new Date("2026-11-24T07:00:00Z");

async function expectError(res: Response, status: number, code: string, field?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
  const body = ErrorBody.parse(await res.json());
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
  if (field !== undefined) expect(body.error.field).toBe(field);
}

describe("GET /api/slots with bad input", () => {
  it.each([
    ["from=2026-11-30", "invalid_request", "to"],
    ["to=2026-11-30", "invalid_request", "from"],
    ["from=30.11.2026&to=2026-12-01", "invalid_request", "from"],
    ["from=2026-02-30&to=2026-03-01", "invalid_request", "from"],
    ["from=2026-11-30&to=2026-11-31", "invalid_request", "to"],
    ["from=2026-11-30&to=2026-12-01&topic=Not%20a%20key", "invalid_request", "topic"],
    ["from=2026-11-30&to=2026-12-01&colour=blue", "invalid_request", "colour"],
    ["from=2026-12-01&to=2026-11-30", "invalid_range", "to"],
    ["from=2026-11-24&to=2027-01-25", "invalid_range", "to"],
    ["from=2026-11-30&to=2026-12-01&topic=unbekannt", "unknown_topic", "topic"],
    ["from=2026-11-30&to=2026-12-01&topic=intern", "unknown_topic", "topic"],
  ])("?%s → 400 %s naming %s", async (query, code, field) => {
    const office = await createOffice();
    await expectError(await office.request(`/api/slots?${query}`, {}, NOW), 400, code, field);
  });

  it("changes nothing in the database", async () => {
    const office = await createOffice();
    const count = () => env.DB.prepare("SELECT (SELECT count(*) FROM bookings) + (SELECT count(*) FROM booking_seats) AS n").first<{ n: number }>();
    const before = await count();
    await office.request("/api/slots?from=2026-12-01&to=2026-11-30", {}, NOW);
    expect(await count()).toEqual(before);
  });
});

describe("unknown addresses and locations", () => {
  it("answers unknown API paths with a JSON 404", async () => {
    const office = await createOffice();
    await expectError(await office.request("/api/nothing-here", {}, NOW), 404, "not_found");
  });

  it("answers a wrong method with a JSON 404", async () => {
    const office = await createOffice();
    await expectError(await office.request("/api/slots", { method: "DELETE" }, NOW), 404, "not_found");
  });

  it("says so when the configured location does not exist", async () => {
    const { createApp } = await import("../../worker/app");
    const app = createApp(testDeps(NOW));
    await expectError(await app.request("/api/location", {}, { ...env, DEFAULT_LOCATION: "nowhere" }), 404, "unknown_location");
  });
});
