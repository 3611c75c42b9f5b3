import { DurableObject } from "cloudflare:workers";
import { LiveClient, LiveMessage } from "../../schemas/live";
import { AppError } from "../errors";

/*
 * One LiveHub per office (`idFromName(slug)`): it holds the hibernatable WebSockets of the office's
 * boards, kiosks, displays and status pages and passes "something changed" on to all of them.
 *
 * It stores nothing: D1 is the source of truth and a client that missed a message refetches after its
 * next (re)connect or poll. So an evicted or restarted hub loses nothing that matters, and the sockets
 * themselves survive hibernation (the runtime keeps them; `getWebSockets()` returns them afterwards).
 *
 * Reachable only through the Worker: `/connect` via `GET /api/live/:office`, `/notify` from the worker's
 * notifier (worker/live/notifier.ts). No public route forwards to `/notify`.
 */

/** Sockets per office: enough for every screen and phone of a busy day; more is a runaway client. */
export const MAX_SOCKETS_PER_OFFICE = 1000;

export class LiveHub extends DurableObject<Env> {
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
    const text = JSON.stringify(parsed.data);
    let sent = 0;
    for (const socket of this.ctx.getWebSockets()) {
      try {
        socket.send(text);
        sent++;
      } catch {
        // Closing right now: its client reconnects and refetches anyway.
      }
    }
    return Response.json({ sent });
  }

  private accept(request: Request, url: URL): Response {
    if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") {
      return json(new AppError("upgrade_required", "This address is for WebSocket connections."));
    }
    const client = LiveClient.safeParse(url.searchParams.get("client"));
    if (!client.success) return json(new AppError("invalid_request", "client: unknown kind of client.", "client"));
    if (this.ctx.getWebSockets().length >= MAX_SOCKETS_PER_OFFICE) {
      return json(new AppError("live_full", "Too many live connections for this office; the page keeps asking by itself."));
    }
    const { 0: browser, 1: server } = new WebSocketPair();
    // The tag says which kind of screen is connected (for counting per kind); nothing else is kept.
    this.ctx.acceptWebSocket(server, [client.data]);
    return new Response(null, { status: 101, webSocket: browser });
  }

  /** How many sockets of each kind are connected (tests and diagnostics). */
  counts(): Record<LiveClient, number> {
    const counts = { board: 0, kiosk: 0, display: 0, status: 0 } satisfies Record<LiveClient, number>;
    for (const kind of LiveClient.options) counts[kind] = this.ctx.getWebSockets(kind).length;
    return counts;
  }

  override webSocketMessage(): void {
    // Clients send only "ping", which the auto-response answers; anything else is ignored on purpose:
    // the socket is one-way, news comes from stored changes only.
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

function json(error: AppError): Response {
  return Response.json(error.toBody(), { status: error.status });
}
