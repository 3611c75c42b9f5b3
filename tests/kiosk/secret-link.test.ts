import { describe, expect, it } from "vitest";
import { tokenFromHash, tokenOfLink } from "../../kiosk/shared/secret-link";

/* The secret of a manage or status link rides in the fragment: read from the page's address or a link. */

describe("tokenFromHash", () => {
  it.each([
    ["#abcDEF_123-xyz", "abcDEF_123-xyz"],
    ["abc", "abc"],
    ["#", null],
    ["", null],
    ["#%E0%A4%A", null],
  ])("%j → %j", (hash, token) => {
    expect(tokenFromHash(hash)).toBe(token);
  });
});

describe("tokenOfLink", () => {
  it.each([
    ["https://termine.example.org/manage#abcDEF_123-xyz", "abcDEF_123-xyz"],
    ["http://localhost:8787/manage#tok%2Den", "tok-en"],
    ["https://termine.example.org/manage#", null],
    ["https://termine.example.org/manage", null],
  ])("%s → %s", (url, token) => {
    expect(tokenOfLink(url)).toBe(token);
  });
});
