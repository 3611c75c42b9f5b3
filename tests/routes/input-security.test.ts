import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { BookingCreated, RequestCreated } from "../../schemas/bookings";
import { ErrorBody } from "../../schemas/common";
import { SlotsResponse } from "../../schemas/slots";
import { bookingBody, NOW, tokenOf } from "../helpers/bookings";
import { createOffice, pairedDevice, staffMember, type Office, type StaffMember } from "../helpers/fixtures";
import { bookedOnline, requestedOnline } from "../helpers/staff-bookings";

/*
 * Input that cannot be bent (issue 9): through the real routes inside workerd, every field that holds an
 * e-mail address takes only one plain address and stores it in its one canonical form; one-line fields
 * take no control characters and multi-line fields no control character but the line break; every day
 * and instant lies from 2000-01-01 to 2100-12-31. Each refusal is a 400 naming the field, and the
 * database is the same afterwards. Last, odd values in every field of the public POST routes: never a 5xx.
 */

interface World {
  office: Office;
  admin: StaffMember;
  kioskToken: string;
  /** A booking of Monday 30 November 13:00 and the token of its manage link. */
  bookingId: string;
  manageToken: string;
  /** An open request "nach Vereinbarung". */
  requestId: string;
}

let w: World;

beforeAll(async () => {
  const office = await createOffice();
  const booked = await bookedOnline(office);
  const requested = await requestedOnline(office);
  w = {
    office,
    admin: await staffMember(office, "admin", NOW),
    kioskToken: await pairedDevice(office, "kiosk"),
    bookingId: booked.id,
    manageToken: tokenOf(booked.manageUrl),
    requestId: requested.id,
  };
});

let clients = 0;

/**
 * A request as the pages send them: same origin, JSON; `as` adds the staff session or the kiosk's token.
 * Each comes from a client of its own, so the sign-in throttle never answers in place of the route.
 */
function call(method: string, path: string, body?: unknown, as: "public" | "staff" | "kiosk" = "public"): Promise<Response> {
  const headers: Record<string, string> = { Origin: "http://localhost", "CF-Connecting-IP": `10.9.${++clients >> 8}.${clients & 255}` };
  if (as === "staff") headers.Cookie = w.admin.cookie;
  if (as === "kiosk") headers.Authorization = `Bearer ${w.kioskToken}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const init: RequestInit = { method, headers, ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }) };
  return w.office.request(`http://localhost${path}`, init, NOW);
}

const staff = (path: string) => `/api/staff/${w.office.slug}${path}`;

const requestBody = (overrides: Record<string, unknown> = {}) => ({
  topic: "fragen",
  name: "Ayşe Yılmaz",
  email: `ayse.${crypto.randomUUID().slice(0, 8)}@example.org`,
  preferredWeekdays: [3],
  preferredTimes: ["evening"],
  wish: "Nach der Arbeit",
  consent: true,
  ...overrides,
});

/** Every row an input route could write for the office (and the public audit rows of unknown addresses). */
async function snapshot(): Promise<unknown[]> {
  const id = w.office.id;
  const queries = [
    "SELECT * FROM locations WHERE id = ?1",
    "SELECT * FROM bookings WHERE location_id = ?1 ORDER BY id",
    "SELECT * FROM booking_seats WHERE location_id = ?1 ORDER BY unit_start_at, seat",
    "SELECT k.* FROM booking_tokens AS k JOIN bookings AS b ON b.id = k.booking_id WHERE b.location_id = ?1 ORDER BY k.token_hash",
    "SELECT e.* FROM booking_events AS e JOIN bookings AS b ON b.id = e.booking_id WHERE b.location_id = ?1 ORDER BY e.booking_id, e.sequence",
    "SELECT * FROM mail_outbox WHERE location_id = ?1 ORDER BY id",
    "SELECT * FROM queue_tickets WHERE location_id = ?1 ORDER BY id",
    "SELECT * FROM staff WHERE location_id = ?1 ORDER BY id",
    "SELECT l.* FROM staff_sign_in_links AS l JOIN staff AS s ON s.id = l.staff_id WHERE s.location_id = ?1 ORDER BY l.token_hash",
    "SELECT * FROM opening_rules WHERE location_id = ?1 ORDER BY id",
    "SELECT * FROM closures WHERE location_id = ?1 ORDER BY id",
    "SELECT * FROM topics WHERE location_id = ?1 ORDER BY id",
    "SELECT * FROM rooms WHERE location_id = ?1 ORDER BY id",
    "SELECT id, kind, label, revoked_at FROM devices WHERE location_id = ?1 ORDER BY id",
    "SELECT * FROM audit_events WHERE location_id = ?1 OR location_id IS NULL ORDER BY id",
  ];
  return (await env.DB.batch(queries.map((sql) => env.DB.prepare(sql).bind(id)))).map((r) => r.results);
}

