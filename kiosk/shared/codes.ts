/*
 * What a typed or scanned code may be: the kiosk's keypad and the call display's pairing field. Check-in
 * codes (6 characters) and pairing codes (8) share one alphabet without look-alikes (no 0/O, 1/I/L, 2/Z,
 * 5/S, 8/B), so the keypad only has keys that can be part of a code, and anything else typed on a real
 * keyboard is ignored. Pure; the stores use it.
 */
import { CODE_ALPHABET } from "../../common/limits";

/** The keypad's keys in reading order: the letters A to Y, then the digits. */
export const KEYS: readonly string[] = [...CODE_ALPHABET];

/** A key as the code spells it (upper case), or null when no code can contain it. */
export function codeChar(key: string): string | null {
  if (key.length !== 1) return null;
  const upper = key.toUpperCase();
  return CODE_ALPHABET.includes(upper) ? upper : null;
}

/** The code after typing `key`: appended when it is a code character and there is room, else unchanged. */
export function typeKey(code: string, key: string, length: number): string {
  const c = codeChar(key);
  return c && code.length < length ? code + c : code;
}

/** The code without its last character. */
export function deleteKey(code: string): string {
  return code.slice(0, -1);
}

export function isComplete(code: string, length: number): boolean {
  return code.length === length;
}

/**
 * A code read from a QR code (the mails and the manage page carry the bare check-in code): accepted
 * only when it is exactly a code of `length` characters of the alphabet, spaces around it aside.
 * Anything else (a web address, another office's ticket) is not a code and is ignored.
 */
export function codeFromScan(raw: string, length: number): string | null {
  const v = raw.trim().toUpperCase();
  if (v.length !== length) return null;
  return [...v].every((c) => CODE_ALPHABET.includes(c)) ? v : null;
}

/** The code in groups for reading it back: "DJR JM4", "ACDE FGHJ". */
export function groupCode(code: string): string {
  const size = code.length > 6 ? 4 : 3;
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += size) groups.push(code.slice(i, i + size));
  return groups.join(" ");
}
