import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { HealthResponse } from "../../schemas/common";
import { LocationResponse } from "../../schemas/location";
import { SlotsResponse } from "../../schemas/slots";
import { addClosure, createOffice, takeSeats, testDeps } from "../helpers/fixtures";

// Tuesday 24 November 2026, 08:00 in Kempten.
const NOW = new Date("2026-11-24T07:00:00Z");

describe("GET /api/health", () => {
  it("answers ok without touching D1", async () => {
    const office = await createOffice();
    const app = (await import("../../worker/app")).createApp(testDeps(NOW));
    const noDb = new Proxy({} as D1Database, {
      get() {
        throw new Error("health must not touch D1");
      },
    });
    const res = await app.request("/api/health", {}, { ...env, DB: noDb, DEFAULT_LOCATION: office.slug });
    expect(res.status).toBe(200);
    expect(HealthResponse.parse(await res.json())).toEqual({ ok: true });
  });
});

describe("GET /api/location", () => {
  it("describes the office with its current opening hours and bookable topics", async () => {
    const office = await createOffice();
    const res = await office.request("/api/location", {}, NOW);
    expect(res.status).toBe(200);
    const body = LocationResponse.parse(await res.json());
    expect(body).toMatchObject({
      slug: office.slug,
      address: { street: "Anton-Fehr-Str. 6", postalCode: null, city: "Kempten (Allgäu)" },
      contact: { phone: "0172 / 2315911" },
      timezone: "Europe/Berlin",
      byArrangement: true,
      booking: { slotMinutes: 30, minNoticeMinutes: 120, horizonDays: 56 },
      retentionDays: 30,
    });
    expect(body.openingHours.map((h) => [h.weekday, h.opens, h.closes])).toEqual([
      [1, "13:00", "17:30"],
      [3, "09:00", "13:00"],
    ]);
    expect(body.topics.map((t) => [t.key, t.durationMinutes, t.bookableOnline])).toEqual([
      ["fragen", 30, true],
      ["kompetenzanalyse", 60, true],
      ["intern", 30, false],
    ]);
  });

  it("says whether the booking page books for the office: the default one yes, another (?office=) no", async () => {
    const [office, other] = [await createOffice(), await createOffice()];
    const own = LocationResponse.parse(await (await office.request("/api/location", {}, NOW)).json());
    expect(own).toMatchObject({ slug: office.slug, bookableOnline: true });
    const named = LocationResponse.parse(await (await office.request(`/api/location?office=${other.slug}`, {}, NOW)).json());
    expect(named).toMatchObject({ slug: other.slug, bookableOnline: false });
  });

  it("leaves out opening rules that have ended", async () => {
    const office = await createOffice();
    await env.DB.prepare(
      "INSERT INTO opening_rules (location_id, weekday, opens, closes, valid_from, valid_until) VALUES (?1, 5, '09:00', '12:00', '2024-01-01', '2025-12-31')",
    )
      .bind(office.id)
      .run();
    const body = LocationResponse.parse(await (await office.request("/api/location", {}, NOW)).json());
    expect(body.openingHours.map((h) => h.weekday)).toEqual([1, 3]);
  });
});

