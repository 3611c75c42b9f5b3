/*
 * Web Push on the status page (issue 13), only with the visitor's consent and only where the browser can
 * (a service worker, PushManager and Notification). The service worker (public/status-sw.js, scope
 * /status) shows the message and opens the page on tap; it caches nothing. Without support or consent
 * none of this runs and the page works as before.
 */
import { signal } from "@preact/signals";
import type { Locale } from "../../schemas/common";
import { deletePush, getPushKey, getPushState, savePush } from "./turn-api";

/** What the offer shows: not offered, offered, being set up, on, refused by the browser, failed. */
export type PushStatus = "unavailable" | "offer" | "working" | "on" | "denied" | "failed";

export const pushStatus = signal<PushStatus>("unavailable");

const SCOPE = "/status";
const WORKER = "/status-sw.js";

let publicKey: string | null = null;

/** Whether this browser can receive Web Push at all. */
export function pushSupported(): boolean {
  return "serviceWorker" in navigator && typeof PushManager !== "undefined" && typeof Notification !== "undefined";
}

/**
 * Decides whether to offer notifications for the number `token`: the browser must support them and the
 * office must have keys. "on" when this browser's subscription is the one the number has (after a reload).
 */
export async function checkPush(token: string): Promise<void> {
  if (!pushSupported()) return;
  try {
    publicKey = (await getPushKey()).publicKey;
    if (!publicKey) return;
    if (Notification.permission === "denied") {
      pushStatus.value = "denied";
      return;
    }
    const registration = await navigator.serviceWorker.getRegistration(SCOPE);
    const mine = await registration?.pushManager.getSubscription();
    const stored = mine ? (await getPushState(token)).endpoint : null;
    pushStatus.value = mine && stored === mine.endpoint && Notification.permission === "granted" ? "on" : "offer";
  } catch {
    pushStatus.value = "unavailable";
  }
}

/** The visitor said yes: permission, service worker, subscription, and the number's record of it. */
export async function enablePush(token: string, locale: Locale): Promise<void> {
  if (!publicKey) return;
  pushStatus.value = "working";
  try {
    const permission = await Notification.requestPermission();
    if (permission !== "granted") {
      pushStatus.value = permission === "denied" ? "denied" : "offer";
      return;
    }
    const registration = await navigator.serviceWorker.register(WORKER, { scope: SCOPE });
    await navigator.serviceWorker.ready;
    const subscription =
      (await registration.pushManager.getSubscription()) ??
      (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64urlBytes(publicKey) }));
    await savePush(token, subscription.toJSON(), locale);
    pushStatus.value = "on";
  } catch (error) {
    console.warn("push not available", error);
    pushStatus.value = "failed";
  }
}

/** Turns it off again: the number's record goes, and the browser's subscription. */
export async function disablePush(token: string): Promise<void> {
  pushStatus.value = "working";
  try {
    await deletePush(token);
    const registration = await navigator.serviceWorker.getRegistration(SCOPE);
    await (await registration?.pushManager.getSubscription())?.unsubscribe();
    pushStatus.value = "offer";
  } catch {
    pushStatus.value = "failed";
  }
}

/** The number has ended: nothing more to offer (its subscription went with it on the server). */
export function endPush(): void {
  if (pushStatus.value !== "unavailable") pushStatus.value = "unavailable";
}

function base64urlBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(text.length / 4) * 4, "="));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
