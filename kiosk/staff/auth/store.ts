/*
 * Sign-in and passkeys on the board's side: the API calls and the small decisions around them (which
 * words an error gets, reading the link out of the address). No DOM here except what WebAuthn needs
 * through @simplewebauthn/browser; the components only render. Only the sign-in form and the passkey
 * section use this module, and both load when shown; who is signed in is asked by ./me.ts.
 */
import { startAuthentication, startRegistration } from "@simplewebauthn/browser";
import type { Me, Passkey, PasskeyList, PasskeyRegisterOptions, PasskeySignInOptions } from "../../../schemas/auth";
import { ApiError, call } from "../../shared/api";
import type { AuthStrings } from "../i18n/auth";

export type { Me, Passkey };

/** `POST /api/auth/link`: mails a sign-in link if there is an account (the answer never says). */
export async function requestLink(email: string): Promise<void> {
  await call("/api/auth/link", { method: "POST", body: { email } });
}

/** `POST /api/auth/link/redeem`: signs in with the token of a sign-in link. */
export function redeemLink(token: string): Promise<Me> {
  return call<Me>("/api/auth/link/redeem", { method: "POST", body: { token } });
}

/** Passkey sign-in: options from the API, the browser asks the authenticator, the API checks the answer. */
export async function signInWithPasskey(): Promise<Me> {
  const { challengeId, options } = await call<PasskeySignInOptions>("/api/auth/passkey/options", { method: "POST", body: {} });
  const response = await startAuthentication({ optionsJSON: options });
  return call<Me>("/api/auth/passkey/verify", { method: "POST", body: { challengeId, response } });
}

const account = (office: string) => `/api/staff/${encodeURIComponent(office)}/passkeys`;

/** My passkeys. */
export async function listPasskeys(office: string, signal?: AbortSignal): Promise<Passkey[]> {
  return (await call<PasskeyList>(account(office), { signal })).passkeys;
}

/** Adds a passkey for this PC: options from the API, the authenticator makes it, the API stores it. */
export async function addPasskey(office: string, label: string): Promise<Passkey> {
  const { challengeId, options } = await call<PasskeyRegisterOptions>(`${account(office)}/options`, { method: "POST", body: {} });
  const response = await startRegistration({ optionsJSON: options });
  return call<Passkey>(account(office), { method: "POST", body: { challengeId, response, ...(label.trim() ? { label: label.trim() } : {}) } });
}

/** Removes one of my passkeys. */
export async function removePasskey(office: string, id: string): Promise<void> {
  const res = await fetch(`${account(office)}/${encodeURIComponent(id)}/delete`, { method: "POST", headers: { accept: "application/json" } });
  if (!res.ok) throw new ApiError("bad_response", `delete answered ${res.status}`, res.status);
}

/** The token of a sign-in link in an address fragment (`#link=<token>`), or null. */
export function linkTokenOf(hash: string): string | null {
  const match = /^#link=([A-Za-z0-9_-]{20,100})$/.exec(hash);
  return match ? match[1]! : null;
}

/** What to tell the person after a failed call, in the words `s` (the board's language). */
export function failureText(error: unknown, s: AuthStrings, kind: "link" | "passkey" | "other" = "other"): string {
  if (error instanceof ApiError) {
    if (error.code === "rate_limited") return s.tooMany({ minutes: Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60)) });
    if (error.code === "network") return s.offline;
    if (error.code === "link_invalid") return s.linkInvalid;
    if (error.code === "passkey_invalid") return s.passkeyFailed;
  }
  // WebAuthn's own refusals (cancelled, timed out, no passkey here) are DOMExceptions / WebAuthnErrors.
  if (kind === "passkey") return s.passkeyFailed;
  return s.failed;
}
