import { env } from "cloudflare:workers";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { ErrorBody } from "../../schemas/common";
import { Statistics } from "../../schemas/statistics";
import { createOffice, staffMember } from "../helpers/fixtures";
import { staffCall } from "../helpers/staff-bookings";

/*
 * Who may read the statistics (staff of the office, any role), refusals of bad periods with the field
 * named, and the CSV keeping text that a spreadsheet would run as a formula as text.
 */

const NOW = new Date("2026-12-02T08:00:00Z");
const NOV = "from=2026-11-01&to=2026-11-30";

describe("access", () => {
  it("answers staff and admins of the office", async () => {
    const office = await createOffice();
    for (const role of ["staff", "admin"] as const) {
      const member = await staffMember(office, role, NOW);
      const res = await staffCall(office, member, "GET", `/statistics?${NOV}`, undefined, { now: NOW });
      expect(res.status).toBe(200);
      expect(Statistics.parse(await res.json()).office.slug).toBe(office.slug);
      expect((await staffCall(office, member, "GET", `/statistics.csv?${NOV}`, undefined, { now: NOW })).status).toBe(200);
    }
  });

  it("refuses without a session (401) and staff of another office (403)", async () => {
    const office = await createOffice();
    const stranger = await staffMember(await createOffice(), "admin", NOW);
    for (const path of [`/statistics?${NOV}`, `/statistics.csv?${NOV}`]) {
      expect((await staffCall(office, null, "GET", path, undefined, { now: NOW })).status).toBe(401);
      const res = await staffCall(office, stranger, "GET", path, undefined, { now: NOW });
      expect(res.status).toBe(403);
      expect(ErrorBody.parse(await res.json()).error.code).toBe("forbidden");
    }
  });
});

describe("bad periods", () => {
  it.each([
    ["", "from"],
    ["from=2026-11-01", "to"],
    ["from=2026-11-31&to=2026-12-01", "from"],
    ["from=1999-12-01&to=2000-01-01", "from"],
    ["from=2026-11-30&to=2026-11-01", "to"],
    ["from=2026-01-01&to=2027-01-02", "to"], // 367 days
    ["from=2026-11-01&to=2026-11-30&office=x", "office"],
  ])("?%s is a 400 naming %s", async (query, field) => {
    const office = await createOffice();
    const member = await staffMember(office, "staff", NOW);
    for (const path of [`/statistics?${query}`, `/statistics.csv?${query}`]) {
      const res = await staffCall(office, member, "GET", path, undefined, { now: NOW });
      expect(res.status).toBe(400);
      const { error } = ErrorBody.parse(await res.json());
      expect(error).toMatchObject({ code: "invalid_request", field });
    }
  });

  it("takes a leap year whole, and refuses an unknown CSV format", async () => {
    const office = await createOffice();
    const member = await staffMember(office, "staff", NOW);
    expect((await staffCall(office, member, "GET", "/statistics?from=2028-01-01&to=2028-12-31", undefined, { now: NOW })).status).toBe(200);
    const res = await staffCall(office, member, "GET", `/statistics.csv?${NOV}&format=xlsx`, undefined, { now: NOW });
    expect(res.status).toBe(400);
    expect(ErrorBody.parse(await res.json()).error.field).toBe("format");
  });
});

describe("formula injection", () => {
  it("keeps topic labels starting with = or @ as text in both dialects", async () => {
    const office = await createOffice();
    const labels = ['=HYPERLINK("http://evil.example";"Klick")', "@SUM(1+1)*cmd|' /C calc'!A0", '+49 "Telefon"; Beratung'];
    const { results } = await env.DB.prepare("SELECT id FROM topics WHERE location_id = ?1 ORDER BY sort_order").bind(office.id).all<{ id: number }>();
    await env.DB.batch(results.map((t, i) => env.DB.prepare("UPDATE topics SET label = json_set(label, '$.de', ?2) WHERE id = ?1").bind(t.id, labels[i])));
    const member = await staffMember(office, "staff", NOW);
    for (const [format, delimiter] of [["excel", ";"], ["rfc4180", ","]] as const) {
      const res = await staffCall(office, member, "GET", `/statistics.csv?${NOV}&format=${format}`, undefined, { now: NOW });
      const rows: string[][] = parse(await res.text(), { delimiter, bom: true });
      const topics = new Set(rows.filter((r) => r[0] === "Nach Thema").map((r) => r[2]));
      expect([...topics]).toEqual(labels.map((l) => `'${l}`));
      // No field of the file starts a formula.
      for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});