/** Sends, and expects a 400 `invalid_request` naming `field` that left the database as it was; answers its message. */
async function expectRefused(send: () => Promise<Response>, field: string): Promise<string> {
  const before = await snapshot();
  const res = await send();
  const body = ErrorBody.parse(await res.json());
  expect({ status: res.status, code: body.error.code, field: body.error.field }).toEqual({ status: 400, code: "invalid_request", field });
  expect(await snapshot()).toEqual(before);
  return body.error.message;
}

// ---------------------------------------------------------------------------------------------------

/** Every form with an e-mail address: how to send `value` in its `email` field. */
const ADDRESS_FORMS: [string, (value: string) => Promise<Response>][] = [
  ["POST /api/bookings", (email) => call("POST", "/api/bookings", bookingBody({ email }))],
  ["POST /api/requests", (email) => call("POST", "/api/requests", requestBody({ email }))],
  ["POST /api/kiosk/bookings", (email) => call("POST", "/api/kiosk/bookings", bookingBody({ email }), "kiosk")],
  ["POST /api/kiosk/requests", (email) => call("POST", "/api/kiosk/requests", requestBody({ email }), "kiosk")],
  ["POST staff bookings (phone)", (email) => call("POST", staff("/bookings"), { topic: "fragen", start: "2026-11-30T15:00:00+01:00", name: "Erika Müller", email }, "staff")],
  ["POST staff admin/staff (accounts)", (email) => call("POST", staff("/admin/staff"), { email, name: "Neue Kollegin" }, "staff")],
  ["POST /api/auth/link (sign-in link)", (email) => call("POST", "/api/auth/link", { email })],
  ["PUT staff admin/settings/office", (email) => call("PUT", staff("/admin/settings/office"), { email }, "staff")],
];

/** What mailers read as something else than the one mailbox, and what hides a second mailbox from the cap. */
const ODD_ADDRESSES = [
  "x,b@example.org",
  "a;b@example.org",
  "e(c)@example.org",
  "a\u0000b@example.org",
  "v@example.org,",
  "<v@example.org>",
  "Vera <v@example.org>",
  '"Vera" <v@example.org>',
  '"v"@example.org',
  "v @example.org",
  "v@example.org\r\nBcc: x@evil.example",
  "v\u200b@example.org",
  "v@example.org (Vera)",
  "v@exa_mple.org",
  "v@1.2.3.4",
  "v@[127.0.0.1]",
];

