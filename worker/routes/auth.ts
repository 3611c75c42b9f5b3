import { Hono, type Context } from "hono";
import { LinkRedeem, LinkRequest, PasskeySignIn, type Me, type PasskeySignInOptions } from "../../schemas/auth";
import type { AppEnv, StaffContext } from "../context";
import { mailSignInLink } from "../auth/links";
import { webauthn } from "../auth/passkeys";
import { currentStaff, endThisSession, startSession } from "../auth/session";
import { countAttempt, forgiveAttempt, type Attempt } from "../auth/throttle";
import { staffAudit } from "../auth/audit";
import { audit } from "../db/audit";
import {
  activeCredential,
  activeStaffByEmail,
  createChallenge,
  markCredentialUsed,
  redeemSignInLink,
  staffWithOffice,
  takeChallenge,
  type MeRow,
} from "../db/staff";
import { AppError } from "../errors";
import { sha256Hex } from "../random";
import { jsonBody, parseInput } from "../validate";
import { scopeOf } from "../scope";
import { commit } from "../services/commit";

/*
 * Staff sign-in, before there is a session (so these are not under /api/staff/:office): who am I, a
 * sign-in link by mail, redeeming it, passkey sign-in with discoverable credentials, sign-out.
 * Failures never say why (unknown, used or expired all read the same) and are throttled per client
 * (auth/throttle.ts). Audit events carry ids only: no address, and no hash of one either (an unsalted
 * hash of an IP or e-mail address is reversed by trying candidates, and the audit log is kept).
 */

type Ctx = Context<AppEnv>;

export const authRoutes = new Hono<AppEnv>();

authRoutes.get("/me", async (c) => {
  // The board's page load: a person opened or reloaded it, which keeps the session going.
  const staff = await currentStaff(c, true);
  const me = staff ? await staffWithOffice(c.env.DB, staff.id) : null;
  if (!me) throw new AppError("unauthorized", "Please sign in.");
  return c.json(meOf(me));
});

authRoutes.post("/link", async (c) => {
  const { email } = parseInput(LinkRequest, await jsonBody(c));
  const account = await activeStaffByEmail(c.env.DB, email);
  const now = c.var.deps.now();
  if (account) {
    const s = scopeOf(c);
    const office = await staffWithOffice(s.db, account.id);
    await commit(s, {
      batch: [
        ...(await mailSignInLink(s, { id: account.id, email: account.email, name: account.name, locationId: account.location_id }, office!.office_name)),
        audit(s.db, { locationId: account.location_id, actorKind: "public", actorId: null, action: "auth.link_requested", subjectKind: "staff", subjectId: account.id, at: now }),
      ],
      mail: true,
      // A sign-in mail is nobody's business on the boards: nothing they show changed.
      live: null,
    });
  } else {
    // Same answer as for an account, so the form tells nobody who works here. Audited without any
    // detail: that it happened (and how often) is worth keeping; who typed which address is not.
    await audit(c.env.DB, {
      locationId: null, actorKind: "public", actorId: null, action: "auth.link_requested_unknown",
      subjectKind: null, subjectId: null, at: now,
    }).run();
  }
  return c.json({ ok: true as const }, 202);
});

authRoutes.post("/link/redeem", async (c) => {
  const attempt = await countAttempt(c);
  const { token } = parseInput(LinkRedeem, await jsonBody(c));
  const staffId = await redeemSignInLink(c.env.DB, await sha256Hex(token), c.var.deps.now());
  if (staffId === null) {
    await failed(c, "link", "link_invalid");
    throw new AppError("link_invalid", "This sign-in link is used, expired or unknown. Please ask for a new one.");
  }
  return signedIn(c, staffId, "link", attempt);
});