describe("GET /api/slots", () => {
  it("lists every day of the range with the bookable slots in local time", async () => {
    const office = await createOffice();
    const res = await office.request("/api/slots?from=2026-11-30&to=2026-12-06", {}, NOW);
    expect(res.status).toBe(200);
    const body = SlotsResponse.parse(await res.json());
    expect(body.timezone).toBe("Europe/Berlin");
    expect(body.days.map((d) => [d.date, d.status, d.slots.length])).toEqual([
      ["2026-11-30", "open", 9],
      ["2026-12-01", "closed", 0],
      ["2026-12-02", "open", 8],
      ["2026-12-03", "closed", 0],
      ["2026-12-04", "closed", 0],
      ["2026-12-05", "closed", 0],
      ["2026-12-06", "closed", 0],
    ]);
    expect(body.days[0]!.slots[0]).toEqual({
      start: "2026-11-30T13:00:00+01:00",
      end: "2026-11-30T13:30:00+01:00",
      free: 1,
    });
  });

  it("?office= names the office (the manage page moves a booking within its own); an unknown one is refused", async () => {
    const office = await createOffice();
    const other = await createOffice({ rules: [[2, "09:00", "10:00"]] });
    const days = async (path: string) =>
      SlotsResponse.parse(await (await office.request(path, {}, NOW)).json()).days.map((d) => [d.date, d.slots.length]);
    expect(await days(`/api/slots?from=2026-11-30&to=2026-12-01&office=${other.slug}`)).toEqual([["2026-11-30", 0], ["2026-12-01", 2]]);
    expect(await days("/api/slots?from=2026-11-30&to=2026-12-01")).toEqual([["2026-11-30", 9], ["2026-12-01", 0]]);
    expect((await office.request("/api/slots?from=2026-11-30&to=2026-12-01&office=nobody-here", {}, NOW)).status).toBe(404);
    expect((await office.request("/api/slots?from=2026-11-30&to=2026-12-01&office=Not%20a%20slug", {}, NOW)).status).toBe(400);
    expect((await office.request("/api/slots?from=2026-11-30&to=2026-12-01&room=1", {}, NOW)).status).toBe(400);
  });

  it("shows holidays and closures with their reason in German and English", async () => {
    const office = await createOffice();
    await addClosure(office, "2026-12-28", "2027-01-05", "Betriebsferien", "Office holidays");
    const body = SlotsResponse.parse(
      await (await office.request("/api/slots?from=2026-12-21&to=2027-01-06", {}, NOW)).json(),
    );
    const byDate = new Map(body.days.map((d) => [d.date, d]));
    expect(byDate.get("2026-12-23")).toMatchObject({ status: "open" });
    expect(byDate.get("2026-12-26")).toMatchObject({ status: "holiday", reason: { de: "2. Weihnachtstag" } });
    expect(byDate.get("2026-12-30")).toMatchObject({ status: "closure", reason: { de: "Betriebsferien", en: "Office holidays" } });
    expect(byDate.get("2027-01-06")).toMatchObject({ status: "holiday", reason: { de: "Heilige Drei Könige" } });
  });

  it("keeps 13:00 local across the autumn DST change", async () => {
    const office = await createOffice();
    const body = SlotsResponse.parse(
      await (await office.request("/api/slots?from=2026-10-19&to=2026-10-26", {}, new Date("2026-10-12T08:00:00Z"))).json(),
    );
    expect(body.days[0]!.slots[0]!.start).toBe("2026-10-19T13:00:00+02:00");
    expect(body.days[7]!.slots[0]!.start).toBe("2026-10-26T13:00:00+01:00");
  });

  it("leaves out taken seats, and a 60-minute topic needs both half hours", async () => {
    const office = await createOffice();
    await takeSeats(office, "2026-11-30T13:30:00.000Z"); // 14:30 local
    const plain = SlotsResponse.parse(
      await (await office.request("/api/slots?from=2026-11-30&to=2026-11-30", {}, NOW)).json(),
    );
    expect(plain.days[0]!.slots.map((s) => s.start.slice(11, 16))).not.toContain("14:30");
    expect(plain.days[0]!.slots).toHaveLength(8);

    const long = SlotsResponse.parse(
      await (await office.request("/api/slots?from=2026-11-30&to=2026-11-30&topic=kompetenzanalyse", {}, NOW)).json(),
    );
    expect(long.topic).toBe("kompetenzanalyse");
    expect(long.days[0]!.slots.map((s) => `${s.start.slice(11, 16)}-${s.end.slice(11, 16)}`)).toEqual([
      "13:00-14:00",
      "13:30-14:30",
      "15:00-16:00",
      "15:30-16:30",
      "16:00-17:00",
      "16:30-17:30",
    ]);
  });

  it("respects minimum notice and horizon", async () => {
    const office = await createOffice({ horizonDays: 7 });
    // Monday 30 November, 11:45: 13:00 and 13:30 are within two hours.
    const body = SlotsResponse.parse(
      await (await office.request("/api/slots?from=2026-11-30&to=2026-12-09", {}, new Date("2026-11-30T10:45:00Z"))).json(),
    );
    const byDate = new Map(body.days.map((d) => [d.date, d]));
    expect(byDate.get("2026-11-30")!.slots[0]!.start).toBe("2026-11-30T14:00:00+01:00");
    expect(byDate.get("2026-12-07")!.slots).toHaveLength(9);
    expect(byDate.get("2026-12-09")).toMatchObject({ status: "open", slots: [] });
  });

  it("answers a full 62-day range", async () => {
    const office = await createOffice();
    const res = await office.request("/api/slots?from=2026-11-24&to=2027-01-24", {}, NOW);
    expect(res.status).toBe(200);
    expect(SlotsResponse.parse(await res.json()).days).toHaveLength(62);
  });
});
