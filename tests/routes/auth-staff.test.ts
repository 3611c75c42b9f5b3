import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { CalendarFeedCreated } from "../../schemas/staff-bookings";
import { PasskeyList, PasskeyRegisterOptions, PasskeySignInOptions, StaffAccount, StaffList } from "../../schemas/auth";
import { ErrorBody } from "../../schemas/common";
import { post } from "../helpers/bookings";
import { createOffice, staffMember, type Office, type StaffMember } from "../helpers/fixtures";

/*
 * Staff accounts (admins) and a member's own passkeys, through the API: what is answered, what is
 * stored, what is mailed and audited. The passkey ceremony itself with a real authenticator is in the
 * browser test (tests/e2e/staff-auth.test.ts); here the refusals around it.
 */

const NOW = new Date("2026-11-30T09:00:00.000Z");

function as(office: Office, member: StaffMember) {
  const base = `/api/staff/${office.slug}`;
  return {
    get: (path: string) => office.request(`http://localhost${base}${path}`, { headers: { Cookie: member.cookie } }, NOW),
    post: (path: string, body: unknown = {}) => post(office, `${base}${path}`, body, { now: NOW, headers: { Cookie: member.cookie } }),
  };
}

async function auditOf(office: Office) {
  const { results } = await env.DB.prepare("SELECT actor_kind, actor_id, action, subject_id, detail FROM audit_events WHERE location_id = ?1 ORDER BY id")
    .bind(office.id)
    .all<{ actor_kind: string; actor_id: string | null; action: string; subject_id: string | null; detail: string | null }>();
  return results;
}

