import { codeFromBytes } from "./domain/booking";

/*
 * The randomness port: ids, secret tokens and check-in codes. The real one uses the Workers runtime's
 * CSPRNG; tests may pass their own to hold values still.
 */

export interface RandomSource {
  /** A unique id for a row (UUID v4). */
  id(): string;
  /** A secret for a link: 256 random bits, base64url. */
  token(): string;
  /** A short check-in code (see CODE_ALPHABET). */
  code(): string;
}

export const cryptoRandom: RandomSource = {
  id: () => crypto.randomUUID(),
  token: () => base64url(crypto.getRandomValues(new Uint8Array(32))),
  code: () => {
    for (;;) {
      const code = codeFromBytes(crypto.getRandomValues(new Uint8Array(16)));
      if (code) return code;
    }
  },
};

/** Hex SHA-256 of a text: how secret tokens are stored and looked up. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
