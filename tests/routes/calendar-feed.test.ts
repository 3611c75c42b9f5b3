import { env } from "cloudflare:workers";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { CalendarFeedCreated } from "../../schemas/staff-bookings";
import { sha256Hex } from "../../worker/random";
import { NOW } from "../helpers/bookings";
import { createOffice, staffMember, takeSeats, type Office, type StaffMember } from "../helpers/fixtures";
import { auditOf, bookedOnline, requestedOnline, staffCall } from "../helpers/staff-bookings";

/*
 * The private calendar feed: created and revoked by a staff member, read by calendar clients without a
 * cookie. The feed is parsed with ical.js (an independent reader; the feed is written by ical-generator).
 */

async function newFeed(office: Office, member: StaffMember): Promise<CalendarFeedCreated> {
  const res = await staffCall(office, member, "POST", "/calendar-feed");
  expect(res.status).toBe(201);
  return CalendarFeedCreated.parse(await res.json());
}

/** Fetches a feed as a calendar client does: no cookie, no Origin. */
function fetchFeed(office: Office, httpsUrl: string, now = NOW): Promise<Response> {
  return office.request(new URL(httpsUrl).pathname, {}, now);
}

describe("POST /calendar-feed", () => {
  it("answers a webcal:// URL and its https twin with a 256-bit token of which only the hash is stored; audited", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const feed = await newFeed(office, member);
    const match = /^webcal:\/\/localhost\/api\/calendar\/([A-Za-z0-9_-]{43})\.ics$/.exec(feed.url);
    expect(match).not.toBeNull();
    expect(feed.httpsUrl).toBe(`http://localhost/api/calendar/${match![1]}.ics`);
    const stored = await env.DB.prepare("SELECT token_hash, revoked_at FROM staff_calendar_feeds WHERE staff_id = ?1").bind(member.id).all();
    expect(stored.results).toEqual([{ token_hash: await sha256Hex(match![1]!), revoked_at: null }]);
    const audit = await auditOf(office);
    expect(audit.map((a) => [a.action, a.actor_id, a.subject_kind, a.subject_id])).toEqual([["calendar_feed.create", String(member.id), "staff", String(member.id)]]);
    expect(JSON.stringify(audit)).not.toContain(match![1]);
  });
});

describe("GET /api/calendar/:token.ics", () => {
  it("lists the office's appointments with topic, name and code only, from 14 days back to the horizon", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const monday = await bookedOnline(office, { name: "Erika Müller", email: "erika@example.org", phone: "0831 / 999", note: "Geheime Notiz" });
    const cancelled = await bookedOnline(office, { start: "2026-11-30T14:00:00+01:00" });
    await staffCall(office, member, "POST", `/bookings/${cancelled.id}/cancel`, {});
    await requestedOnline(office);
    const oldId = await takeSeats(office, "2026-11-16T12:00:00.000Z"); // 8 days ago: still shown
    const tooOld = await takeSeats(office, "2026-11-02T12:00:00.000Z"); // 22 days ago: not any more
    const feed = await newFeed(office, member);

    const res = await fetchFeed(office, feed.httpsUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    const text = await res.text();
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Termine Testbüro");
    expect(String(calendar.getFirstPropertyValue("refresh-interval"))).toBe("PT15M");
    expect(calendar.getFirstPropertyValue("method")).toBeNull();

    const events = calendar.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.uid)).toEqual([`${oldId}-staff@sprechstunde`, `${monday.id}-staff@sprechstunde`]);
    const event = events[1]!;
    expect(event.summary).toBe("Thema fragen – Erika Müller");
    expect(event.description).toBe(`Code: ${monday.code}`);
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-11-30T12:00:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2026-11-30T12:30:00.000Z");
    expect(event.sequence).toBe(0);
    // Nothing a calendar on a phone should hold: no address, phone, note, cancelled or distant bookings.
    expect(text).not.toMatch(/erika@example\.org|0831 \/ 999|Geheime Notiz|Ayşe/);
    expect(text).not.toContain(cancelled.id);
    expect(text).not.toContain(tooOld);
  });

  it("a phone booking shows as such, and a moved booking carries its new time and SEQUENCE", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const created = await bookedOnline(office);
    await staffCall(office, member, "POST", `/bookings/${created.id}/move`, { start: "2026-12-02T10:00:00+01:00" });
    await staffCall(office, member, "POST", "/bookings", { topic: "fragen", start: "2026-11-30T15:00:00+01:00", name: "Herr Schmid" });
    const feed = await newFeed(office, member);
    const calendar = new ICAL.Component(ICAL.parse(await (await fetchFeed(office, feed.httpsUrl)).text()));
    const events = calendar.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    expect(events.map((e) => [e.startDate.toJSDate().toISOString(), e.sequence, e.description.includes("Telefonisch gebucht")])).toEqual([
      ["2026-11-30T14:00:00.000Z", 0, true],
      ["2026-12-02T09:00:00.000Z", 1, false],
    ]);
  });

  it("404 for an unknown, malformed, replaced or revoked token and for an inactive member", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const first = await newFeed(office, member);
    const second = await newFeed(office, member); // replaces the first
    expect((await fetchFeed(office, first.httpsUrl)).status).toBe(404);
    expect((await fetchFeed(office, second.httpsUrl)).status).toBe(200);
    expect((await office.request(`/api/calendar/${"A".repeat(43)}.ics`, {}, NOW)).status).toBe(404);
    expect((await office.request("/api/calendar/short.ics", {}, NOW)).status).toBe(404);
    expect((await office.request(`${new URL(second.httpsUrl).pathname.replace(".ics", ".txt")}`, {}, NOW)).status).toBe(404);

    const revoke = await staffCall(office, member, "POST", "/calendar-feed/revoke");
    expect(revoke.status).toBe(204);
    expect((await fetchFeed(office, second.httpsUrl)).status).toBe(404);
    expect((await auditOf(office)).map((a) => a.action)).toEqual(["calendar_feed.create", "calendar_feed.create", "calendar_feed.revoke"]);

    const third = await newFeed(office, member);
    await env.DB.prepare("UPDATE staff SET active = 0 WHERE id = ?1").bind(member.id).run();
    expect((await fetchFeed(office, third.httpsUrl)).status).toBe(404);
  });

  it("one member's new feed leaves a colleague's feed working", async () => {
    const office = await createOffice();
    const anna = await staffMember(office);
    const ben = await staffMember(office);
    const annas = await newFeed(office, anna);
    await newFeed(office, ben);
    await staffCall(office, ben, "POST", "/calendar-feed/revoke");
    expect((await fetchFeed(office, annas.httpsUrl)).status).toBe(200);
  });
});
