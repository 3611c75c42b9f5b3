import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { Me } from "../../schemas/auth";
import { ErrorBody } from "../../schemas/common";
import { FAILURES_ALLOWED } from "../../worker/auth/throttle";
import { sha256Hex } from "../../worker/random";
import { post } from "../helpers/bookings";
import { createOffice, staffMember, type Office } from "../helpers/fixtures";
import { CONCURRENCY } from "../helpers/timeouts";

/*
 * Sign-in links and sessions: a link works once and for 15 minutes, every sign-in starts a new session
 * (the browser's old one ends), sign-out ends it at once, and sessions end after 2 hours idle or 10
 * hours after sign-in. Only what a person does counts as use (a change, the page load's /api/auth/me),
 * not the board's background reads. The clock is held: every request passes its own `now`.
 */

const T0 = new Date("2026-11-30T08:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let ipCounter = 0;
/** A client address of its own per test, so the failure throttle of one test does not reach another. */
const freshIp = () => `203.0.113.${++ipCounter}`;

/** A link for the staff member straight into the table, as the CLI makes one (token known to the test). */
async function linkFor(staffId: number, createdAt = T0): Promise<string> {
  const token = `t${crypto.randomUUID()}${crypto.randomUUID()}`.replace(/-/g, "");
  await env.DB.prepare("INSERT INTO staff_sign_in_links (token_hash, staff_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)")
    .bind(await sha256Hex(token), staffId, createdAt.toISOString(), new Date(createdAt.getTime() + 15 * 60_000).toISOString())
    .run();
  return token;
}

function redeem(office: Office, token: string, now: Date, headers: Record<string, string> = {}) {
  return post(office, "/api/auth/link/redeem", { token }, { now, headers: { "CF-Connecting-IP": freshIp(), ...headers } });
}

/** The session cookie a response sets, as a Cookie header value. */
function sessionCookie(res: Response): string {
  const match = /^(__Host-sprechstunde-staff=[A-Za-z0-9_-]{43});/.exec(res.headers.get("Set-Cookie") ?? "");
  expect(match, "a session cookie").not.toBeNull();
  return match![1]!;
}

function me(office: Office, cookie: string, now: Date) {
  return office.request("http://localhost/api/auth/me", { headers: { Cookie: cookie } }, now);
}

/** The board's background read (its poll while the socket is down, its periodic reload). */
function board(office: Office, cookie: string, now: Date) {
  return office.request(`http://localhost/api/staff/${office.slug}/board`, { headers: { Cookie: cookie } }, now);
}

describe("sign-in links", () => {
  it("mails a link to an active account, which signs in once and sets a strict session cookie", async () => {
    const office = await createOffice();
    const member = await staffMember(office, "admin");
    const res = await post(office, "/api/auth/link", { email: member.email.toUpperCase() }, { now: T0 });
    expect(res.status).toBe(202);
    const mail = await env.DB.prepare("SELECT kind, status, to_address, text_body, booking_id FROM mail_outbox WHERE location_id = ?1")
      .bind(office.id)
      .first<{ kind: string; status: string; to_address: string; text_body: string; booking_id: string | null }>();
    expect(mail).toMatchObject({ kind: "staff_sign_in", status: "captured", to_address: member.email, booking_id: null });
    const token = /http:\/\/localhost\/staff#link=([A-Za-z0-9_-]{43})/.exec(mail!.text_body)?.[1];
    expect(token).toBeDefined();
    // Only the hash is stored.
    const stored = await env.DB.prepare("SELECT token_hash, expires_at FROM staff_sign_in_links WHERE staff_id = ?1").bind(member.id).first();
    expect(stored).toEqual({ token_hash: await sha256Hex(token!), expires_at: at(15).toISOString() });

    const signedIn = await redeem(office, token!, at(1));
    expect(signedIn.status).toBe(200);
    expect(Me.parse(await signedIn.json())).toEqual({
      staff: { id: member.id, name: expect.any(String), role: "admin" },
      office: { slug: office.slug, name: "Testbüro Kempten-Ost" },
    });
    expect(signedIn.headers.get("Set-Cookie")).toMatch(
      /^__Host-sprechstunde-staff=[A-Za-z0-9_-]{43}; Max-Age=36000; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
    );
    const cookie = sessionCookie(signedIn);
    expect(Me.parse(await (await me(office, cookie, at(2))).json()).staff.id).toBe(member.id);
    const stored2 = await env.DB.prepare("SELECT count(*) AS n FROM staff_sessions WHERE token_hash = ?1")
      .bind(await sha256Hex(cookie.split("=")[1]!))
      .first();
    expect(stored2).toEqual({ n: 1 });

    const again = await redeem(office, token!, at(2));
    expect(again.status).toBe(401);
    expect(ErrorBody.parse(await again.json()).error.code).toBe("link_invalid");
  });

  it("answers 202 for an unknown address and queues no mail; the audit row holds no trace of the address", async () => {
    const office = await createOffice();
    const email = `nobody-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const when = new Date("2026-12-01T06:01:00.000Z"); // a moment no other test of this file uses
    const res = await post(office, "/api/auth/link", { email }, { now: when });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ ok: true });
    expect(await env.DB.prepare("SELECT count(*) AS n FROM mail_outbox WHERE to_address = ?1").bind(email).first()).toEqual({ n: 0 });
    // Not even a hash: a hash of an address is reversed by hashing candidates.
    const { results } = await env.DB.prepare(
      "SELECT location_id, actor_kind, actor_id, action, subject_kind, subject_id, detail FROM audit_events WHERE at = ?1",
    )
      .bind(when.toISOString())
      .all();
    expect(results).toEqual([
      { location_id: null, actor_kind: "public", actor_id: null, action: "auth.link_requested_unknown", subject_kind: null, subject_id: null, detail: null },
    ]);
  });

  it("a new link ends the older unused ones: only the latest mail signs in", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const tokens: string[] = [];
    for (const minute of [0, 1]) {
      expect((await post(office, "/api/auth/link", { email: member.email }, { now: at(minute) })).status).toBe(202);
      const mail = await env.DB.prepare("SELECT text_body FROM mail_outbox WHERE to_address = ?1 ORDER BY created_at DESC LIMIT 1")
        .bind(member.email)
        .first<{ text_body: string }>();
      tokens.push(/#link=([A-Za-z0-9_-]{43})/.exec(mail!.text_body)![1]!);
    }
    expect((await redeem(office, tokens[0]!, at(2))).status).toBe(401);
    expect((await redeem(office, tokens[1]!, at(2))).status).toBe(200);
  });

  it("refuses a malformed address with 400 and changes nothing", async () => {
    const office = await createOffice();
    const res = await post(office, "/api/auth/link", { email: "not an address" }, { now: T0 });
    expect(res.status).toBe(400);
    expect(ErrorBody.parse(await res.json()).error).toMatchObject({ code: "invalid_request", field: "email" });
    expect(await env.DB.prepare("SELECT count(*) AS n FROM mail_outbox WHERE location_id = ?1").bind(office.id).first()).toEqual({ n: 0 });
  });

  it("expires 15 minutes after it was made", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const early = await linkFor(member.id);
    const late = await linkFor(member.id);
    expect((await redeem(office, early, new Date(at(15).getTime() - 1))).status).toBe(200);
    const res = await redeem(office, late, at(15));
    expect(res.status).toBe(401);
    expect(ErrorBody.parse(await res.json()).error.code).toBe("link_invalid");
    const row = await env.DB.prepare("SELECT used_at FROM staff_sign_in_links WHERE token_hash = ?1").bind(await sha256Hex(late)).first();
    expect(row).toEqual({ used_at: null });
  });

  it("refuses an unknown token, a malformed one, and the link of a deactivated account", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const unknown = await redeem(office, "x".repeat(43), at(1));
    expect(unknown.status).toBe(401);
    expect(ErrorBody.parse(await unknown.json()).error.code).toBe("link_invalid");
    expect((await redeem(office, "short", at(1))).status).toBe(400);
    const token = await linkFor(member.id);
    await env.DB.prepare("UPDATE staff SET active = 0 WHERE id = ?1").bind(member.id).run();
    expect((await redeem(office, token, at(1))).status).toBe(401);
  });

  it("two redeems of one link at the same moment sign in only once", CONCURRENCY, async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const token = await linkFor(member.id);
    const statuses = (await Promise.all(Array.from({ length: 10 }, () => redeem(office, token, at(1))))).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 401)).toHaveLength(9);
  });
});

describe("sessions", () => {
  it("a new sign-in in the same browser ends the session it had", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const first = sessionCookie(await redeem(office, await linkFor(member.id), at(1)));
    const second = sessionCookie(await redeem(office, await linkFor(member.id), at(2), { Cookie: first }));
    expect(second).not.toBe(first);
    expect((await me(office, first, at(3))).status).toBe(401);
    expect((await me(office, second, at(3))).status).toBe(200);
  });

  it("sign-out ends the session at once and clears the cookie", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const cookie = sessionCookie(await redeem(office, await linkFor(member.id), at(1)));
    const out = await post(office, "/api/auth/sign-out", {}, { now: at(2), headers: { Cookie: cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.get("Set-Cookie")).toMatch(/^__Host-sprechstunde-staff=; Max-Age=0; Path=\/; Secure/);
    expect((await me(office, cookie, at(2))).status).toBe(401);
    expect((await office.request(`http://localhost/api/staff/${office.slug}/passkeys`, { headers: { Cookie: cookie } }, at(2))).status).toBe(401);
    const audit = await env.DB.prepare("SELECT action FROM audit_events WHERE location_id = ?1 AND actor_id = ?2 ORDER BY id")
      .bind(office.id, String(member.id))
      .all<{ action: string }>();
    expect(audit.results.map((r) => r.action)).toEqual(["auth.sign_in", "auth.sign_out"]);
  });

  it("ends after 2 hours without a request; each request keeps it going", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const cookie = sessionCookie(await redeem(office, await linkFor(member.id), at(0)));
    expect((await me(office, cookie, at(119))).status).toBe(200);
    expect((await me(office, cookie, at(119 + 119))).status).toBe(200);
    expect((await me(office, cookie, at(119 + 119 + 120))).status).toBe(401);
  });

  it("an open board that only polls is signed out after 2 hours: background reads are no use", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const cookie = sessionCookie(await redeem(office, await linkFor(member.id), at(0)));
    // The board's poll while its socket is down, every few minutes, with nobody at the PC.
    for (let minutes = 5; minutes < 120; minutes += 5) expect((await board(office, cookie, at(minutes))).status).toBe(200);
    expect((await board(office, cookie, at(119))).status).toBe(200);
    const out = await board(office, cookie, at(120));
    expect(out.status).toBe(401);
    expect(ErrorBody.parse(await out.json()).error.code).toBe("unauthorized");
    expect((await me(office, cookie, at(120))).status).toBe(401);
  });

  it("a change (POST) on the board keeps the session going; the polls after it do not", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const cookie = sessionCookie(await redeem(office, await linkFor(member.id), at(0)));
    expect((await board(office, cookie, at(60))).status).toBe(200);
    const revoke = await post(office, `/api/staff/${office.slug}/calendar-feed/revoke`, {}, { now: at(100), headers: { Cookie: cookie } });
    expect(revoke.status).toBe(204);
    for (let minutes = 105; minutes < 220; minutes += 5) expect((await board(office, cookie, at(minutes))).status).toBe(200);
    expect((await board(office, cookie, at(219))).status).toBe(200);
    expect((await board(office, cookie, at(220))).status).toBe(401);
  });

  it("ends 10 hours after sign-in however busy it is", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const cookie = sessionCookie(await redeem(office, await linkFor(member.id), at(0)));
    for (let minutes = 100; minutes < 600; minutes += 100) expect((await me(office, cookie, at(minutes))).status).toBe(200);
    expect((await me(office, cookie, at(599))).status).toBe(200);
    expect((await me(office, cookie, at(600))).status).toBe(401);
  });
});

