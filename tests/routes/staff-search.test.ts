import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { CODE_ALPHABET } from "../../common/limits";
import { ErrorBody } from "../../schemas/common";
import { BoardSearchResult, MAX_SEARCH_HITS } from "../../schemas/staff-search";
import { eraseBookings } from "../../worker/db/erasure";
import { SCAN_SQL } from "../../worker/db/data-subjects";
import { createOffice, type Office } from "../helpers/fixtures";
import { OPEN, signedIn, type Staff } from "./staff-queue-support";
import { auditRows } from "./staff-settings-support";

/*
 * The staff board's search (issue 11 item 2), `POST /api/staff/:office/search {query}`: the office's
 * bookings and requests that are not erased, any day, by name (exactly, by a word or the start of the
 * last one, with one typo in a longer word), e-mail address, phone number in any notation and check-in
 * code; nearest first, at most MAX_SEARCH_HITS; another office's people and erased rows never; every
 * search audited without its text. The clock is held at Monday 30 November 2026, 14:00 in Kempten.
 */

let codes = 0;

interface Person {
  name: string | null;
  email?: string | null;
  phone?: string | null;
  /** UTC ISO; null for a request "nach Vereinbarung" without a time. */
  start?: string | null;
  status?: string;
  createdAt?: string;
}

/** A booking (or, without `start`, a request) of `office`, written straight into D1; returns id and code. */
async function person(office: Office, p: Person): Promise<{ id: string; code: string }> {
  const id = crypto.randomUUID();
  let n = ++codes;
  let code = "";
  for (let i = 0; i < 6; i++, n = Math.floor(n / CODE_ALPHABET.length)) code = CODE_ALPHABET[n % CODE_ALPHABET.length] + code;
  const start = p.start === undefined ? "2026-12-02T08:00:00.000Z" : p.start;
  const end = start === null ? null : new Date(Date.parse(start) + 30 * 60_000).toISOString();
  await env.DB.prepare(
    `INSERT INTO bookings (id, location_id, kind, status, topic_id, starts_at, ends_at, name, email, phone, code, created_at, updated_at)
     SELECT ?1, ?2, ?3, ?4, t.id, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11 FROM topics AS t WHERE t.location_id = ?2 AND t.key = 'fragen'`,
  )
    .bind(
      id,
      office.id,
      start === null ? "request" : "slot",
      p.status ?? (start === null ? "requested" : "confirmed"),
      start,
      end,
      p.name,
      p.email ?? null,
      p.phone ?? null,
      code,
      p.createdAt ?? "2026-11-20T10:00:00.000Z",
    )
    .run();
  return { id, code };
}

async function search(staff: Staff, query: string): Promise<BoardSearchResult> {
  const res = await staff.post("/search", { query });
  expect(res.status, await res.clone().text()).toBe(200);
  return BoardSearchResult.parse(await res.json());
}

const ids = (r: BoardSearchResult) => r.hits.map((h) => h.bookingId);

describe("POST /search finds", () => {
  it("by e-mail address, check-in code and phone number, written as stored or otherwise", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const ayse = await person(office, { name: "Ayşe Yılmaz", email: "ayse@example.org", phone: "+49 831 123-45" });
    await person(office, { name: "Jemand Anderes", email: "jemand@example.org", phone: "0831 54321" });

    for (const [query, key] of [
      ["ayse@example.org", "email"],
      ["AYSE@Example.ORG", "email"],
      [ayse.code, "code"],
      [ayse.code.toLowerCase(), "code"],
      ["0831 12345", "phone"],
      ["0049 (831) 123 45", "phone"],
    ] as const) {
      const found = await search(staff, query);
      expect(ids(found), query).toEqual([ayse.id]);
      expect(found.hits[0]!.matchedBy, query).toEqual([key]);
    }
  });

  it("by name: exactly, by one of its words in any case and accents, by the start of the last word typed", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const juergen = await person(office, { name: "Jürgen Müller-Groß" });
    await person(office, { name: "Jana Bergmann" });
    for (const query of ["Jürgen Müller-Groß", "juergen mueller-gross", "Müller Jürgen", "GROSS", "Jürgen Mül", "Mül"]) {
      expect(ids(await search(staff, query)), query).toEqual([juergen.id]);
    }
    // Partial only as the start of the last word, from three letters on.
    for (const query of ["ller", "Mü", "Jürg Müller"]) expect(ids(await search(staff, query)), query).toEqual([]);
  });

  it("by name with one typo in a longer word, never two", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const schmidt = await person(office, { name: "Ingrid Schmidt" });
    const meier = await person(office, { name: "Hans Meier" });
    expect(ids(await search(staff, "Schmitt"))).toEqual([schmidt.id]);
    expect(ids(await search(staff, "Ingrdi Schmdit"))).toEqual([schmidt.id]);
    expect(ids(await search(staff, "Meyer"))).toEqual([meier.id]);
    expect(ids(await search(staff, "Schmitz"))).toEqual([]);
    expect(ids(await search(staff, "Hans Mayer"))).toEqual([]);
  });

  it("answers day, time, topic and status; a request without a time has no day", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const booked = await person(office, { name: "Olga Termin", start: "2026-12-02T08:30:00.000Z" });
    const asked = await person(office, { name: "Olga Anfrage", start: null });
    const found = await search(staff, "Olga");
    expect(found.keys).toEqual(["name"]);
    expect(found.truncated).toBe(false);
    expect(found.hits).toEqual([
      {
        bookingId: booked.id,
        kind: "slot",
        status: "confirmed",
        day: "2026-12-02",
        start: "2026-12-02T09:30:00+01:00",
        end: "2026-12-02T10:00:00+01:00",
        topic: { key: "fragen", label: { de: "Thema fragen", en: "Topic fragen" } },
        name: "Olga Termin",
        email: null,
        phone: null,
        code: booked.code,
        matchedBy: ["name"],
      },
      expect.objectContaining({ bookingId: asked.id, kind: "request", status: "requested", day: null, start: null, end: null }),
    ]);
  });

  it("nearest first: today and the coming days soonest first, then open requests newest first, then the past newest first", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const at = (start: string | null, extra: Partial<Person> = {}) => person(office, { name: "Berta Reihe", start, ...extra });
    const lastYear = await at("2025-11-30T12:00:00.000Z");
    const nextWeek = await at("2026-12-07T12:00:00.000Z");
    const thisMorning = await at("2026-11-30T08:00:00.000Z", { status: "completed" }); // today, before now: still today
    const lastWeek = await at("2026-11-23T12:00:00.000Z", { status: "no_show" });
    const oldRequest = await at(null, { createdAt: "2026-11-01T10:00:00.000Z" });
    const newRequest = await at(null, { createdAt: "2026-11-28T10:00:00.000Z" });
    const declined = await at(null, { status: "declined", createdAt: "2026-11-29T10:00:00.000Z" });
    const tomorrow = await at("2026-12-01T09:00:00.000Z");
    expect(ids(await search(staff, "Berta Reihe"))).toEqual([
      thisMorning.id,
      tomorrow.id,
      nextWeek.id,
      newRequest.id,
      oldRequest.id,
      declined.id,
      lastWeek.id,
      lastYear.id,
    ]);
  });

  it(`at most ${MAX_SEARCH_HITS}, the nearest, and says there were more`, async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const made: string[] = [];
    for (let i = 0; i < MAX_SEARCH_HITS + 3; i++) {
      made.push((await person(office, { name: "Viele Gleich", start: new Date(Date.parse("2026-12-01T08:00:00.000Z") + i * 86_400_000).toISOString() })).id);
    }
    const found = await search(staff, "Viele Gleich");
    expect(found.truncated).toBe(true);
    expect(ids(found)).toEqual(made.slice(0, MAX_SEARCH_HITS));
  });
});

