import { DurableObject } from "cloudflare:workers";
import { LIVE_CLOSE_CROWDED, LIVE_INTEREST, LiveClient, LiveMessage } from "../../schemas/live";
import { AppError } from "../errors";

/*
 * One LiveHub per office (`idFromName(slug)`): it holds the hibernatable WebSockets of the office's
 * boards, kiosks, displays and status pages and passes "something changed" on to all of them.
 *
 * It stores nothing: D1 is the source of truth and a client that missed a message refetches after its
 * next (re)connect or poll. So an evicted or restarted hub loses nothing that matters, and the sockets
 * themselves survive hibernation (the runtime keeps them; `getWebSockets()` returns them afterwards).
 *
 * Reachable only through the Worker: `/connect` via `GET /api/live/:office` (worker/routes/live.ts, which
 * checks who may connect), `/notify` from the worker's notifier (worker/live/notifier.ts). No public
 * route forwards to `/notify`.
 */

/**
 * Socket budgets per office. Boards, kiosks and displays (admitted by the Worker only with a staff
 * session or a paired device of the office) have a budget of their own that no public socket can use up.
 * Status pages are public: one client (address, IPv6 /64) gets at most `perClient`; past that it is
 * refused and its page polls. When the public budget is full, the newcomer is let in and the oldest socket
 * of the client holding the most is closed (LIVE_CLOSE_CROWDED): refusing instead would let whoever
 * filled the budget first keep every later visitor out for free, while this way a crowd has to keep
 * reconnecting to stay in, and a visitor with one socket goes last.
 */
export const LIVE_LIMITS = { staffAndDevices: 200, publicPerOffice: 1000, perClient: 20 };
export type LiveLimits = typeof LIVE_LIMITS;

const AUTHENTICATED: readonly LiveClient[] = ["board", "kiosk", "display"];
const CLIENT_TAG = "client:";

/** Kept with a status socket across hibernation: when it was accepted (ms), to find the oldest. */
interface Attachment {
  since: number;
}

export class LiveHub extends DurableObject<Env> {
  /** The budgets; an instance field so a test can set small ones on the instance it talks to. */
  limits: LiveLimits = LIVE_LIMITS;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // Clients ping to notice dead connections; the runtime answers without waking the hub from hibernation.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
  }

  override async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/notify" && request.method === "POST") return this.notify(request);
    if (url.pathname === "/connect") return this.accept(request, url);
    return json(new AppError("not_found", "There is nothing at this address."));
  }

  private async notify(request: Request): Promise<Response> {
    const parsed = LiveMessage.safeParse(await request.json().catch(() => null));
    if (!parsed.success) return json(new AppError("invalid_request", "Not a live message."));
    let sent = 0;
    for (const kind of LiveClient.options) {
      const changes = parsed.data.changes.filter((change) => LIVE_INTEREST[kind].includes(change));
      if (changes.length === 0) continue; // nothing this kind of screen shows: do not wake it
      const text = JSON.stringify({ ...parsed.data, changes } satisfies LiveMessage);
      for (const socket of this.ctx.getWebSockets(kind)) {
        try {
          socket.send(text);
          sent++;
        } catch {
          // Closing right now: its client reconnects and refetches anyway.
        }
      }
    }
    return Response.json({ sent });
  }

  /**
   * `/connect?client=<kind>[&peer=<client key>]`, from the Worker's `GET /api/live/:office` only, which
   * has already checked the session or device of an authenticated kind and computed `peer` for `status`.
   */
  private accept(request: Request, url: URL): Response {
    if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") {
      return json(new AppError("upgrade_required", "This address is for WebSocket connections."));
    }
    const client = LiveClient.safeParse(url.searchParams.get("client"));
    if (!client.success) return json(new AppError("invalid_request", "client: unknown kind of client.", "client"));
    const tags: string[] = [client.data];
    if (AUTHENTICATED.includes(client.data)) {
      const used = AUTHENTICATED.reduce((n, kind) => n + open(this.ctx.getWebSockets(kind)).length, 0);
      if (used >= this.limits.staffAndDevices) return full();
    } else {
      const peer = url.searchParams.get("peer") ?? "";
      if (!/^[0-9a-f]{16,64}$/.test(peer)) return json(new AppError("invalid_request", "peer: missing client key.", "peer"));
      tags.push(CLIENT_TAG + peer);
      if (open(this.ctx.getWebSockets(CLIENT_TAG + peer)).length >= this.limits.perClient) return full();
      const everyone = open(this.ctx.getWebSockets("status"));
      if (everyone.length >= this.limits.publicPerOffice) this.makeRoom(everyone);
    }
    const { 0: browser, 1: server } = new WebSocketPair();
    // The tags say which kind of screen (and for status pages which client) is connected; nothing else is kept.
    this.ctx.acceptWebSocket(server, tags);
    server.serializeAttachment({ since: Date.now() } satisfies Attachment);
    return new Response(null, { status: 101, webSocket: browser });
  }

  /** Closes the oldest socket of the client with the most status sockets (see LIVE_LIMITS). */
  private makeRoom(statusSockets: WebSocket[]): void {
    const byClient = new Map<string, WebSocket[]>();
    for (const socket of statusSockets) {
      const tag = this.ctx.getTags(socket).find((t) => t.startsWith(CLIENT_TAG)) ?? "";
      byClient.set(tag, [...(byClient.get(tag) ?? []), socket]);
    }
    const largest = [...byClient.values()].reduce((a, b) => (b.length > a.length ? b : a));
    const since = (s: WebSocket) => (s.deserializeAttachment() as Attachment | null)?.since ?? 0;
    const oldest = largest.reduce((a, b) => (since(b) < since(a) ? b : a));
    try {
      oldest.close(LIVE_CLOSE_CROWDED, "crowded");
    } catch {
      // Closing already.
    }
  }

  /** How many sockets of each kind are connected (tests and diagnostics). */
  counts(): Record<LiveClient, number> {
    const counts = { board: 0, kiosk: 0, display: 0, status: 0 } satisfies Record<LiveClient, number>;
    for (const kind of LiveClient.options) counts[kind] = this.ctx.getWebSockets(kind).length;
    return counts;
  }

  override webSocketMessage(socket: WebSocket): void {
    // Clients send only "ping", which the runtime's auto-response answers without waking the hub. Anything
    // else is not our client: the socket is one-way, so it is closed rather than left to keep waking the hub.
    try {
      socket.close(1008, "this socket only answers ping");
    } catch {
      // Already closed.
    }
  }

  override webSocketClose(socket: WebSocket, code: number, reason: string): void {
    try {
      // Completes the closing handshake (1005/1006 are not codes one may send back).
      socket.close(code === 1005 || code === 1006 ? 1000 : code, reason);
    } catch {
      // Already closed.
    }
  }

  override webSocketError(socket: WebSocket): void {
    try {
      socket.close(1011, "error");
    } catch {
      // Already closed.
    }
  }
}

/** The sockets still open (a socket the hub just closed is listed until its client answers). */
function open(sockets: WebSocket[]): WebSocket[] {
  return sockets.filter((s) => s.readyState === WebSocket.OPEN);
}

function full(): Response {
  return json(new AppError("live_full", "Too many live connections; the page keeps asking by itself."));
}

function json(error: AppError): Response {
  return Response.json(error.toBody(), { status: error.status });
}