describe("e-mail addresses: one plain address, in one form", () => {
  it.each(ADDRESS_FORMS)("%s refuses every odd address with a 400 naming email, changing nothing", async (_form, send) => {
    for (const address of ODD_ADDRESSES) {
      expect(await expectRefused(() => send(address), "email")).toBe("email: expected one plain e-mail address such as name@example.org");
    }
  });

  it.each([
    ["vera.cap", ["vera.cap@example.org", " VERA.CAP@Example.ORG ", "Vera.Cap@EXAMPLE.org\t"]],
    ["jörg", ["jörg@bücher.de", "JÖRG@XN--BCHER-KVA.DE", "jo\u0308rg@Bücher.de"]],
  ])("the cap of 2 active bookings holds across case, white-space and IDN variants of %s", async (_who, [first, second, third]) => {
    const office = await createOffice();
    const post = (path: string, body: unknown) =>
      office.request(`http://localhost${path}`, { method: "POST", headers: { "Content-Type": "application/json", Origin: "http://localhost" }, body: JSON.stringify(body) }, NOW);
    const booked = BookingCreated.parse(await (await post("/api/bookings", bookingBody({ email: first }))).json());
    const requested = RequestCreated.parse(await (await post("/api/requests", requestBody({ email: second }))).json());
    const stored = await env.DB.prepare("SELECT DISTINCT email FROM bookings WHERE id IN (?1, ?2)").bind(booked.id, requested.id).all();
    expect(stored.results).toHaveLength(1);

    const res = await post("/api/bookings", bookingBody({ email: third, start: "2026-11-30T14:00:00+01:00" }));
    const body = ErrorBody.parse(await res.json());
    expect({ status: res.status, code: body.error.code, field: body.error.field }).toEqual({ status: 409, code: "too_many_bookings", field: "email" });
    const count = await env.DB.prepare("SELECT count(*) AS n FROM bookings WHERE location_id = ?1").bind(office.id).first();
    expect(count).toEqual({ n: 2 });
  });

  it("a staff account's address is stored canonically, and a sign-in link can be asked for with any variant of it", async () => {
    const res = await call("POST", staff("/admin/staff"), { email: "  Neu.Kollegin@BÜCHER.de ", name: "Neue Kollegin" }, "staff");
    expect(res.status).toBe(201);
    const row = await env.DB.prepare("SELECT email FROM staff WHERE location_id = ?1 AND name = 'Neue Kollegin'").bind(w.office.id).first();
    expect(row).toEqual({ email: "neu.kollegin@xn--bcher-kva.de" });

    expect((await call("POST", "/api/auth/link", { email: "NEU.KOLLEGIN@bücher.DE" })).status).toBe(202);
    const mail = await env.DB.prepare("SELECT to_address FROM mail_outbox WHERE kind = 'staff_sign_in' AND location_id = ?1").bind(w.office.id).first();
    expect(mail).toEqual({ to_address: "neu.kollegin@xn--bcher-kva.de" });
  });
});

// ---------------------------------------------------------------------------------------------------

/** Every one-line text field: its form, the field the error names, and how to send `value` in it. */
const LINE_FIELDS: [string, string, (value: string) => Promise<Response>][] = [
  ["POST /api/bookings", "name", (name) => call("POST", "/api/bookings", bookingBody({ name }))],
  ["POST /api/bookings", "phone", (phone) => call("POST", "/api/bookings", bookingBody({ phone: `0831 ${phone}` }))],
  ["POST /api/requests", "name", (name) => call("POST", "/api/requests", requestBody({ name }))],
  ["POST /api/kiosk/bookings", "name", (name) => call("POST", "/api/kiosk/bookings", bookingBody({ name }), "kiosk")],
  ["POST /api/kiosk/requests", "name", (name) => call("POST", "/api/kiosk/requests", requestBody({ name }), "kiosk")],
  ["POST staff bookings", "name", (name) => call("POST", staff("/bookings"), { topic: "fragen", start: "2026-11-30T15:00:00+01:00", name }, "staff")],
  ["POST staff admin/staff", "name", (name) => call("POST", staff("/admin/staff"), { email: "kollege@example.org", name }, "staff")],
  ...(["name", "shortName", "street", "postalCode", "city", "phone"] as const).map(
    (field) => ["PUT staff admin/settings/office", field, (value: string) => call("PUT", staff("/admin/settings/office"), { [field]: value }, "staff")] as [string, string, (value: string) => Promise<Response>],
  ),
  ["POST staff admin/closures", "reasonDe", (reasonDe) => call("POST", staff("/admin/closures"), { firstDay: "2026-12-07", lastDay: "2026-12-07", reasonDe }, "staff")],
  ["POST staff admin/closures", "reasonEn", (reasonEn) => call("POST", staff("/admin/closures"), { firstDay: "2026-12-07", lastDay: "2026-12-07", reasonDe: "Fortbildung", reasonEn }, "staff")],
  ["POST staff admin/topics", "label.de", (de) => call("POST", staff("/admin/topics"), { key: "neu", label: { de, en: "New" }, audience: "everyone", durationMinutes: 30 }, "staff")],
  ["POST staff admin/topics", "label.en", (en) => call("POST", staff("/admin/topics"), { key: "neu", label: { de: "Neu", en }, audience: "everyone", durationMinutes: 30 }, "staff")],
  ["POST staff admin/rooms", "name", (name) => call("POST", staff("/admin/rooms"), { name }, "staff")],
  ["POST staff admin/devices", "label", (label) => call("POST", staff("/admin/devices"), { kind: "kiosk", label }, "staff")],
];

