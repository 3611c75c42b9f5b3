/*
 * The seam to the sign-in (kiosk/staff/auth/): who is signed in as a signal the page renders from.
 * auth/ does the talking; this file only keeps its answer.
 */
import { signal } from "@preact/signals";
import type { Me } from "../../schemas/auth";
import { lazy } from "../shared/lazy";
import { withWords } from "./lazy";
import { loadMe as fetchMe, signOut as endSession } from "./auth/me";
import { LazyFallback } from "./parts";

/** The sign-in form with its passkey code: a chunk of its own, fetched only when nobody is signed in. */
export const SignIn = lazy(withWords(() => import("./auth/SignIn")), (m) => m.SignIn, LazyFallback);

/** null while loading; "signedOut" without a session (401), then the sign-in shows. */
export const me = signal<Me | "signedOut" | null>(null);

export async function loadMe(): Promise<void> {
  me.value = (await fetchMe()) ?? "signedOut";
}

export function signedIn(who: Me): void {
  me.value = who;
}

/** Ends the session; the page shows the sign-in even when the answer does not come. */
export async function signOut(): Promise<void> {
  try {
    await endSession();
  } finally {
    me.value = "signedOut";
  }
}
