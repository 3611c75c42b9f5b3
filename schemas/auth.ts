import { z } from "zod";
import type {
  AuthenticationExtensionsClientOutputs,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { UtcInstant } from "./common";
import { Email, singleLine } from "./fields";

/*
 * Staff sign-in without passwords: one-time sign-in links by mail (or printed by `npm run staff`) and
 * passkeys (WebAuthn). Bodies and answers of /api/auth/* and of the staff account routes
 * (/api/staff/:office/passkeys…, /api/staff/:office/admin/staff…).
 */

export const StaffRole = z.enum(["staff", "admin"]);
export type StaffRole = z.infer<typeof StaffRole>;

/** A secret of a link or cookie: 256 random bits, base64url (43 characters); a little slack for older ones. */
const Secret = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "expected the token from the sign-in link");

/** base64url as WebAuthn's JSON encoding uses it. */
const B64url = z.string().regex(/^[A-Za-z0-9_-]*$/, "expected base64url").max(8192);

/** `GET /api/auth/me`, and the answer of every successful sign-in. */
export const Me = z.object({
  staff: z.object({ id: z.number().int(), name: z.string(), role: StaffRole }),
  office: z.object({ slug: z.string(), name: z.string() }),
});
export type Me = z.infer<typeof Me>;

/** `POST /api/auth/link`: mail me a sign-in link. Always 202, whether an account exists or not. */
export const LinkRequest = z.object({ email: Email }).strict();
export type LinkRequest = z.infer<typeof LinkRequest>;

/** `POST /api/auth/link/redeem`: the token from `/staff#link=<token>`. */
export const LinkRedeem = z.object({ token: Secret }).strict();
export type LinkRedeem = z.infer<typeof LinkRedeem>;

/** Answer of `POST /api/auth/link` (202). */
export const LinkRequested = z.object({ ok: z.literal(true) });
export type LinkRequested = z.infer<typeof LinkRequested>;

const ExtensionOutputs = z.custom<AuthenticationExtensionsClientOutputs>(
  (v) => typeof v === "object" && v !== null && !Array.isArray(v),
  "expected an object",
);
const Attachment = z.enum(["platform", "cross-platform"]).optional();

/** What `startAuthentication()` of @simplewebauthn/browser gives. */
export const AuthenticationResponse = z.object({
  id: B64url.min(1),
  rawId: B64url.min(1),
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: B64url,
    authenticatorData: B64url,
    signature: B64url,
    userHandle: B64url.optional(),
  }),
  authenticatorAttachment: Attachment,
  clientExtensionResults: ExtensionOutputs,
});

/** What `startRegistration()` of @simplewebauthn/browser gives. */
export const RegistrationResponse = z.object({
  id: B64url.min(1),
  rawId: B64url.min(1),
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: B64url,
    attestationObject: B64url,
    authenticatorData: B64url.optional(),
    transports: z.array(z.string().max(40)).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: B64url.optional(),
  }),
  authenticatorAttachment: Attachment,
  clientExtensionResults: ExtensionOutputs,
});

const ChallengeId = z.uuid();

/** `POST /api/auth/passkey/options` → options for `startAuthentication()` (discoverable credentials). */
export const PasskeySignInOptions = z.object({
  challengeId: ChallengeId,
  options: z.custom<PublicKeyCredentialRequestOptionsJSON>((v) => typeof v === "object" && v !== null),
});
export type PasskeySignInOptions = z.infer<typeof PasskeySignInOptions>;

/** `POST /api/auth/passkey/verify` */
export const PasskeySignIn = z.object({ challengeId: ChallengeId, response: AuthenticationResponse }).strict();
export type PasskeySignIn = z.infer<typeof PasskeySignIn>;

/** `POST /api/staff/:office/passkeys/options` → options for `startRegistration()`. */
export const PasskeyRegisterOptions = z.object({
  challengeId: ChallengeId,
  options: z.custom<PublicKeyCredentialCreationOptionsJSON>((v) => typeof v === "object" && v !== null),
});
export type PasskeyRegisterOptions = z.infer<typeof PasskeyRegisterOptions>;

/** `POST /api/staff/:office/passkeys`: the new passkey, with a label the person recognises ("PC Raum 1"). */
export const PasskeyRegister = z
  .object({
    challengeId: ChallengeId,
    response: RegistrationResponse,
    label: singleLine(60).optional(),
  })
  .strict();
export type PasskeyRegister = z.infer<typeof PasskeyRegister>;

/** One of my passkeys. */
export const Passkey = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: UtcInstant,
  lastUsedAt: UtcInstant.nullable(),
});
export type Passkey = z.infer<typeof Passkey>;

/** `GET /api/staff/:office/passkeys` */
export const PasskeyList = z.object({ passkeys: z.array(Passkey) });
export type PasskeyList = z.infer<typeof PasskeyList>;

/** A staff account as admins see it (no sessions, no passkey details). */
export const StaffAccount = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  role: StaffRole,
  active: z.boolean(),
  passkeys: z.number().int().nonnegative(),
  createdAt: UtcInstant,
});
export type StaffAccount = z.infer<typeof StaffAccount>;

/** `GET /api/staff/:office/admin/staff` */
export const StaffList = z.object({ staff: z.array(StaffAccount) });
export type StaffList = z.infer<typeof StaffList>;

/** `POST /api/staff/:office/admin/staff`: a new account (or a deactivated one of this office, active again). */
export const StaffCreate = z
  .object({
    email: Email,
    name: singleLine(100).min(2),
    role: StaffRole.default("staff"),
  })
  .strict();
export type StaffCreate = z.infer<typeof StaffCreate>;