/** A line break that would start a line of its own in a mail, and what reorders or hides text. */
const NOT_ONE_LINE = [
  "Erika\r\nBcc: x@evil.example",
  "Erika\nMüller",
  "Erika\rMüller",
  "Erika\u0000",
  "Erika\tMüller",
  "Erika\u001b[2J",
  "Erika\u007f",
  "Erika\u0085Müller",
  "Erika\u2028Müller",
  "Erika\u2029Müller",
  "\u202eErika",
  "Erika \u2066Müller\u2069",
  "Erika\ud800",
];

/** Every multi-line text field: its form, the field the error names, and how to send `value` in it. */
const TEXT_FIELDS: [string, string, (value: string) => Promise<Response>][] = [
  ["POST /api/bookings", "note", (note) => call("POST", "/api/bookings", bookingBody({ note }))],
  ["POST /api/requests", "wish", (wish) => call("POST", "/api/requests", requestBody({ wish }))],
  ["POST /api/kiosk/bookings", "note", (note) => call("POST", "/api/kiosk/bookings", bookingBody({ note }), "kiosk")],
  ["POST staff bookings", "note", (note) => call("POST", staff("/bookings"), { topic: "fragen", start: "2026-11-30T15:00:00+01:00", name: "Erika Müller", note }, "staff")],
  ["POST staff bookings/:id/cancel", "message", (message) => call("POST", staff(`/bookings/${w.bookingId}/cancel`), { message }, "staff")],
  ["POST staff requests/:id/propose", "message", (message) => call("POST", staff(`/requests/${w.requestId}/propose`), { times: ["2026-11-30T15:00:00+01:00"], message }, "staff")],
  ["POST staff requests/:id/proposals/withdraw", "message", (message) => call("POST", staff(`/requests/${w.requestId}/proposals/withdraw`), { proposals: ["p1"], message }, "staff")],
  ["POST staff requests/:id/decline", "message", (message) => call("POST", staff(`/requests/${w.requestId}/decline`), { message }, "staff")],
  ["POST staff admin/topics", "description.de", (de) => call("POST", staff("/admin/topics"), { key: "neu", label: { de: "Neu", en: "New" }, description: { de, en: "" }, audience: "everyone", durationMinutes: 30 }, "staff")],
];

const NOT_TEXT = ["Zeile 1\nZeile 2\u0000", "Zeile\u000bzwei", "Zeile\tzwei", "Zeile\u0085zwei", "Zeile\u2028zwei", "\u202eZeile", "Zeile\u001b[2J", "Zeile\udfffzwei"];

