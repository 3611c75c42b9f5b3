/*
 * Limits that the API enforces and the front ends need to know. Kept free of zod, so a page can import
 * them without bundling the validator.
 */

/** The longest range `GET /api/slots` answers, in days (inclusive of both ends). */
export const MAX_SLOT_RANGE_DAYS = 62;

/** Check-in and pairing codes use no look-alikes (0/O, 1/I/L, 2/Z, 5/S, 8/B), so they can be read out and typed on a keypad. */
export const CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY3469";

/** Length of a booking's check-in code and of a device's pairing code. */
export const CHECKIN_CODE_LENGTH = 6;
export const PAIRING_CODE_LENGTH = 8;

/** Minutes a pairing code stays valid. */
export const PAIRING_CODE_MINUTES = 15;

/** Minutes a staff sign-in link (mailed, or printed by `npm run staff` / `npm start`) stays valid; it works once. */
export const SIGN_IN_LINK_MINUTES = 15;

/**
 * A one-time pairing code for a kiosk or display. Lives here, free of imports, because the Worker
 * (admin panel) and the Node scripts (`npm run device`, `npm start`) both make them and both can import
 * this file; both runtimes have `crypto.getRandomValues`. Bytes at or above the largest multiple of the
 * alphabet's size are skipped, so every symbol is equally likely.
 */
export function newPairingCode(): string {
  const limit = 256 - (256 % CODE_ALPHABET.length);
  let code = "";
  while (code.length < PAIRING_CODE_LENGTH) {
    for (const byte of crypto.getRandomValues(new Uint8Array(16))) {
      if (byte < limit && code.length < PAIRING_CODE_LENGTH) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    }
  }
  return code;
}

/** The kinds of change a live socket reports (schemas/live.ts validates them; pages import this list). */
export const LIVE_CHANGES = ["queue", "calls", "bookings", "requests", "settings", "devices", "outbox"] as const;

/**
 * The close code of a status page's socket that the hub closed to make room (the office's public budget
 * was full; worker/live/hub.ts). The client then waits its longest backoff before trying again, so a
 * crowd of phones does not push each other out in a loop; it polls meanwhile.
 */
export const LIVE_CLOSE_CROWDED = 4029;

/** The browser storage key of the language a resident chose (the privacy notice names it). */
export const LOCALE_STORAGE_KEY = "sprechstunde.locale";
