/*
 * The pages opened by a secret link (manage a booking, follow a queue number) carry the secret in the
 * address's fragment, which the browser never sends to a server.
 */

/** The secret token from `#<token>`; null when the address has none. */
export function tokenFromHash(hash: string): string | null {
  const raw = hash.startsWith("#") ? hash.slice(1) : hash;
  try {
    const token = decodeURIComponent(raw).trim();
    return token ? token : null;
  } catch {
    return null;
  }
}

/** The secret token of a link (`<origin>/manage#<token>`), or null when it has none. */
export function tokenOfLink(url: string): string | null {
  const hash = url.indexOf("#");
  return hash < 0 ? null : tokenFromHash(url.slice(hash));
}