describe("staff accounts", () => {
  it("an admin adds an account: 201, a sign-in link mailed, audited without the address", async () => {
    const office = await createOffice();
    const admin = await staffMember(office, "admin", NOW);
    const email = `neu-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const res = await as(office, admin).post("/admin/staff", { email: ` ${email.toUpperCase()} `, name: "Neue Kollegin", role: "staff" });
    expect(res.status).toBe(201);
    const account = StaffAccount.parse(await res.json());
    expect(account).toMatchObject({ email, name: "Neue Kollegin", role: "staff", active: true, passkeys: 0 });

    const mail = await env.DB.prepare("SELECT kind, to_address, subject, text_body FROM mail_outbox WHERE location_id = ?1").bind(office.id).all<{ kind: string; to_address: string; subject: string; text_body: string }>();
    expect(mail.results).toHaveLength(1);
    expect(mail.results[0]).toMatchObject({ kind: "staff_sign_in", to_address: email });
    expect(mail.results[0]!.text_body).toMatch(/Hallo Neue Kollegin,[\s\S]*http:\/\/localhost\/staff#link=[A-Za-z0-9_-]{43}\n[\s\S]*15 Minuten/);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM staff_sign_in_links WHERE staff_id = ?1 AND used_at IS NULL").bind(account.id).first()).toEqual({ n: 1 });

    const events = await auditOf(office);
    // The role only: no address and no hash of it.
    expect(events).toEqual([
      { actor_kind: "staff", actor_id: String(admin.id), action: "staff.create", subject_id: String(account.id), detail: '{"role":"staff"}' },
    ]);

    const list = StaffList.parse(await (await as(office, admin).get("/admin/staff")).json());
    expect(list.staff.map((s) => s.email)).toEqual(expect.arrayContaining([admin.email, email]));
    // The list shows no sessions or link data of anybody.
    expect(Object.keys(list.staff[0]!).sort()).toEqual(["active", "createdAt", "email", "id", "name", "passkeys", "role"]);
  });

  it("refuses an address of another office's account with 409 and bad input with 400, changing nothing", async () => {
    const office = await createOffice();
    const elsewhere = await staffMember(await createOffice(), "staff", NOW);
    const admin = await staffMember(office, "admin", NOW);
    const taken = await as(office, admin).post("/admin/staff", { email: elsewhere.email, name: "Jemand", role: "admin" });
    expect(taken.status).toBe(409);
    expect(ErrorBody.parse(await taken.json()).error).toMatchObject({ code: "staff_exists", field: "email" });
    const bad = await as(office, admin).post("/admin/staff", { email: "x@example.org", name: "A", role: "boss" });
    expect(bad.status).toBe(400);
    expect(await env.DB.prepare("SELECT role, location_id FROM staff WHERE id = ?1").bind(elsewhere.id).first()).toMatchObject({ role: "staff" });
    expect(await env.DB.prepare("SELECT count(*) AS n FROM mail_outbox WHERE location_id = ?1").bind(office.id).first()).toEqual({ n: 0 });
  });

  it("deactivating ends the account's sessions and links at once; not one's own", async () => {
    const office = await createOffice();
    const admin = await staffMember(office, "admin", NOW);
    const member = await staffMember(office, "staff", NOW);
    expect((await as(office, member).get("/passkeys")).status).toBe(200);
    const res = await as(office, admin).post(`/admin/staff/${member.id}/deactivate`);
    expect(res.status).toBe(200);
    expect(StaffAccount.parse(await res.json()).active).toBe(false);
    expect((await as(office, member).get("/passkeys")).status).toBe(401);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM staff_sessions WHERE staff_id = ?1 AND ended_at IS NULL").bind(member.id).first()).toEqual({ n: 0 });
    // No new link for a deactivated account; adding it again reactivates it.
    expect((await as(office, admin).post(`/admin/staff/${member.id}/sign-in-link`)).status).toBe(403);
    const again = await as(office, admin).post("/admin/staff", { email: member.email, name: "Wieder da", role: "staff" });
    expect(again.status).toBe(201);
    expect(StaffAccount.parse(await again.json())).toMatchObject({ id: member.id, active: true, name: "Wieder da" });

    const self = await as(office, admin).post(`/admin/staff/${admin.id}/deactivate`);
    expect(self.status).toBe(403);
    expect(await env.DB.prepare("SELECT active FROM staff WHERE id = ?1").bind(admin.id).first()).toEqual({ active: 1 });
  });

  it("deactivating takes the calendar feed, passkeys and links with it: adding the address again brings none back", async () => {
    const office = await createOffice();
    const admin = await staffMember(office, "admin", NOW);
    const member = await staffMember(office, "staff", NOW);
    const feed = CalendarFeedCreated.parse(await (await as(office, member).post("/calendar-feed")).json());
    const feedPath = new URL(feed.httpsUrl).pathname;
    expect((await office.request(`http://localhost${feedPath}`, {}, NOW)).status).toBe(200);
    await env.DB.prepare("INSERT INTO staff_credentials (id, staff_id, public_key, label, created_at) VALUES (?1, ?2, x'00', 'PC', ?3)")
      .bind(`old-${member.id}`, member.id, NOW.toISOString())
      .run();
    expect((await as(office, admin).post(`/admin/staff/${member.id}/sign-in-link`)).status).toBe(202);
    const oldMail = await env.DB.prepare("SELECT text_body FROM mail_outbox WHERE to_address = ?1").bind(member.email).first<{ text_body: string }>();
    const oldLink = /#link=([A-Za-z0-9_-]{43})/.exec(oldMail!.text_body)![1]!;

    const res = await as(office, admin).post(`/admin/staff/${member.id}/deactivate`);
    expect(res.status).toBe(200);
    expect(StaffAccount.parse(await res.json())).toMatchObject({ active: false, passkeys: 0 });
    const again = await as(office, admin).post("/admin/staff", { email: member.email, name: "Wieder da", role: "staff" });
    expect(StaffAccount.parse(await again.json())).toMatchObject({ id: member.id, active: true, passkeys: 0 });

    expect((await office.request(`http://localhost${feedPath}`, {}, NOW)).status).toBe(404);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM staff_credentials WHERE staff_id = ?1").bind(member.id).first()).toEqual({ n: 0 });
    const redeemOld = await post(office, "/api/auth/link/redeem", { token: oldLink }, { now: NOW, headers: { "CF-Connecting-IP": "198.51.100.9" } });
    expect(redeemOld.status).toBe(401);
    // Signed in again with the new link, the member's passkey list is empty.
    const newMail = await env.DB.prepare("SELECT text_body FROM mail_outbox WHERE to_address = ?1 ORDER BY created_at DESC, rowid DESC").bind(member.email).first<{ text_body: string }>();
    const newLink = /#link=([A-Za-z0-9_-]{43})/.exec(newMail!.text_body)![1]!;
    expect(newLink).not.toBe(oldLink);
    const signedIn = await post(office, "/api/auth/link/redeem", { token: newLink }, { now: NOW, headers: { "CF-Connecting-IP": "198.51.100.10" } });
    expect(signedIn.status).toBe(200);
    const cookie = /^(__Host-sprechstunde-staff=[^;]+);/.exec(signedIn.headers.get("Set-Cookie")!)![1]!;
    expect(PasskeyList.parse(await (await as(office, { ...member, cookie }).get("/passkeys")).json())).toEqual({ passkeys: [] });
  });

  it("an admin cannot change their own role; nothing is written", async () => {
    const office = await createOffice();
    const admin = await staffMember(office, "admin", NOW);
    await staffMember(office, "admin", NOW); // another admin: the refusal is not about being the last one
    const res = await as(office, admin).post("/admin/staff", { email: admin.email, name: "Ich", role: "staff" });
    expect(res.status).toBe(403);
    expect(ErrorBody.parse(await res.json()).error).toMatchObject({ code: "forbidden", field: "role" });
    expect(await env.DB.prepare("SELECT role, active, name FROM staff WHERE id = ?1").bind(admin.id).first()).toMatchObject({ role: "admin", active: 1 });
    expect(await env.DB.prepare("SELECT count(*) AS n FROM mail_outbox WHERE location_id = ?1").bind(office.id).first()).toEqual({ n: 0 });
    expect(await auditOf(office)).toEqual([]);
    // The own name may change; the role stays.
    const renamed = await as(office, admin).post("/admin/staff", { email: admin.email, name: "Neuer Name", role: "admin" });
    expect(StaffAccount.parse(await renamed.json())).toMatchObject({ id: admin.id, name: "Neuer Name", role: "admin" });
  });

  it.each([
    ["demote", (other: StaffMember) => ({ path: "/admin/staff", body: { email: other.email, name: "Kollegin", role: "staff" } })],
    ["deactivate", (other: StaffMember) => ({ path: `/admin/staff/${other.id}/deactivate`, body: {} })],
  ] as const)("two admins who %s each other at the same moment leave one active admin", async (_what, change) => {
    const office = await createOffice();
    const a = await staffMember(office, "admin", NOW);
    const b = await staffMember(office, "admin", NOW);
    const [byA, byB] = await Promise.all([
      as(office, a).post(change(b).path, change(b).body),
      as(office, b).post(change(a).path, change(a).body),
    ]);
    const statuses = [byA.status, byB.status];
    expect(statuses.filter((s) => s < 300)).toHaveLength(1);
    // The loser is refused by the statement (409 last_admin) or, if it came second, by the admin guard.
    expect(statuses.filter((s) => s === 409 || s === 403)).toHaveLength(1);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM staff WHERE location_id = ?1 AND role = 'admin' AND active = 1").bind(office.id).first()).toEqual({ n: 1 });
    // One audit row, of the change that happened.
    expect((await auditOf(office)).filter((e) => e.action === "staff.deactivate" || e.action === "staff.create")).toHaveLength(1);
  });

  it("an account of another office is not found", async () => {
    const office = await createOffice();
    const admin = await staffMember(office, "admin", NOW);
    const stranger = await staffMember(await createOffice(), "staff", NOW);
    expect((await as(office, admin).post(`/admin/staff/${stranger.id}/deactivate`)).status).toBe(404);
    expect((await as(office, admin).post(`/admin/staff/${stranger.id}/sign-in-link`)).status).toBe(404);
    expect((await as(office, admin).post("/admin/staff/abc/deactivate")).status).toBe(404);
    expect(await env.DB.prepare("SELECT active FROM staff WHERE id = ?1").bind(stranger.id).first()).toEqual({ active: 1 });
  });

  it("a new sign-in link for an account is mailed and audited", async () => {
    const office = await createOffice();
    const admin = await staffMember(office, "admin", NOW);
    const member = await staffMember(office, "staff", NOW);
    const res = await as(office, admin).post(`/admin/staff/${member.id}/sign-in-link`);
    expect(res.status).toBe(202);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM mail_outbox WHERE to_address = ?1 AND kind = 'staff_sign_in'").bind(member.email).first()).toEqual({ n: 1 });
    expect((await auditOf(office)).map((e) => e.action)).toContain("staff.sign_in_link");
  });
});

