/*
 * The display's rules, pure: which calls are new (each new call chimes, a repeat too, since a repeated
 * call is a call of its own with a new id), and what is announced. Tested in Node.
 */
import type { DisplayCall } from "../../schemas/display";
import { PAIRING_CODE_LENGTH } from "../../common/limits";
import { codeChar } from "../shared/codes";
import { display } from "./i18n/display";

/**
 * The calls in `calls` (newest first, as the API lists them) that were not there before, oldest first:
 * the order in which to chime and announce them. `seen` is null before the first answer: the calls a
 * display finds when it starts (or reloads) are history, not news, and do not chime.
 */
export function newCalls(seen: ReadonlySet<number> | null, calls: readonly DisplayCall[]): DisplayCall[] {
  if (seen === null) return [];
  return calls.filter((c) => !seen.has(c.id)).reverse();
}

/**
 * The calls listed below the current one: each number once, at its latest call, and not the number on
 * show above (a repeated call must not make the list look like two people).
 */
export function earlierCalls(calls: readonly DisplayCall[]): DisplayCall[] {
  const [current, ...rest] = calls;
  const shown = new Set(current ? [current.label] : []);
  return rest.filter((call) => !shown.has(call.label) && shown.add(call.label));
}

/** What the speech announcement says, in German: "Nummer W 7, bitte in Raum 2." */
export function spokenText(call: Pick<DisplayCall, "label" | "room">): string {
  return display.announce(call).de;
}

/** What the screen reader's live region says (German, then English). */
export function liveText(call: Pick<DisplayCall, "label" | "room">): string {
  const { de, en } = display.announce(call);
  return `${de} ${en}`;
}

/** A typed or pasted pairing code as the API takes it: code characters only, upper case, 8 at most. */
export function cleanPairingCode(input: string): string {
  return [...input]
    .map(codeChar)
    .filter((c): c is string => c !== null)
    .join("")
    .slice(0, PAIRING_CODE_LENGTH);
}
