import { buildPushPayload } from "@block65/webcrypto-web-push";
import { isPushServiceEndpoint, type PushPayload } from "../../schemas/push";
import { direction } from "../../common/i18n/languages";
import type { Scope } from "../context";
import { calledSubscription, claimSoon, deleteGoneSubscription, pendingSoonSubscriptions, type Subscription } from "../db/push";
import { addTicketToken, callCandidate, waitingTickets } from "../db/tickets";
import { rankForCall } from "../domain/call-next";
import { ticketLabel } from "../domain/queue";
import { sha256Hex } from "../random";
import { pushMessages } from "./i18n/push";
import type { PushPort } from "./port";

/*
 * The Web Push messages of the queue (issue 13), sent after the answer (Scope.afterResponse, the
 * runtime's waitUntil): a call never waits for a push service, and a failing one never fails it.
 *   - "Sie sind dran – Raum 2" to the number just called (and again at each repeated call);
 *   - "Gleich sind Sie dran" once to each number with at most one person ahead, after every change that
 *     moves the queue (a call, someone leaving).
 * Body: JSON (schemas/push.ts PushPayload), encrypted per RFC 8291 (aes128gcm) and signed per RFC 8292
 * (VAPID) by @block65/webcrypto-web-push. A push service answering 404 or 410 has dropped the
 * subscription: it is deleted. The link in the message is a fresh status link of the number (only the
 * subscribed browser can read it), since the stored links are hashes.
 */

/** How long a push service keeps a message for a phone that is offline: after that it is stale. */
const TTL_SECONDS = { soon: 15 * 60, called: 10 * 60 } as const;

/** Left-to-right isolate: "W 7" stays "W 7" inside an Arabic sentence. */
const ltr = (text: string) => `\u2066${text}\u2069`;
/** First-strong isolate: a room's name keeps its own direction. */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** Tells the number `ticketId`, just called, that it is its turn (when it subscribed). Never rejects. */
export function tellCalled(s: Scope, ticketId: string): Promise<void> {
  return guarded(s, async (port) => {
    const sub = await calledSubscription(s.db, ticketId);
    if (sub) await send(s, port, sub, "called");
  });
}

/** How many places from the front count as "soon": next, or next but one (at most one person ahead). */
const SOON_PLACES = 2;

/**
 * Tells every subscribed number of the day now next or next but one that its turn comes soon. The
 * places are those of the call rule now (rankForCall, what "Nächste Person aufrufen" picks): an early
 * appointment waits behind the walk-ins until it is due, so it is not told while they go first.
 * Never rejects.
 */
export function tellSoon(s: Scope, locationId: number, localDay: string): Promise<void> {
  return guarded(s, async (port) => {
    const pending = await pendingSoonSubscriptions(s.db, locationId, localDay);
    if (pending.length === 0) return;
    const waiting = await waitingTickets(s.db, locationId, localDay);
    const front = new Set(rankForCall(waiting.map(callCandidate), s.deps.now()).slice(0, SOON_PLACES));
    for (const sub of pending.filter((p) => front.has(p.ticket_id))) {
      // Two changes at once may both find it due: the one that claims it sends.
      const [claimed] = await s.db.batch([claimSoon(s.db, sub.ticket_id, s.deps.now())]);
      if (claimed!.results.length > 0) await send(s, port, sub, "soon");
    }
  });
}

async function guarded(s: Scope, work: (port: PushPort) => Promise<void>): Promise<void> {
  const port = s.deps.push;
  if (!port) return;
  try {
    await work(port);
  } catch (error) {
    console.error("web push failed", error);
  }
}

/** The message's text in the subscriber's language. */
export function pushText(sub: Pick<Subscription, "locale" | "prefix" | "number" | "room">, kind: PushPayload["kind"]) {
  const t = pushMessages(sub.locale);
  const number = ltr(ticketLabel(sub.prefix, sub.number));
  if (kind === "soon") return { title: t.soon.title, body: t.soon.body({ number }) };
  return {
    title: sub.room ? t.called.title({ room: isolate(sub.room) }) : t.called.titleNoRoom,
    body: t.called.body({ number }),
  };
}

async function send(s: Scope, port: PushPort, sub: Subscription, kind: PushPayload["kind"]): Promise<void> {
  // Checked when subscribing; again here for a row stored before the check (never send elsewhere).
  if (!isPushServiceEndpoint(sub.endpoint)) {
    await s.db.batch([deleteGoneSubscription(s.db, sub.ticket_id, sub.endpoint)]);
    return;
  }
  const token = s.deps.random.token();
  await s.db.batch([addTicketToken(s.db, sub.ticket_id, await sha256Hex(token), s.deps.now())]);
  const payload: PushPayload = {
    kind,
    ...pushText(sub, kind),
    url: `${s.origin}/status#${token}`,
    lang: sub.locale,
    dir: direction(sub.locale),
  };
  const request = await buildPushPayload(
    // A topic: a "soon" still waiting at the push service is replaced by the "called" that follows it.
    { data: payload, options: { ttl: TTL_SECONDS[kind], urgency: "high", topic: "turn" } },
    { endpoint: sub.endpoint, expirationTime: null, keys: { p256dh: sub.p256dh, auth: sub.auth } },
    port.keys,
  );
  // A push service does not redirect: one is not followed (it would send the message elsewhere).
  const res = await port.fetch(sub.endpoint, { method: "POST", headers: request.headers, body: request.body, redirect: "manual" });
  await res.body?.cancel();
  if (res.status === 404 || res.status === 410) {
    await s.db.batch([deleteGoneSubscription(s.db, sub.ticket_id, sub.endpoint)]);
  } else if (!res.ok) {
    console.warn(`push service answered ${res.status} for a ${kind} message`);
  }
}
