/*
 * The status page's calls for Web Push and leaving the queue (issue 13), by the number's status link.
 * Subscribing and withdrawing answer 204 without a body, so they do not go through `call`.
 */
import type { Locale } from "../../schemas/common";
import type { LeaveResult, PushKey, PushState } from "../../schemas/push";
import { ApiError, answerError, call } from "../shared/api";

const base = (token: string) => `/api/status/${encodeURIComponent(token)}`;

export function getPushKey(): Promise<PushKey> {
  return call("/api/push/key");
}

export function getPushState(token: string): Promise<PushState> {
  return call(`${base(token)}/push`);
}

export async function savePush(token: string, subscription: PushSubscriptionJSON, locale: Locale): Promise<void> {
  await noContent(`${base(token)}/push`, "POST", { ...subscription, locale });
}

export async function deletePush(token: string): Promise<void> {
  await noContent(`${base(token)}/push`, "DELETE");
}

export function leaveQueue(token: string): Promise<LeaveResult> {
  return call(`${base(token)}/leave`, { method: "POST", body: {} });
}

async function noContent(path: string, method: "POST" | "DELETE", body?: unknown): Promise<void> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError("network", error instanceof Error ? error.message : String(error), 0);
  }
  if (res.ok) return;
  let json: unknown = null;
  try {
    json = await res.json();
  } catch {
    // no JSON: answerError says so
  }
  throw answerError(path, res, json);
}