it("colleagues see a sign-in mail in the outbox without its secret", async () => {
  const office = await createOffice();
  const admin = await staffMember(office, "admin", NOW);
  const colleague = await staffMember(office, "staff", NOW);
  expect((await as(office, admin).post(`/admin/staff/${colleague.id}/sign-in-link`)).status).toBe(202);
  const mail = await env.DB.prepare("SELECT id, text_body FROM mail_outbox WHERE location_id = ?1 AND kind = 'staff_sign_in'").bind(office.id).first<{ id: string; text_body: string }>();
  const token = /#link=([A-Za-z0-9_-]{43})/.exec(mail!.text_body)![1]!;
  const res = await as(office, colleague).get(`/outbox/${mail!.id}`);
  expect(res.status).toBe(200);
  const body = JSON.stringify(await res.json());
  expect(body).not.toContain(token);
  expect(body).toContain("#link=…");
});

describe("my passkeys", () => {
  it("lists none at first; registration options are bound to me and stored as a challenge for 5 minutes", async () => {
    const office = await createOffice();
    const member = await staffMember(office, "staff", NOW);
    expect(PasskeyList.parse(await (await as(office, member).get("/passkeys")).json())).toEqual({ passkeys: [] });
    const options = PasskeyRegisterOptions.parse(await (await as(office, member).post("/passkeys/options")).json());
    expect(options.options).toMatchObject({
      rp: { id: "localhost", name: "Testbüro Kempten-Ost" },
      user: { name: member.email },
      authenticatorSelection: { residentKey: "required", userVerification: "required" },
    });
    const row = await env.DB.prepare("SELECT staff_id, challenge, purpose, expires_at FROM webauthn_challenges WHERE id = ?1").bind(options.challengeId).first();
    expect(row).toEqual({ staff_id: member.id, challenge: options.options.challenge, purpose: "register", expires_at: "2026-11-30T09:05:00.000Z" });
  });

  it("refuses a registration answer that does not verify, and its challenge is used up", async () => {
    const office = await createOffice();
    const member = await staffMember(office, "staff", NOW);
    const { challengeId } = PasskeyRegisterOptions.parse(await (await as(office, member).post("/passkeys/options")).json());
    const forged = {
      id: "AAAA", rawId: "AAAA", type: "public-key", clientExtensionResults: {},
      response: { clientDataJSON: "e30", attestationObject: "oA" },
    };
    const res = await as(office, member).post("/passkeys", { challengeId, response: forged });
    expect(res.status).toBe(401);
    expect(ErrorBody.parse(await res.json()).error.code).toBe("passkey_invalid");
    expect(await env.DB.prepare("SELECT count(*) AS n FROM webauthn_challenges WHERE id = ?1").bind(challengeId).first()).toEqual({ n: 0 });
    expect(await env.DB.prepare("SELECT count(*) AS n FROM staff_credentials WHERE staff_id = ?1").bind(member.id).first()).toEqual({ n: 0 });
  });

  it("another member cannot use my registration challenge, nor remove my passkey", async () => {
    const office = await createOffice();
    const me = await staffMember(office, "staff", NOW);
    const colleague = await staffMember(office, "staff", NOW);
    const { challengeId } = PasskeyRegisterOptions.parse(await (await as(office, me).post("/passkeys/options")).json());
    const forged = { id: "AAAA", rawId: "AAAA", type: "public-key", clientExtensionResults: {}, response: { clientDataJSON: "e30", attestationObject: "oA" } };
    expect((await as(office, colleague).post("/passkeys", { challengeId, response: forged })).status).toBe(401);
    // Still mine, unused.
    expect(await env.DB.prepare("SELECT staff_id FROM webauthn_challenges WHERE id = ?1").bind(challengeId).first()).toEqual({ staff_id: me.id });
    await env.DB.prepare("INSERT INTO staff_credentials (id, staff_id, public_key, label, created_at) VALUES ('mine', ?1, x'00', 'PC', ?2)").bind(me.id, NOW.toISOString()).run();
    expect((await as(office, colleague).post("/passkeys/mine/delete")).status).toBe(404);
    expect(PasskeyList.parse(await (await as(office, me).get("/passkeys")).json()).passkeys.map((k) => k.id)).toEqual(["mine"]);
    expect((await as(office, me).post("/passkeys/mine/delete")).status).toBe(204);
    expect(PasskeyList.parse(await (await as(office, me).get("/passkeys")).json()).passkeys).toEqual([]);
  });
});

