/*
 * Who is signed in, and signing out: the two calls the board makes before it shows anything, kept apart
 * from ./store.ts so that the sign-in form, the passkeys and @simplewebauthn load only when shown.
 */
import type { Me } from "../../../schemas/auth";
import { ApiError, call } from "../../shared/api";

/** `GET /api/auth/me`: who is signed in, or null without a valid session (401). */
export async function loadMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await call<Me>("/api/auth/me", { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** `POST /api/auth/sign-out`: ends the session at once. Harmless when there is none. */
export async function signOut(): Promise<void> {
  const res = await fetch("/api/auth/sign-out", { method: "POST", headers: { accept: "application/json" } });
  if (!res.ok && res.status !== 401) throw new ApiError("bad_response", `sign-out answered ${res.status}`, res.status);
}
