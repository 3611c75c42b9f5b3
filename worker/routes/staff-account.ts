import { Hono, type Context } from "hono";
import {
  PasskeyRegister,
  StaffCreate,
  type Passkey,
  type PasskeyList,
  type PasskeyRegisterOptions,
  type StaffAccount,
  type StaffList,
} from "../../schemas/auth";
import type { AppEnv } from "../context";
import { mailSignInLink } from "../auth/links";
import { webauthn } from "../auth/passkeys";
import { staffAudit } from "../auth/audit";
import {
  createChallenge,
  credentialsOf,
  deactivateStaff,
  deactivationCleanup,
  deleteCredential,
  insertCredential,
  listStaff,
  staffOfLocation,
  staffWithOffice,
  takeChallenge,
  upsertStaff,
  type Account,
  type Credential,
  type UpsertRefusal,
} from "../db/staff";
import { AppError } from "../errors";
import { jsonBody, parseInput } from "../validate";
import { staffScopeOf } from "../scope";
import { commit } from "../services/commit";

/*
 * A staff member's own passkeys, and the admins' staff accounts. Mounted at /api/staff/:office, so
 * requireStaff (and for /admin/… requireAdmin) has run: c.var.staff is the signed-in member.
 */

type Ctx = Context<AppEnv>;

export const staffAccountRoutes = new Hono<AppEnv>();

// ---------------------------------------------------------------------------------------------------
// My passkeys

staffAccountRoutes.get("/passkeys", async (c) => {
  const passkeys = await credentialsOf(c.env.DB, c.var.staff.id);
  return c.json({ passkeys: passkeys.map(passkeyOf) } satisfies PasskeyList);
});

