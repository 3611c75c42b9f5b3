import { z } from "zod";
import { Locale } from "./common";

/*
 * Web Push for a queue number (issue 13) and leaving the queue, both by the number's status link:
 *   GET    /api/push/key              the server's VAPID public key (null: push is off here)
 *   GET    /api/status/:token/push    the number's subscription's endpoint (null: none)
 *   POST   /api/status/:token/push    subscribe the status page's browser (one per number; again replaces it)
 *   DELETE /api/status/:token/push    withdraw it
 *   POST   /api/status/:token/leave   "Ich warte nicht mehr": the number ends, its place is free
 */

/** The longest endpoint accepted; real push services' URLs are a few hundred characters. */
export const PUSH_ENDPOINT_MAX = 1024;

const base64url = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+=*$/, "expected base64url")
    .refine((s) => Math.floor((s.replace(/=+$/, "").length * 3) / 4) === bytes, `expected ${bytes} bytes, base64url`);

/**
 * The push services browsers subscribe at (the endpoint's host): the Worker POSTs to the endpoint, so
 * it must be one of them, never an address of the visitor's choosing (an internal host, an IP literal,
 * a site to flood). Chrome, Edge (Chromium), Opera, Samsung Internet, Brave: Firebase Cloud Messaging;
 * Firefox: Mozilla's autopush; Safari (macOS, iOS): Apple's web push; legacy Edge: Windows Push
 * Notification Services. Exact hosts, or a suffix (leading dot) for the services with regional hosts.
 */
export const PUSH_SERVICE_HOSTS: readonly string[] = [
  "fcm.googleapis.com",
  "android.googleapis.com",
  "updates.push.services.mozilla.com",
  ".push.apple.com",
  ".notify.windows.com",
];

/**
 * Whether `endpoint` is a push service's address the Worker may send to: https on the default port,
 * no user or password, a host of PUSH_SERVICE_HOSTS (so no IP literal, no localhost).
 */
export function isPushServiceEndpoint(endpoint: string): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.protocol !== "https:" || url.port !== "" || url.username !== "" || url.password !== "") return false;
  const host = url.hostname.toLowerCase();
  return PUSH_SERVICE_HOSTS.some((h) => (h.startsWith(".") ? host.endsWith(h) && host.length > h.length : host === h));
}

/** What `PushSubscription.toJSON()` gives, plus the page's language. */
export const PushSubscriptionBody = z
  .object({
    endpoint: z
      .url({ protocol: /^https$/, error: "expected an https URL" })
      .max(PUSH_ENDPOINT_MAX, `at most ${PUSH_ENDPOINT_MAX} characters`)
      .refine(isPushServiceEndpoint, "expected a push service's address (https, a known push service's host, default port)"),
    expirationTime: z.number().nullable().optional(),
    keys: z.object({ p256dh: base64url(65), auth: base64url(16) }).strict(),
    locale: Locale.default("de"),
  })
  .strict();
export type PushSubscriptionBody = z.infer<typeof PushSubscriptionBody>;

export const PushKey = z.object({ publicKey: z.string().nullable() });
export type PushKey = z.infer<typeof PushKey>;

/** `GET /api/status/:token/push`: the number's subscription's endpoint, null without one. */
export const PushState = z.object({ endpoint: z.string().nullable() });
export type PushState = z.infer<typeof PushState>;

/** `POST /api/status/:token/leave`: the number has ended (the page reads its status again for the rest). */
export const LeaveResult = z.object({ label: z.string(), status: z.literal("cancelled") });
export type LeaveResult = z.infer<typeof LeaveResult>;

/** What the service worker receives (JSON, encrypted per RFC 8291) and shows as the notification. */
export const PushPayload = z.object({
  kind: z.enum(["soon", "called"]),
  title: z.string(),
  body: z.string(),
  /** The number's status page, opened on tap (same origin). */
  url: z.string(),
  lang: Locale,
  dir: z.enum(["ltr", "rtl"]),
});
export type PushPayload = z.infer<typeof PushPayload>;
