import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { DataSubjectRecord } from "../../schemas/data-subjects";
import { NOW } from "../helpers/bookings";
import { createOffice } from "../helpers/fixtures";
import { bookedOnline, requestedOnline } from "../helpers/staff-bookings";
import { AFTER, personWithTraces, search, selection } from "./data-subjects-support";
import { expectError, signedInAdmin, snapshot } from "./staff-settings-support";

/*
 * Refusals of the data-subject routes: bad input is a 400 naming the field, an active booking a 409
 * naming it, an id the office does not have a 404; each changes nothing.
 */

/** What an erasure would change: the personal columns and the links. */
async function personalState(officeId: number) {
  const { results } = await env.DB.prepare(
    `SELECT b.id, b.name, b.email, b.code, b.erased_at, (SELECT count(*) FROM booking_tokens WHERE booking_id = b.id) AS links,
            (SELECT group_concat(to_address || subject) FROM mail_outbox WHERE booking_id = b.id) AS mails
     FROM bookings AS b WHERE location_id = ?1 ORDER BY id`,
  )
    .bind(officeId)
    .all();
  return results;
}

describe("search refusals", () => {
  it.each<[string, unknown, string]>([
    ["no query", {}, "query"],
    ["a query of one character", { query: "a" }, "query"],
    ["a query too long", { query: "a".repeat(201) }, "query"],
    ["a query with a line break", { query: "ayse\nyilmaz" }, "query"],
    ["a query that is no key (an @ without an address)", { query: "@@" }, "query"],
    ["an unknown field", { query: "Ayşe", kind: "name" }, "kind"],
  ])("%s → 400 naming the field", async (_, body, field) => {
    const office = await createOffice();
    const admin = await signedInAdmin(office, "admin", AFTER);
    await expectError(await admin.post("/admin/data-subjects/search", body), 400, "invalid_request", field);
  });

  it("refuses a body that is not JSON", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office, "admin", AFTER);
    await expectError(await admin.post("/admin/data-subjects/search", "query=x"), 400, "invalid_request");
  });
});

describe("selection refusals", () => {
  it.each<[string, string, string]>([
    ["nothing selected", "", "bookings"],
    ["an id with odd characters", "booking=a%27b", "bookings.0"],
    ["an unknown parameter", "booking=abc&q=Ayse", "q"],
  ])("GET record with %s → 400", async (_, query, field) => {
    const office = await createOffice();
    const admin = await signedInAdmin(office, "admin", AFTER);
    for (const path of ["record", "export.json", "export.html"]) {
      await expectError(await admin.get(`/admin/data-subjects/${path}?${query}`), 400, "invalid_request", field);
    }
  });

  it("refuses more than 200 ids", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office, "admin", AFTER);
    const ids = Array.from({ length: 201 }, (_, i) => `b${i}`);
    await expectError(await admin.post("/admin/data-subjects/erase", { bookings: ids }), 400, "invalid_request", "bookings");
  });

  it("leaves out ids the office does not have when viewing", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office, "admin", AFTER);
    const res = await admin.get(`/admin/data-subjects/record?${selection(["no-such-booking"], ["no-such-mail"])}`);
    expect(res.status).toBe(200);
    expect(DataSubjectRecord.parse(await res.json())).toMatchObject({ bookings: [], mails: [] });
  });
});

describe("erase refusals", () => {
  it("refuses an active future booking with 409 naming it, and erases nothing of the selection", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office, "admin", NOW);
    const p = await personWithTraces(office);
    const future = await bookedOnline(office, { start: "2026-12-02T10:00:00+01:00", email: p.email, name: p.name });
    const before = await personalState(office.id);
    // The withdrawn request may go; the appointment of 2 December still holds its seat.
    await expectError(await admin.post("/admin/data-subjects/erase", { bookings: [p.requestId, future.id] }, NOW), 409, "booking_active", "bookings.1");
    expect(await personalState(office.id)).toEqual(before);
  });

  it("refuses an open request (decline or let it be withdrawn first)", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office, "admin", AFTER);
    const open = await requestedOnline(office);
    await expectError(await admin.post("/admin/data-subjects/erase", { bookings: [open.id] }, AFTER), 409, "booking_active", "bookings.0");
  });

  it("refuses ids the office does not have with 404, changing nothing", async () => {
    const office = await createOffice();
    const elsewhere = await createOffice();
    const admin = await signedInAdmin(office, "admin", AFTER);
    const p = await personWithTraces(office);
    const theirs = await personWithTraces(elsewhere);
    const before = [await snapshot(office), await personalState(office.id), await personalState(elsewhere.id)];
    await expectError(await admin.post("/admin/data-subjects/erase", { bookings: [p.bookingId, theirs.bookingId] }), 404, "not_found", "bookings.1");
    await expectError(await admin.post("/admin/data-subjects/erase", { mails: [theirs.looseMailId] }), 404, "not_found", "mails.0");
    expect([await snapshot(office), await personalState(office.id), await personalState(elsewhere.id)]).toEqual(before);
    expect((await search(admin, p.email)).bookings).toHaveLength(2);
  });
});