describe("failed attempts", () => {
  it(`after ${FAILURES_ALLOWED} failures in 15 minutes a client gets 429 with Retry-After, even with a good link`, async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const ip = freshIp();
    const now = new Date("2026-11-30T08:03:00.000Z"); // 3 minutes into a 15-minute window
    for (let i = 0; i < FAILURES_ALLOWED; i++) {
      expect((await redeem(office, `wrong${i}`.padEnd(43, "x"), now, { "CF-Connecting-IP": ip })).status).toBe(401);
    }
    const good = await linkFor(member.id, now);
    const blocked = await redeem(office, good, now, { "CF-Connecting-IP": ip });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("Retry-After")).toBe(String(12 * 60));
    expect(ErrorBody.parse(await blocked.json()).error.code).toBe("rate_limited");
    // Passkey answers share the count.
    const passkey = await post(office, "/api/auth/passkey/verify", {}, { now, headers: { "CF-Connecting-IP": ip } });
    expect(passkey.status).toBe(429);
    // Nothing was used up, and another client is not affected.
    expect((await redeem(office, good, now, { "CF-Connecting-IP": freshIp() })).status).toBe(200);
    // The next window lets the first client try again.
    expect((await redeem(office, "y".repeat(43), new Date("2026-11-30T08:15:00.000Z"), { "CF-Connecting-IP": ip })).status).toBe(401);
    // The method and the reason only: no address of the client and no hash of it.
    const failures = await env.DB.prepare("SELECT location_id, actor_id, subject_id, detail FROM audit_events WHERE action = 'auth.sign_in_failed' AND at = ?1")
      .bind(now.toISOString())
      .all();
    expect(failures.results).toEqual(
      Array.from({ length: FAILURES_ALLOWED }, () => ({ location_id: null, actor_id: null, subject_id: null, detail: '{"method":"link","reason":"link_invalid"}' })),
    );
  });

  it(`of 30 bad redeems at the same moment at most ${FAILURES_ALLOWED} get past the throttle`, CONCURRENCY, async () => {
    const office = await createOffice();
    const ip = freshIp();
    const now = new Date("2026-12-02T10:01:00.000Z");
    const statuses = (
      await Promise.all(Array.from({ length: 30 }, (_, i) => redeem(office, `bad${i}`.padEnd(43, "z"), now, { "CF-Connecting-IP": ip })))
    ).map((r) => r.status);
    expect(statuses.filter((s) => s !== 429)).toHaveLength(FAILURES_ALLOWED);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - FAILURES_ALLOWED);
    const audited = await env.DB.prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'auth.sign_in_failed' AND at = ?1")
      .bind(now.toISOString())
      .first();
    expect(audited).toEqual({ n: FAILURES_ALLOWED });
  });

  it("successful sign-ins do not use up a client's allowance of failures", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const ip = freshIp();
    const now = new Date("2026-12-03T10:01:00.000Z");
    for (let i = 0; i < FAILURES_ALLOWED - 1; i++) expect((await redeem(office, `no${i}`.padEnd(43, "q"), now, { "CF-Connecting-IP": ip })).status).toBe(401);
    // A shared office PC: colleagues sign in one after the other.
    for (let i = 0; i < 3; i++) expect((await redeem(office, await linkFor(member.id, now), now, { "CF-Connecting-IP": ip })).status).toBe(200);
    expect((await redeem(office, "last".padEnd(43, "q"), now, { "CF-Connecting-IP": ip })).status).toBe(401);
    expect((await redeem(office, await linkFor(member.id, now), now, { "CF-Connecting-IP": ip })).status).toBe(429);
  });
});
