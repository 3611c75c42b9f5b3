import { describe, expect, it } from "vitest";
import { ERROR_STATUS, type ErrorCode } from "../../common/error-codes";
import { ApiError, type ApiErrorCode } from "../../kiosk/shared/api";
import { ADMIN_STRINGS } from "./catalogs";
import { refetchAfter } from "../../kiosk/staff/board";
import { staffFailure, type StaffFailure } from "../../kiosk/staff/failure";
import { STAFF_STRINGS } from "./catalogs";

/*
 * One reading of the API's refusals for the whole staff board: the board's actions and dialogs and the
 * admin panels take the same failure from a code, and each says it in its own words.
 */

const board = STAFF_STRINGS.de.failures;
const admin = ADMIN_STRINGS.de.failures;
const changed = "Das hat sich gerade geändert – die Liste ist jetzt aktuell.";

describe("a refusal on the board", () => {
  it.each<[ApiErrorCode, StaffFailure, string, boolean]>([
    ["queue_empty", "queueEmpty", "Gerade wartet niemand.", true],
    ["room_busy", "roomBusy", "In Ihrem Raum ist noch jemand aufgerufen. Bitte erst „Gespräch beginnen“, „Nicht erschienen“ oder „Zurück in die Warteschlange“.", true],
    ["ticket_other_day", "changed", changed, true],
    ["booking_not_changeable", "changed", changed, true],
    ["ticket_state", "changed", changed, true],
    ["not_found", "notFound", changed, true],
    ["too_few_calls", "tooFewCalls", "„Nicht erschienen“ geht erst nach dem zweiten Aufruf.", true],
    ["slot_full", "slotGone", "Diese Zeit ist nicht mehr frei. Bitte wählen Sie eine andere.", true],
    ["invalid_request", "invalid", "Eine Angabe stimmt so nicht. Bitte prüfen Sie das Formular.", false],
    ["too_many_bookings", "conflict", "Das hat nicht geklappt. Bitte versuchen Sie es noch einmal.", false],
    ["rate_limited", "rateLimited", "Zu viele Versuche. Bitte warten Sie kurz.", false],
    ["network", "network", "Keine Verbindung. Bitte versuchen Sie es gleich noch einmal.", false],
    ["internal", "unexpected", "Das hat nicht geklappt. Bitte versuchen Sie es noch einmal.", false],
  ])("%s → %s: the words, and whether the board loads again", (code, failure, words, reload) => {
    const f = staffFailure(new ApiError(code, "x", 409));
    expect(f).toBe(failure);
    expect(board[f]).toBe(words);
    expect(refetchAfter(f)).toBe(reload);
  });
});

describe("a refusal in the admin panels", () => {
  it.each<[ApiErrorCode, number, StaffFailure, string]>([
    ["network", 0, "network", "Keine Verbindung. Bitte prüfen Sie das Netz und versuchen Sie es noch einmal."],
    ["unauthorized", 401, "signedOut", "Sie sind nicht mehr angemeldet. Bitte melden Sie sich neu an."],
    ["forbidden", 403, "forbidden", "Das ist nicht erlaubt."],
    ["not_found", 404, "notFound", "Das gibt es nicht mehr. Bitte laden Sie die Seite neu."],
    ["mail_not_resendable", 409, "conflict", "Das geht gerade nicht, weil sich etwas geändert hat."],
    ["already_exists", 409, "conflict", "Das geht gerade nicht, weil sich etwas geändert hat."],
    ["rate_limited", 429, "rateLimited", "Zu viele Versuche. Bitte warten Sie kurz."],
    ["invalid_request", 400, "invalid", "Bitte prüfen Sie die Angaben."],
    ["internal", 500, "unexpected", "Das hat nicht geklappt. Bitte versuchen Sie es noch einmal."],
  ])("%s (%d) → %s", (code, status, failure, words) => {
    const f = staffFailure(new ApiError(code, "x", status));
    expect(f).toBe(failure);
    expect(admin[f]).toBe(words);
  });
});

describe("an answer without the API's JSON (a proxy or access gate in front of the Worker)", () => {
  it.each<[number, StaffFailure]>([
    [401, "signedOut"],
    [403, "forbidden"],
    [429, "rateLimited"],
    [404, "unexpected"],
    [502, "unexpected"],
  ])("is read by its status: %d → %s", (status, failure) => {
    expect(staffFailure(new ApiError("bad_response", "x", status))).toBe(failure);
  });
});

describe("the one reading", () => {
  it("a code of a newer API is said in general words, whatever its status", () => {
    for (const status of [401, 403, 409, 429, 503]) expect(staffFailure(new ApiError("unknown", "x", status))).toBe("unexpected");
    expect(board.unexpected).toBe("Das hat nicht geklappt. Bitte versuchen Sie es noch einmal.");
  });

  it("a thrown non-API error is 'unexpected'", () => {
    expect(staffFailure(new TypeError("boom"))).toBe("unexpected");
  });

  it("only a 401 of the session means signed out, and every 5xx is 'other'", () => {
    const codes = Object.keys(ERROR_STATUS) as ErrorCode[];
    const signedOut = codes.filter((code) => staffFailure(new ApiError(code, "x", ERROR_STATUS[code])) === "signedOut");
    expect(signedOut).toEqual(["unauthorized"]);
    for (const code of codes.filter((c) => ERROR_STATUS[c] >= 500)) expect(staffFailure(new ApiError(code, "x", 500))).toBe("unexpected");
  });
});