authRoutes.post("/passkey/options", async (c) => {
  const { random, now } = c.var.deps;
  const { generateAuthenticationOptions } = await webauthn();
  const options = await generateAuthenticationOptions({
    rpID: new URL(c.req.url).hostname,
    userVerification: "required",
    // Discoverable credentials: the authenticator offers the passkeys it holds for this site.
    allowCredentials: [],
  });
  const challengeId = random.id();
  await createChallenge(c.env.DB, { id: challengeId, staffId: null, challenge: options.challenge, purpose: "authenticate", now: now() }).run();
  return c.json({ challengeId, options } satisfies PasskeySignInOptions);
});

authRoutes.post("/passkey/verify", async (c) => {
  const attempt = await countAttempt(c);
  const { challengeId, response } = parseInput(PasskeySignIn, await jsonBody(c));
  const now = c.var.deps.now();
  const challenge = await takeChallenge(c.env.DB, challengeId, "authenticate", null, now);
  const credential = challenge ? await activeCredential(c.env.DB, response.id) : null;
  let newCounter: number | null = null;
  if (challenge && credential) {
    const url = new URL(c.req.url);
    const { verifyAuthenticationResponse } = await webauthn();
    try {
      const result = await verifyAuthenticationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: url.origin,
        expectedRPID: url.hostname,
        credential: {
          id: credential.id,
          publicKey: credential.public_key,
          counter: credential.counter,
          transports: credential.transports ? (JSON.parse(credential.transports) as string[]) : [],
        },
        requireUserVerification: true,
      });
      if (result.verified) newCounter = result.authenticationInfo.newCounter;
    } catch {
      // A wrong signature, origin, counter …: the same answer as an unknown passkey.
    }
  }
  if (!credential || newCounter === null) {
    await failed(c, "passkey", !challenge ? "challenge_invalid" : !credential ? "unknown_passkey" : "not_verified");
    throw new AppError("passkey_invalid", "This passkey could not sign you in. Please try again or ask for a sign-in link.");
  }
  await markCredentialUsed(c.env.DB, credential.id, newCounter, now).run();
  return signedIn(c, credential.staff_id, "passkey", attempt);
});

authRoutes.post("/sign-out", async (c) => {
  const staff = await currentStaff(c, false);
  await endThisSession(c);
  if (staff) await staffAudit({ ...scopeOf(c), staff }, "auth.sign_out", { kind: "staff", id: staff.id }).run();
  return c.body(null, 204);
});

function meOf(row: MeRow): Me {
  return { staff: { id: row.id, name: row.name, role: row.role }, office: { slug: row.slug, name: row.office_name } };
}

/**
 * A new session for the staff member (ending this browser's previous one), audited; answers who they
 * are. The attempt's count is given back: only failures use up the client's allowance.
 */
async function signedIn(c: Ctx, staffId: number, method: "link" | "passkey", attempt: Attempt) {
  const me = await staffWithOffice(c.env.DB, staffId);
  if (!me) throw new AppError("link_invalid", "This account cannot sign in.");
  await startSession(c, staffId);
  await forgiveAttempt(c, attempt);
  const staff: StaffContext = {
    id: me.id,
    name: me.name,
    role: me.role,
    locationId: me.location_id,
    office: me.slug,
    officeName: me.office_name,
    timeZone: me.time_zone,
    checkinClosesMinutes: me.checkin_closes_minutes,
  };
  await staffAudit({ ...scopeOf(c), staff }, "auth.sign_in", { kind: "staff", id: staffId }, { method }).run();
  return c.json(meOf(me));
}

/**
 * Records a failed attempt (already counted by `countAttempt`): the method and why, nothing about the
 * client (no address, no hash of one).
 */
async function failed(c: Ctx, method: "link" | "passkey", reason: FailReason): Promise<void> {
  await audit(c.env.DB, {
    locationId: null, actorKind: "public", actorId: null, action: "auth.sign_in_failed",
    subjectKind: null, subjectId: null, detail: { method, reason }, at: c.var.deps.now(),
  }).run();
}

/** Why a sign-in failed, for the audit log (the answer to the client never says). */
type FailReason = "link_invalid" | "challenge_invalid" | "unknown_passkey" | "not_verified";
