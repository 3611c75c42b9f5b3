import { describe, expect, it } from "vitest";
import { CheckinBody, PairingCode } from "../../schemas/kiosk";
import { codeFromBytes } from "../../worker/domain/booking";
import { CHECKIN_CODE_LENGTH, CODE_ALPHABET, PAIRING_CODE_LENGTH } from "../../common/limits";
import { codeChar, codeFromScan, deleteKey, groupCode, isComplete, KEYS, typeKey } from "../../kiosk/shared/codes";

// Characters that look like others and so are in no code: 0/O, 1/I/L, 2/Z, 5/S, 8/B.
const LOOK_ALIKES = ["0", "O", "o", "1", "I", "i", "L", "l", "2", "Z", "z", "5", "S", "s", "8", "B", "b"];

describe("the keypad's alphabet", () => {
  it("has one key per character of the codes' alphabet", () => {
    expect(KEYS.join("")).toBe(CODE_ALPHABET);
    expect(new Set(KEYS).size).toBe(24);
  });

  it("is exactly what a pairing code may contain", () => {
    for (const key of KEYS) expect(PairingCode.safeParse(key.repeat(PAIRING_CODE_LENGTH)).success).toBe(true);
    for (const c of LOOK_ALIKES) expect(PairingCode.safeParse(`ACDEFGH${c}`).success).toBe(false);
  });

  it("can type every check-in code the Worker makes", () => {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 97 + 13) % 256;
    for (let start = 0; start < bytes.length - 16; start += 16) {
      const code = codeFromBytes(bytes.subarray(start, start + 16));
      if (!code) continue;
      const typed = [...code.toLowerCase()].reduce((sofar, key) => typeKey(sofar, key, CHECKIN_CODE_LENGTH), "");
      expect(typed).toBe(code);
      expect(CheckinBody.parse({ code: typed }).code).toBe(code);
    }
  });
});

describe("typing", () => {
  it.each([
    ["", "a", "A", "lower case counts as upper case"],
    ["DJ", "r", "DJR", "appended"],
    ["DJ", "3", "DJ3", "digits of the alphabet"],
    ["DJRJM4", "A", "DJRJM4", "full: nothing more"],
    ["DJ", " ", "DJ", "a space is ignored"],
    ["DJ", "AB", "DJ", "not a single key (Shift, Enter)"],
    ["DJ", "ä", "DJ", "not in the alphabet"],
  ])("%j + %j is %j (%s)", (code, key, expected) => {
    expect(typeKey(code, key, CHECKIN_CODE_LENGTH)).toBe(expected);
  });

  it.each(LOOK_ALIKES)("ignores the look-alike %j", (key) => {
    expect(codeChar(key)).toBeNull();
    expect(typeKey("DJ", key, CHECKIN_CODE_LENGTH)).toBe("DJ");
  });

  it("takes 8 characters for a pairing code", () => {
    const typed = [..."acdefghjk"].reduce((code, key) => typeKey(code, key, PAIRING_CODE_LENGTH), "");
    expect(typed).toBe("ACDEFGHJ");
    expect(isComplete(typed, PAIRING_CODE_LENGTH)).toBe(true);
    expect(isComplete(typed.slice(0, 7), PAIRING_CODE_LENGTH)).toBe(false);
  });

  it("deletes the last character, and nothing from nothing", () => {
    expect(deleteKey("DJR")).toBe("DJ");
    expect(deleteKey("")).toBe("");
  });

  it.each([
    ["DJRJM4", "DJR JM4"],
    ["DJR", "DJR"],
    ["DJRJ", "DJR J"],
    ["ACDEFGHJ", "ACDE FGHJ"],
    ["", ""],
  ])("reads %j back as %j", (code, grouped) => {
    expect(groupCode(code)).toBe(grouped);
  });
});

describe("a code read from a QR code", () => {
  it.each([
    ["DJRJM4", "DJRJM4", "the bare code, as the mails carry it"],
    [" djrjm4\n", "DJRJM4", "spaces around it and lower case"],
    ["DJRJM", null, "too short"],
    ["DJRJM43", null, "too long"],
    ["DJRJMO", null, "a letter O is no code character"],
    ["DJR JM4", null, "a space inside"],
    ["https://example.org/manage#DJRJM4", null, "a web address"],
    ["", null, "nothing"],
  ] as [string, string | null, string][])("%j gives %j (%s)", (raw, expected) => {
    expect(codeFromScan(raw, CHECKIN_CODE_LENGTH)).toBe(expected);
  });
});
