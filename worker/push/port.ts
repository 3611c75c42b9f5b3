/*
 * The Web Push port (issue 13): the server's VAPID keys (RFC 8292) and the fetch that reaches push
 * services. Built from the environment (index.ts `pushPortOf`); tests pass their own keys and a fetch
 * that plays the push service. Without keys push is off: the status page does not offer it.
 */

export interface VapidKeys {
  /** Uncompressed P-256 public key, base64url (65 bytes): the browser's `applicationServerKey`. */
  publicKey: string;
  /** The private scalar `d`, base64url (32 bytes). A secret. */
  privateKey: string;
  /** Who a push service may contact about our messages: `mailto:…` or `https://…`. */
  subject: string;
}

export interface PushPort {
  keys: VapidKeys;
  /** How a message reaches a push service (the runtime's fetch). */
  fetch(url: string, init: RequestInit): Promise<Response>;
}

/** The port from VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT; null (push off) unless all three are set. */
export function pushPortOf(env: Pick<Env, "VAPID_PUBLIC_KEY" | "VAPID_PRIVATE_KEY" | "VAPID_SUBJECT">): PushPort | null {
  const publicKey = env.VAPID_PUBLIC_KEY?.trim();
  const privateKey = env.VAPID_PRIVATE_KEY?.trim();
  const subject = env.VAPID_SUBJECT?.trim();
  if (!publicKey || !privateKey || !subject) return null;
  return { keys: { publicKey, privateKey, subject }, fetch: (url, init) => fetch(url, init) };
}