staffAccountRoutes.post("/passkeys/options", async (c) => {
  const { staff, deps } = c.var;
  const me = (await staffWithOffice(c.env.DB, staff.id))!;
  const existing = await credentialsOf(c.env.DB, staff.id);
  const { generateRegistrationOptions } = await webauthn();
  const options = await generateRegistrationOptions({
    rpName: me.office_name,
    rpID: new URL(c.req.url).hostname,
    userName: me.email,
    userDisplayName: me.name,
    // The user handle a discoverable passkey gives back at sign-in; the credential id alone decides.
    userID: new Uint8Array(new TextEncoder().encode(`staff:${staff.id}`)),
    attestationType: "none",
    excludeCredentials: existing.map((k) => ({ id: k.id })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
  const challengeId = deps.random.id();
  await createChallenge(c.env.DB, { id: challengeId, staffId: staff.id, challenge: options.challenge, purpose: "register", now: deps.now() }).run();
  return c.json({ challengeId, options } satisfies PasskeyRegisterOptions);
});

staffAccountRoutes.post("/passkeys", async (c) => {
  const { challengeId, response, label } = parseInput(PasskeyRegister, await jsonBody(c));
  const { staff } = c.var;
  const now = c.var.deps.now();
  const challenge = await takeChallenge(c.env.DB, challengeId, "register", staff.id, now);
  if (!challenge) throw new AppError("passkey_invalid", "This passkey request has expired. Please try again.");
  const url = new URL(c.req.url);
  const { verifyRegistrationResponse } = await webauthn();
  let info;
  try {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: url.origin,
      expectedRPID: url.hostname,
      requireUserVerification: true,
    });
    info = result.verified ? result.registrationInfo : null;
  } catch {
    info = null;
  }
  if (!info) throw new AppError("passkey_invalid", "The passkey could not be added. Please try again.");
  const { credential } = info;
  const created: Credential = {
    id: credential.id,
    staff_id: staff.id,
    public_key: credential.publicKey,
    counter: credential.counter,
    transports: null,
    label: label || `Passkey ${now.toISOString().slice(0, 10)}`,
    created_at: now.toISOString(),
    last_used_at: null,
  };
  const s = staffScopeOf(c);
  try {
    await commit(s, {
      batch: [
        insertCredential(s.db, { id: created.id, staffId: staff.id, publicKey: credential.publicKey, counter: credential.counter, transports: credential.transports, label: created.label, now }),
        staffAudit(s, "auth.passkey_added", { kind: "passkey", id: created.id }),
      ],
      mail: false,
      // Nobody's board shows passkeys.
      live: null,
    });
  } catch (error) {
    if (/UNIQUE constraint failed: staff_credentials\.id/.test(String(error))) {
      throw new AppError("passkey_invalid", "This passkey is registered already.");
    }
    throw error;
  }
  return c.json(passkeyOf(created), 201);
});

staffAccountRoutes.post("/passkeys/:id/delete", async (c) => {
  const { staff } = c.var;
  const id = c.req.param("id");
  if (!(await deleteCredential(c.env.DB, staff.id, id))) throw new AppError("not_found", "You have no such passkey.");
  await staffAudit(staffScopeOf(c), "auth.passkey_removed", { kind: "passkey", id }).run();
  return c.body(null, 204);
});

// ---------------------------------------------------------------------------------------------------
// Staff accounts (admins)

staffAccountRoutes.get("/admin/staff", async (c) => {
  const staff = await listStaff(c.env.DB, c.var.staff.locationId);
  return c.json({ staff: staff.map(accountOf) } satisfies StaffList);
});

staffAccountRoutes.post("/admin/staff", async (c) => {
  const body = parseInput(StaffCreate, await jsonBody(c));
  const { staff } = c.var;
  const now = c.var.deps.now();
  const result = await upsertStaff(c.env.DB, { locationId: staff.locationId, email: body.email, name: body.name, role: body.role, actorId: staff.id, now });
  if ("refused" in result) throw refusal(result.refused);
  const account = (await staffOfLocation(c.env.DB, staff.locationId, result.id))!;
  // The role only: no address, and no hash of it (a hash of an address is reversed by trying candidates).
  await sendLink(c, account, "staff.create", { role: body.role });
  return c.json(accountOf(account), 201);
});

staffAccountRoutes.post("/admin/staff/:id/deactivate", async (c) => {
  const { staff } = c.var;
  const account = await accountParam(c);
  if (account.id === staff.id) throw new AppError("forbidden", "You cannot deactivate your own account.");
  const s = staffScopeOf(c);
  const { applied } = await commit(s, {
    batch: [
      deactivateStaff(s.db, staff.locationId, account.id),
      staffAudit(s, "staff.deactivate", { kind: "staff", id: account.id }, null, { ifChanged: true }),
      ...deactivationCleanup(s.db, account.id, s.deps.now()),
    ],
    // Refused inside the statement when the account is the office's last active admin.
    applied: ([deactivated]) => deactivated!.meta.changes === 1,
    mail: false,
    live: null,
  });
  if (!applied) throw refusal("last_admin");
  return c.json(accountOf({ ...account, active: 0, passkeys: 0 }));
});

staffAccountRoutes.post("/admin/staff/:id/sign-in-link", async (c) => {
  const account = await accountParam(c);
  if (!account.active) throw new AppError("forbidden", "This account is deactivated. Add it again to reactivate it.");
  await sendLink(c, account, "staff.sign_in_link", null);
  return c.json({ ok: true as const }, 202);
});

/** The error for a refused account change (db/staff.ts decided it inside its statement). */
function refusal(why: UpsertRefusal): AppError {
  switch (why) {
    case "other_office":
      return new AppError("staff_exists", "This e-mail address belongs to an account of another office.", "email");
    case "own_role":
      return new AppError("forbidden", "You cannot change your own role. Ask another administrator.", "role");
    case "last_admin":
      return new AppError("last_admin", "The office needs at least one active administrator. Make someone else an administrator first.");
  }
}

/** The account named by `:id`, of the admin's own office; 404 otherwise. */
async function accountParam(c: Ctx): Promise<Account> {
  const id = Number(c.req.param("id"));
  const account = Number.isSafeInteger(id) && id > 0 ? await staffOfLocation(c.env.DB, c.var.staff.locationId, id) : null;
  if (!account) throw new AppError("not_found", "There is no such account in this office.");
  return account;
}

/** Mails the account a fresh sign-in link, audited as `action` by the admin, in one batch. */
async function sendLink(c: Ctx, account: Account, action: string, detail: Record<string, unknown> | null): Promise<void> {
  const s = staffScopeOf(c);
  await commit(s, {
    batch: [
      ...(await mailSignInLink(s, { id: account.id, email: account.email, name: account.name, locationId: account.location_id }, s.staff.officeName)),
      staffAudit(s, action, { kind: "staff", id: account.id }, detail),
    ],
    mail: true,
    // The team list is reloaded by the admin who changed it; no board follows accounts.
    live: null,
  });
}

function passkeyOf(k: Credential): Passkey {
  return { id: k.id, label: k.label, createdAt: k.created_at, lastUsedAt: k.last_used_at };
}

function accountOf(a: Account): StaffAccount {
  return { id: a.id, name: a.name, email: a.email, role: a.role, active: a.active === 1, passkeys: a.passkeys, createdAt: a.created_at };
}