describe("text fields: one line where one line is meant, no control characters anywhere", () => {
  it.each(LINE_FIELDS)("%s refuses a %s with a line break or control character, changing nothing", async (_form, field, send) => {
    for (const value of NOT_ONE_LINE) await expectRefused(() => send(value), field);
  });

  it.each(TEXT_FIELDS)("%s refuses a %s with a control character other than the line break, changing nothing", async (_form, field, send) => {
    for (const value of NOT_TEXT) await expectRefused(() => send(value), field);
  });

  it("keeps the line breaks of a note and a wish, as LF whatever the client sent", async () => {
    const booked = BookingCreated.parse(await (await call("POST", "/api/bookings", bookingBody({ start: "2026-12-02T09:00:00+01:00", note: "Zeile 1\r\nZeile 2\rZeile 3\n" }))).json());
    const requested = RequestCreated.parse(await (await call("POST", "/api/requests", requestBody({ wish: "\r\nAbends\r\nnach 18 Uhr" }))).json());
    const rows = await env.DB.prepare("SELECT note, wish FROM bookings WHERE id IN (?1, ?2) ORDER BY kind").bind(booked.id, requested.id).all();
    expect(rows.results).toEqual([
      { note: null, wish: "Abends\nnach 18 Uhr" },
      { note: "Zeile 1\nZeile 2\nZeile 3", wish: null },
    ]);
  });

  it("a multi-line wish and staff message cannot pose as fields of the text mail: every line of them is indented", async () => {
    const forged = "Abends\r\nIhr Code: ZZZZZ\r\nBcc: x@evil.example";
    const requested = RequestCreated.parse(await (await call("POST", "/api/requests", requestBody({ wish: forged }))).json());
    expect((await call("POST", staff(`/requests/${requested.id}/decline`), { message: forged }, "staff")).status).toBe(200);

    const { results } = await env.DB.prepare("SELECT kind, text_body FROM mail_outbox WHERE booking_id = ?1 ORDER BY created_at, rowid")
      .bind(requested.id)
      .all<{ kind: string; text_body: string }>();
    expect(results.map((r) => r.kind)).toEqual(["request_received", "request_declined"]);
    for (const { text_body: text } of results) {
      expect(text).toContain("Ihr Wunsch: Abends\n  Ihr Code: ZZZZZ\n  Bcc: x@evil.example");
      expect(text.split("\n").filter((line) => /^(Ihr Code|Bcc):/.test(line))).toEqual([]);
    }
    expect(results[1]!.text_body).toContain("Nachricht vom Büro:\n  Abends\n  Ihr Code: ZZZZZ\n  Bcc: x@evil.example");
  });
});

// ---------------------------------------------------------------------------------------------------

/** Every day and instant input: the field the error names, and how to send `value` in it. */
const DAY_INPUTS: [string, string, (value: string) => Promise<Response>][] = [
  ["GET /api/slots", "from", (day) => call("GET", `/api/slots?from=${day}&to=2026-12-01`)],
  ["GET /api/slots", "to", (day) => call("GET", `/api/slots?from=2026-11-30&to=${day}`)],
  ["GET staff slots", "from", (day) => call("GET", staff(`/slots?from=${day}&to=${day}`), undefined, "staff")],
  ["GET staff board", "day", (day) => call("GET", staff(`/board?day=${day}`), undefined, "staff")],
  ["POST staff admin/closures", "firstDay", (day) => call("POST", staff("/admin/closures"), { firstDay: day, lastDay: "2026-12-07", reasonDe: "Fortbildung" }, "staff")],
  ["POST staff admin/closures", "lastDay", (day) => call("POST", staff("/admin/closures"), { firstDay: "2026-12-07", lastDay: day, reasonDe: "Fortbildung" }, "staff")],
  ["PUT staff admin/settings/opening-hours", "validFrom", (day) => call("PUT", staff("/admin/settings/opening-hours"), { validFrom: day, rules: [] }, "staff")],
];

