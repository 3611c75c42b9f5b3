import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { TicketView } from "../../schemas/kiosk";
import { LocationResponse } from "../../schemas/location";
import { post } from "../helpers/bookings";
import { createOffice, pairedDevice } from "../helpers/fixtures";

/*
 * The status page follows the office of its own number: `/api/status/:token` says which office (to
 * follow its live updates), and `/api/location?office=` gives that office's name and phone, not the
 * deployment's default office's.
 */

// Monday 30 November 2026, 14:00 in Kempten: open.
const OPEN = new Date("2026-11-30T13:00:00Z");

describe("the status page's office", () => {
  it("a number names its office, and /api/location?office= describes that office", async () => {
    const [home, other] = [await createOffice(), await createOffice()];
    await env.DB.prepare("UPDATE locations SET short_name = 'Anderes Büro' WHERE id = ?1").bind(other.id).run();
    const kiosk = { Authorization: `Bearer ${await pairedDevice(other, "kiosk")}` };
    const ticket = TicketView.parse(await (await post(other, "/api/kiosk/tickets", { topic: "fragen" }, { now: OPEN, headers: kiosk })).json());
    expect(ticket.office).toBe(other.slug);

    // Asked at `home`'s deployment (its default office), as a phone without any device cookie would.
    const status = await home.request(`/api/status/${new URL(ticket.statusUrl).hash.slice(1)}`, {}, OPEN);
    expect(TicketView.parse(await status.json()).office).toBe(other.slug);
    const own = LocationResponse.parse(await (await home.request(`/api/location?office=${ticket.office}`, {}, OPEN)).json());
    expect(own).toMatchObject({ slug: other.slug, shortName: "Anderes Büro" });
    const fallback = LocationResponse.parse(await (await home.request("/api/location", {}, OPEN)).json());
    expect(fallback.slug).toBe(home.slug);
  });

  it("refuses a malformed office (400) and an unknown one (404)", async () => {
    const office = await createOffice();
    const bad = await office.request("/api/location?office=Not%20A%20Slug", {}, OPEN);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "invalid_request", field: "office" } });
    const unknown = await office.request("/api/location?office=no-such-office", {}, OPEN);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: "unknown_location" } });
  });
});
