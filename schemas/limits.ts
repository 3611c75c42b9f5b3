/*
 * Limits that the API enforces and the front ends need to know. Kept free of zod, so a page can import
 * them without bundling the validator.
 */

/** The longest range `GET /api/slots` answers, in days (inclusive of both ends). */
export const MAX_SLOT_RANGE_DAYS = 62;
