/*
 * This tablet's device token, kept in localStorage once paired. A 401 from any kiosk call means the
 * office revoked it (or it was never valid): it is forgotten and the pairing screen comes back.
 */
import { signal } from "@preact/signals";
import { go } from "./nav";

const TOKEN_KEY = "sprechstunde.kiosk.token";

export const token = signal<string | null>(savedToken());
/** Why the pairing screen shows: null for a tablet never paired, "forgotten" after a 401. */
export const unpairedBecause = signal<"forgotten" | null>(null);

function savedToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function rememberDevice(value: string): void {
  token.value = value;
  unpairedBecause.value = null;
  try {
    localStorage.setItem(TOKEN_KEY, value);
  } catch {
    // Storage off: the tablet works until the page is reloaded, then asks for a code again.
  }
}

/** After a 401: forgets the token and asks staff to pair the tablet again. */
export function forgetDevice(): void {
  token.value = null;
  unpairedBecause.value = "forgotten";
  try {
    localStorage.removeItem(TOKEN_KEY);
  } catch {
    // nothing stored
  }
  go("pair");
}