const INSTANT_INPUTS: [string, string, (value: string) => Promise<Response>][] = [
  ["POST /api/bookings", "start", (start) => call("POST", "/api/bookings", bookingBody({ start }))],
  ["POST /api/kiosk/bookings", "start", (start) => call("POST", "/api/kiosk/bookings", bookingBody({ start }), "kiosk")],
  ["POST manage/:token/reschedule", "start", (start) => call("POST", `/api/bookings/manage/${w.manageToken}/reschedule`, { start })],
  ["POST staff bookings", "start", (start) => call("POST", staff("/bookings"), { topic: "fragen", start, name: "Erika Müller" }, "staff")],
  ["POST staff bookings/:id/move", "start", (start) => call("POST", staff(`/bookings/${w.bookingId}/move`), { start }, "staff")],
  ["POST staff requests/:id/propose", "times.1", (start) => call("POST", staff(`/requests/${w.requestId}/propose`), { times: ["2026-11-30T15:00:00+01:00", start] }, "staff")],
];

/** Years that Date.UTC reads as 1900–1999, and the first days outside 2000-01-01 … 2100-12-31. */
const FAR_DAYS = ["0000-02-27", "0001-01-01", "0099-12-31", "1900-03-01", "1999-12-31", "2101-01-01", "9999-12-31"];

describe("days and instants from 2000-01-01 to 2100-12-31", () => {
  it.each(DAY_INPUTS)("%s refuses a far %s with a 400 naming it, changing nothing", async (_form, field, send) => {
    for (const day of FAR_DAYS) await expectRefused(() => send(day), field);
  });

  it.each(INSTANT_INPUTS)("%s refuses a far %s with a 400 naming it, changing nothing", async (_form, field, send) => {
    for (const day of FAR_DAYS) await expectRefused(() => send(`${day}T10:00:00+01:00`), field);
  });

  it("answers the issue's range from=0000-02-27&to=0000-03-02 with a 400 naming from, not with days of 1900", async () => {
    const res = await call("GET", "/api/slots?from=0000-02-27&to=0000-03-02");
    expect(res.status).toBe(400);
    expect(ErrorBody.parse(await res.json()).error).toMatchObject({ code: "invalid_request", field: "from", message: "from: must be a day from 2000-01-01 to 2100-12-31" });
  });

  it("reads stored days outside the range as they are: hours valid since 1990 still give slots", async () => {
    const office = await createOffice();
    await env.DB.prepare("UPDATE opening_rules SET valid_from = '1990-01-01' WHERE location_id = ?1").bind(office.id).run();
    const res = await office.request("http://localhost/api/slots?from=2026-11-30&to=2026-11-30", undefined, NOW);
    expect(res.status).toBe(200);
    expect(SlotsResponse.parse(await res.json()).days[0]!.slots.length).toBeGreaterThan(0);
  });

  it.each([
    ["2000-01-01", "2000-01-03"],
    ["2100-12-30", "2100-12-31"],
  ])("answers the days of %s to %s themselves at the ends of the range", async (from, to) => {
    const res = await call("GET", `/api/slots?from=${from}&to=${to}`);
    expect(res.status).toBe(200);
    const { days } = SlotsResponse.parse(await res.json());
    expect(days[0]!.date).toBe(from);
    expect(days.at(-1)!.date).toBe(to);
  });
});

// ---------------------------------------------------------------------------------------------------

/** Values no form sends: odd strings, other JSON types, and sizes. */
const ODD_VALUES: unknown[] = [
  "", " ", "\u0000", "\r\n", "\ud800", "\u202e", "🙂", "x".repeat(5_000), "0000-01-01", "2026-02-30", "9999-99-99",
  "2026-11-30T13:00:00+99:00", "NaN", "-1", "1e309", "<script>alert(1)</script>", "'; DROP TABLE bookings; --",
  "../../etc/passwd", "%00", "__proto__", "toString",
  null, 0, -1, 1.5, 1e308, true, [], [null], {}, { __proto__: { admin: true } }, ["x".repeat(100)],
];