describe("passkey sign-in", () => {
  it("gives options for discoverable credentials and refuses an answer to an unknown challenge", async () => {
    const office = await createOffice();
    const res = await post(office, "/api/auth/passkey/options", {}, { now: NOW });
    const { challengeId, options } = PasskeySignInOptions.parse(await res.json());
    expect(options).toMatchObject({ rpId: "localhost", userVerification: "required" });
    expect(options.allowCredentials ?? []).toEqual([]);
    const answer = {
      challengeId: crypto.randomUUID(),
      response: {
        id: "AAAA", rawId: "AAAA", type: "public-key", clientExtensionResults: {},
        response: { clientDataJSON: "e30", authenticatorData: "AA", signature: "AA" },
      },
    };
    const refused = await post(office, "/api/auth/passkey/verify", answer, { now: NOW, headers: { "CF-Connecting-IP": "192.0.2.77" } });
    expect(refused.status).toBe(401);
    expect(ErrorBody.parse(await refused.json()).error.code).toBe("passkey_invalid");
    // The real challenge, answered by an unknown passkey: refused, and used up.
    const unknown = await post(office, "/api/auth/passkey/verify", { ...answer, challengeId }, { now: NOW, headers: { "CF-Connecting-IP": "192.0.2.77" } });
    expect(unknown.status).toBe(401);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM webauthn_challenges WHERE id = ?1").bind(challengeId).first()).toEqual({ n: 0 });
    // Audited with the method and the reason only: nothing about the client.
    const { results } = await env.DB.prepare("SELECT location_id, detail FROM audit_events WHERE action = 'auth.sign_in_failed' AND at = ?1 AND detail LIKE '%passkey%' ORDER BY id")
      .bind(NOW.toISOString())
      .all();
    expect(results).toEqual([
      { location_id: null, detail: '{"method":"passkey","reason":"challenge_invalid"}' },
      { location_id: null, detail: '{"method":"passkey","reason":"unknown_passkey"}' },
    ]);
  });

  it("an expired challenge is refused", async () => {
    const office = await createOffice();
    const { challengeId } = PasskeySignInOptions.parse(await (await post(office, "/api/auth/passkey/options", {}, { now: NOW })).json());
    const later = new Date(NOW.getTime() + 5 * 60_000);
    const answer = {
      challengeId,
      response: { id: "AAAA", rawId: "AAAA", type: "public-key", clientExtensionResults: {}, response: { clientDataJSON: "e30", authenticatorData: "AA", signature: "AA" } },
    };
    expect((await post(office, "/api/auth/passkey/verify", answer, { now: later, headers: { "CF-Connecting-IP": "192.0.2.78" } })).status).toBe(401);
  });
});
