import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { LocationResponse } from "../../schemas/location";
import { SlotsResponse } from "../../schemas/slots";
import { createApp } from "../../worker/app";
import { testDeps } from "../helpers/fixtures";

/** Runs the development seed the way `wrangler d1 execute --file` does: statement by statement, in one batch. */
async function applySeed(): Promise<void> {
  const statements = env.TEST_DEV_SEED.split(/;\s*\n/)
    .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
    .filter(Boolean);
  await env.DB.batch(statements.map((sql) => env.DB.prepare(sql)));
}

async function tableCounts() {
  const row = await env.DB.prepare(
    `SELECT (SELECT count(*) FROM locations) AS locations, (SELECT count(*) FROM rooms) AS rooms,
            (SELECT count(*) FROM opening_rules) AS rules, (SELECT count(*) FROM topics) AS topics`,
  ).first();
  return row;
}

describe("development seed", () => {
  it("sets up Kempten-Ost and changes nothing when applied again", async () => {
    await applySeed();
    const once = await tableCounts();
    expect(once).toEqual({ locations: 1, rooms: 2, rules: 2, topics: 9 });
    await applySeed();
    expect(await tableCounts()).toEqual(once);
  });

  it("publishes the office as announced: address, phone, hours, offers", async () => {
    const app = createApp(testDeps(new Date("2026-11-24T07:00:00Z")));
    const res = await app.request("/api/location", {}, env);
    const office = LocationResponse.parse(await res.json());
    expect(office).toMatchObject({
      slug: "kempten-ost",
      shortName: "Zukunft Kempten-Ost",
      address: { street: "Anton-Fehr-Str. 6", city: "Kempten (Allgäu)" },
      contact: { phone: "0172 / 2315911", email: "franziska.kull@kempten.de" },
      timezone: "Europe/Berlin",
      booking: { slotMinutes: 30, minNoticeMinutes: 120, horizonDays: 56 },
    });
    expect(office.openingHours.map((h) => `${h.weekday} ${h.opens}-${h.closes}`)).toEqual(["1 13:00-17:30", "3 09:00-13:00"]);
    expect(office.topics.map((t) => t.label.de)).toEqual(
      expect.arrayContaining(["Kompetenzanalyse", "Einzelcoaching", "Qualifizierung", "Allgemeine Fragen"]),
    );
    expect(office.topics.filter((t) => t.audience === "businesses")).toHaveLength(2);
  });

  it("offers one seat per half hour on the office's days", async () => {
    const app = createApp(testDeps(new Date("2026-11-24T07:00:00Z")));
    const res = await app.request("/api/slots?from=2026-11-30&to=2026-12-02", {}, env);
    const body = SlotsResponse.parse(await res.json());
    expect(body.days.map((d) => d.slots.length)).toEqual([9, 0, 8]);
    expect(body.days.flatMap((d) => d.slots).every((s) => s.free === 1)).toBe(true);
  });
});
