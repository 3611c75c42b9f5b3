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
