/*
 * VAPID keys for Web Push (issue 13): `npm start` writes a development pair into .dev.vars the first time
 * (never committed), so the status page can offer notifications locally without anyone setting keys.
 * For a deployment make a pair of its own and store it as secrets (README, "Web Push"):
 *   node scripts/vapid.ts            prints a new pair as VAPID_PUBLIC_KEY=… / VAPID_PRIVATE_KEY=…
 */
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");

/** A new P-256 pair: the public key uncompressed (65 bytes), the private key's `d` (32 bytes), base64url. */
export async function newVapidKeys(): Promise<{ publicKey: string; privateKey: string }> {
  const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
  const raw = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
  const jwk = await crypto.subtle.exportKey("jwk", pair.privateKey);
  return { publicKey: base64url(raw), privateKey: jwk.d! };
}

/**
 * Adds a development VAPID pair to `file` (.dev.vars) unless it names VAPID_PUBLIC_KEY already. Returns
 * whether it wrote one.
 */
export async function ensureDevVapidKeys(file: string): Promise<boolean> {
  const text = existsSync(file) ? readFileSync(file, "utf8") : "";
  if (/^\s*VAPID_PUBLIC_KEY\s*=/m.test(text)) return false;
  const { publicKey, privateKey } = await newVapidKeys();
  const lines = [
    "# Web Push keys for local development, made by `npm start` (scripts/vapid.ts). Never use them deployed.",
    `VAPID_PUBLIC_KEY=${publicKey}`,
    `VAPID_PRIVATE_KEY=${privateKey}`,
    "VAPID_SUBJECT=mailto:entwicklung@example.org",
  ];
  appendFileSync(file, `${text && !text.endsWith("\n") ? "\n" : ""}${lines.join("\n")}\n`, { mode: 0o600 });
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { publicKey, privateKey } = await newVapidKeys();
  console.log(`VAPID_PUBLIC_KEY=${publicKey}\nVAPID_PRIVATE_KEY=${privateKey}`);
}
