import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
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
    expect(events).toContainEqual(expect.objectContaining({ actor_kind: "staff", actor_id: String(admin.id), action: "staff.create", subject_id: String(account.id) }));
    for (const e of events) expect(e.detail ?? "").not.toContain("@");

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
