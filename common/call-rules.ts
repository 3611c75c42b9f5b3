/*
 * The queue's two numbers that the server's call-next rule (worker/domain/call-next.ts) and the staff
 * board (kiosk/staff/board.ts) both decide by.
 */

/** An appointment counts as due from this many minutes before its start (and ever after). */
export const DUE_WITHIN_MINUTES = 5;

/**
 * "Nicht erschienen" for a called number from this many calls on: one unanswered call may just be
 * someone in the toilet. worker/db/tickets.ts `endTicket` binds it into the SQL that checks it.
 */
export const NO_SHOW_AFTER_CALLS = 2;
