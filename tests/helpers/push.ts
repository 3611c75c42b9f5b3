/*
 * Web Push from the outside (issue 13): the keys a server and a browser make, as they make them, for the
 * tests that subscribe numbers (tests/routes/status-push.test.ts, the query-plan tour).
 */

export const b64u = {
  encode(bytes: Uint8Array): string {
    let s = "";
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  },
  decode(text: string): Uint8Array {
    const s = atob(text.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(text.length / 4) * 4, "="));
    return Uint8Array.from(s, (c) => c.charCodeAt(0));
  },
};
export const utf8 = (s: string) => new TextEncoder().encode(s);
export const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** The server's VAPID pair, as scripts/vapid.ts makes it. */
export async function vapidKeys() {
  const pair = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"])) as CryptoKeyPair;
  const raw = new Uint8Array((await crypto.subtle.exportKey("raw", pair.publicKey)) as ArrayBuffer);
  const jwk = (await crypto.subtle.exportKey("jwk", pair.privateKey)) as JsonWebKey;
  return { publicKey: b64u.encode(raw), privateKey: jwk.d!, subject: "mailto:test@example.org" };
}

/** A browser's push subscription: its ECDH pair and auth secret; `endpoint` at the test's push service. */
export async function browserSubscription(endpoint: string) {
  const pair = (await crypto.subtle.generateKey({ name: "ECDH", namedCurve: "P-256" }, true, ["deriveBits"])) as CryptoKeyPair;
  const publicRaw = new Uint8Array((await crypto.subtle.exportKey("raw", pair.publicKey)) as ArrayBuffer);
  const auth = crypto.getRandomValues(new Uint8Array(16));
  return {
    pair,
    publicRaw,
    auth,
    json: { endpoint, expirationTime: null, keys: { p256dh: b64u.encode(publicRaw), auth: b64u.encode(auth) } },
  };
}
export type Browser = Awaited<ReturnType<typeof browserSubscription>>;


/** A push service that takes every message and answers 201; what arrived, by endpoint. */
export async function acceptingPushPort(): Promise<{ keys: Awaited<ReturnType<typeof vapidKeys>>; fetch: (url: string, init: RequestInit) => Promise<Response>; arrived: string[] }> {
  const arrived: string[] = [];
  return {
    keys: await vapidKeys(),
    arrived,
    fetch: async (url) => {
      arrived.push(url);
      return new Response(null, { status: 201 });
    },
  };
}