/** The public POST routes (no staff session), each with a body it accepts. */
const PUBLIC_POSTS: [string, () => Record<string, unknown>, "public" | "kiosk"][] = [
  ["/api/bookings", () => bookingBody({ start: "2026-12-09T10:00:00+01:00" }), "public"],
  ["/api/requests", () => requestBody(), "public"],
  ["/api/kiosk/bookings", () => bookingBody({ start: "2026-12-09T10:30:00+01:00" }), "kiosk"],
  ["/api/kiosk/requests", () => requestBody(), "kiosk"],
  ["/api/kiosk/tickets", () => ({ topic: "fragen" }), "kiosk"],
  ["/api/kiosk/checkin", () => ({ code: "ACDEFG" }), "kiosk"],
  ["/api/auth/link", () => ({ email: "niemand@example.org" }), "public"],
  ["/api/auth/link/redeem", () => ({ token: "A".repeat(43) }), "public"],
  ["/api/auth/passkey/verify", () => ({ challengeId: crypto.randomUUID(), response: { id: "AA", rawId: "AA", type: "public-key", response: { clientDataJSON: "", authenticatorData: "", signature: "" }, clientExtensionResults: {} } }), "public"],
  ["/api/devices/pair", () => ({ code: "ACDEFGHJ" }), "public"],
  ["/api/bookings/manage/TOKEN/reschedule", () => ({ start: "2026-12-02T10:00:00+01:00" }), "public"],
  ["/api/bookings/manage/TOKEN/cancel", () => ({}), "public"],
];

function isErrorBody(text: string): boolean {
  try {
    return ErrorBody.safeParse(JSON.parse(text)).success;
  } catch {
    return false;
  }
}

describe("no 5xx from anything an outside client can send", () => {
  it.each(PUBLIC_POSTS)("POST %s: odd values in every field, and odd bodies", { timeout: 120_000 }, async (template, valid, as) => {
    const path = template.replace("TOKEN", w.manageToken);
    const failures: string[] = [];
    const send = async (body: string) => {
      const res = await call("POST", path, body, as);
      const text = await res.text();
      // A refusal keeps the one error shape; anything else (a 5xx, an HTML page) is a failure.
      const shaped = res.status < 400 || isErrorBody(text);
      if (res.status >= 500 || !shaped) failures.push(`${body.slice(0, 120)} → ${res.status} ${text.slice(0, 120)}`);
    };
    for (const field of Object.keys(valid())) {
      for (const value of ODD_VALUES) await send(JSON.stringify({ ...valid(), [field]: value }));
    }
    for (const value of ODD_VALUES) await send(JSON.stringify({ ...valid(), [String(value).slice(0, 40)]: value }));
    for (const body of ODD_VALUES) await send(JSON.stringify(body));
    for (const body of ["", "{", "[[[[", '{"a":', `${"[".repeat(5_000)}${"]".repeat(5_000)}`, JSON.stringify({ ...valid(), extra: { deep: [1, { x: "\u0000" }] } })]) {
      await send(body);
    }
    expect(failures).toEqual([]);
  });

  it.each([
    ["slots in the years 0000", "/api/slots?from=0000-02-27&to=0000-03-02"],
    ["slots of a NUL topic", "/api/slots?from=2026-11-30&to=2026-11-30&topic=%00"],
    ["slots with from twice and no day in to", "/api/slots?from=2026-11-30&from=2026-12-01&to=x"],
    ["slots with an emoji and a bidi override as days", "/api/slots?from=%F0%9F%99%82&to=%E2%80%AE"],
    ["slots with an unknown parameter", "/api/slots?from=2026-11-30&to=2026-11-30&extra=1"],
    ["the location of a NUL office", "/api/location?office=%00"],
    ["the location of ../..", "/api/location?office=..%2F.."],
    ["a NUL status token", "/api/status/%00"],
    ["a status token of 5000 characters", `/api/status/${"A".repeat(5_000)}`],
    ["a manage token that is a bidi override", "/api/bookings/manage/%E2%80%AE"],
    ["the invite of a manage token of 5000 characters", `/api/bookings/manage/${"A".repeat(5_000)}/invite.ics`],
  ])("GET %s answers below 500", async (_what, path) => {
    const res = await call("GET", path);
    expect(res.status).toBeLessThan(500);
  });
});