describe("POST /search never finds", () => {
  it("another office's people, whatever the key", async () => {
    const office = await createOffice();
    const other = await createOffice();
    const staff = await signedIn(office);
    const theirs = await person(other, { name: "Fremde Person", email: "fremd@example.org", phone: "0831 99999" });
    for (const query of ["Fremde Person", "fremd@example.org", "0831 99999", theirs.code]) {
      expect(await search(staff, query), query).toEqual({ keys: expect.any(Array), hits: [], truncated: false });
    }
  });

  it("erased rows, and reads none of them (the office's rows not erased only)", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const kept = await person(office, { name: "Erika Bleibt", email: "erika@example.org" });
    const gone = await person(office, { name: "Erika Geht", email: "erika@example.org", phone: "0831 77777", start: "2026-10-01T08:00:00.000Z", status: "completed" });
    for (let i = 0; i < 30; i++) await person(office, { name: `Alt ${i}`, start: "2026-09-01T08:00:00.000Z", status: "completed" });
    await env.DB.batch(eraseBookings(env.DB, [gone.id], OPEN));
    await env.DB.prepare("UPDATE bookings SET erased_at = ?2 WHERE location_id = ?1 AND name LIKE 'Alt %'").bind(office.id, OPEN.toISOString()).run();

    expect(ids(await search(staff, "Erika"))).toEqual([kept.id]);
    expect(ids(await search(staff, "erika@example.org"))).toEqual([kept.id]);
    for (const query of ["0831 77777", gone.code, "Erika Geht"]) expect(ids(await search(staff, query)), query).toEqual([]);

    // The search pages through the same scan as the data subjects' search (db/data-subjects.ts), which
    // walks the office's rows that are not erased: it reads the one kept row, not the 31 erased ones.
    const { results, meta } = await env.DB.prepare(SCAN_SQL).bind(office.id, 0, 5_000).all();
    expect(results.map((r) => r.id)).toEqual([kept.id]);
    expect(meta.rows_read).toBeLessThan(5);
  });
});

describe("POST /search is audited and checked", () => {
  it("writes an audit row with the kinds of key and the rows listed, never the text", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const anna = await person(office, { name: "Anna Audit", email: "anna.audit@example.org" });
    await search(staff, "Anna Audit");
    await search(staff, "nobody@example.org");
    const rows = (await auditRows(office)).filter((r) => r.action === "board.search");
    expect(rows.map((r) => [r.actor_kind, r.actor_id, r.subject_kind, r.detail])).toEqual([
      ["staff", String(staff.id), null, { keys: ["name"], bookings: [anna.id] }],
      ["staff", String(staff.id), null, { keys: ["email"], bookings: [] }],
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/Anna|nobody/);
  });

  it.each([
    [{ query: "a" }, "query"],
    [{ query: "" }, "query"],
    [{ query: "!!" }, "query"],
    [{ query: "x".repeat(201) }, "query"],
    [{ query: "Anna\u0007" }, "query"],
    [{ query: "Anna", day: "2026-11-30" }, undefined],
    [{}, "query"],
  ])("%j: 400, nothing audited", async (body, field) => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const res = await staff.post("/search", body);
    expect(res.status).toBe(400);
    const error = ErrorBody.parse(await res.json()).error;
    if (field) expect(error.field).toBe(field);
    expect((await auditRows(office)).filter((r) => r.action === "board.search")).toEqual([]);
  });

  it("takes the text in a body only: a GET with ?query= is no route", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    expect((await staff.get("/search?query=Anna")).status).toBe(404);
  });
});
