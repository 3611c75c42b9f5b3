import { describe, expect, it } from "vitest";
import { ErrorBody } from "../../schemas/common";
import { SlotsResponse } from "../../schemas/slots";
import { StaffBooking } from "../../schemas/staff-bookings";
import { createOffice, staffMember } from "../helpers/fixtures";
import { staffCall } from "../helpers/staff-bookings";

/*
 * GET /api/staff/:office/slots: the free times the board offers for a phone booking or a move. The
 * same computation and answer as GET /api/slots, but by the phone booking's rules: the session's office,
 * no minimum notice (the test office has 2 hours), never a past start, any active topic.
 * Clock: Monday 30 November 2026, 13:35 in Kempten (the office is open 13:00–17:30, 30-minute slots).
 */

const NOW = new Date("2026-11-30T12:35:00Z");
const DAY = "from=2026-11-30&to=2026-11-30";

async function officeWithMember() {
  const office = await createOffice();
  return { office, member: await staffMember(office, "staff", NOW) };
}

const startsOf = (body: SlotsResponse, date = "2026-11-30") => body.days.find((d) => d.date === date)!.slots.map((s) => s.start);

describe("GET /api/staff/:office/slots", () => {
  it("offers 14:00, 25 minutes from now, which the public route keeps back for the minimum notice; staff can book it", async () => {
    const { office, member } = await officeWithMember();
    const res = await staffCall(office, member, "GET", `/slots?${DAY}&topic=fragen`, undefined, { now: NOW });
    expect(res.status).toBe(200);
    const staff = SlotsResponse.parse(await res.json());
    expect(staff.topic).toBe("fragen");
    expect(startsOf(staff)).toEqual(["14:00", "14:30", "15:00", "15:30", "16:00", "16:30", "17:00"].map((t) => `2026-11-30T${t}:00+01:00`));

    const online = SlotsResponse.parse(await (await office.request(`/api/slots?${DAY}&topic=fragen`, {}, NOW)).json());
    expect(startsOf(online)).toEqual(["16:00", "16:30", "17:00"].map((t) => `2026-11-30T${t}:00+01:00`));

    // What the board offers, POST /bookings accepts.
    const booked = await staffCall(office, member, "POST", "/bookings", { topic: "fragen", start: startsOf(staff)[0], name: "Herr Schmid" }, { now: NOW });
    expect(booked.status).toBe(201);
    expect(StaffBooking.parse(await booked.json()).start).toBe("2026-11-30T14:00:00+01:00");
    const after = SlotsResponse.parse(await (await staffCall(office, member, "GET", `/slots?${DAY}&topic=fragen`, undefined, { now: NOW })).json());
    expect(startsOf(after)[0]).toBe("2026-11-30T14:30:00+01:00");
  });

  it("offers a topic that is not bookable online (the public route refuses it)", async () => {
    const { office, member } = await officeWithMember();
    const res = await staffCall(office, member, "GET", `/slots?${DAY}&topic=intern`, undefined, { now: NOW });
    expect(res.status).toBe(200);
    const body = SlotsResponse.parse(await res.json());
    expect(body.topic).toBe("intern");
    expect(startsOf(body)[0]).toBe("2026-11-30T14:00:00+01:00");

    const online = await office.request(`/api/slots?${DAY}&topic=intern`, {}, NOW);
    expect(online.status).toBe(400);
    expect(ErrorBody.parse(await online.json()).error.code).toBe("unknown_topic");
  });

  it("never offers a past time: not earlier today, not on past days", async () => {
    const { office, member } = await officeWithMember();
    const res = await staffCall(office, member, "GET", "/slots?from=2026-11-23&to=2026-12-02&topic=fragen", undefined, { now: NOW });
    const body = SlotsResponse.parse(await res.json());
    // Last Monday and last Wednesday were open days, but their hours have passed.
    expect(body.days.filter((d) => d.date < "2026-11-30").map((d) => [d.date, d.status, d.slots.length])).toEqual([
      ["2026-11-23", "open", 0],
      ["2026-11-24", "closed", 0],
      ["2026-11-25", "open", 0],
      ["2026-11-26", "closed", 0],
      ["2026-11-27", "closed", 0],
      ["2026-11-28", "closed", 0],
      ["2026-11-29", "closed", 0],
    ]);
    const starts = body.days.flatMap((d) => d.slots.map((s) => Date.parse(s.start)));
    expect(starts.length).toBeGreaterThan(0);
    expect(starts.every((t) => t >= NOW.getTime())).toBe(true);
    // Wednesday 2 December is offered in full (09:00 … 12:30).
    expect(startsOf(body, "2026-12-02")).toHaveLength(8);
  });

  it("refuses an unknown topic and a bad range as the public route does", async () => {
    const { office, member } = await officeWithMember();
    const unknown = await staffCall(office, member, "GET", `/slots?${DAY}&topic=gibtsnicht`, undefined, { now: NOW });
    expect([unknown.status, ErrorBody.parse(await unknown.json()).error.code]).toEqual([400, "unknown_topic"]);
    const backwards = await staffCall(office, member, "GET", "/slots?from=2026-12-02&to=2026-11-30", undefined, { now: NOW });
    expect([backwards.status, ErrorBody.parse(await backwards.json()).error.code]).toEqual([400, "invalid_range"]);
  });

  it("answers 403 to a session of another office", async () => {
    const { office } = await officeWithMember();
    const stranger = await staffMember(await createOffice(), "staff", NOW);
    const res = await staffCall(office, stranger, "GET", `/slots?${DAY}&topic=fragen`, undefined, { now: NOW });
    expect([res.status, ErrorBody.parse(await res.json()).error.code]).toEqual([403, "forbidden"]);
  });
});
