import { Hono } from "hono";
import { LiveQuery } from "../../schemas/live";
import type { AppEnv } from "../app";
import { officeIdBySlug } from "../db/display";
import { AppError } from "../errors";
import { parseInput } from "../validate";

/*
 * `GET /api/live/:office`: a WebSocket that says "something changed" (worker/live/hub.ts).
 *
 * Public on purpose: the visitors' status pages have no device token or session, and what the socket
 * carries cannot hurt anyone: a message names only the *kind* of change ("queue", "calls", …) and a
 * time, never a number, name or booking (schemas/live.ts). Every client refetches what it shows through
 * its own authorised route. A stranger who connects learns only that something happened at an office
 * with a public address and public hours; the hub caps the sockets per office.
 */
export const liveRoutes = new Hono<AppEnv>();

liveRoutes.get("/live/:office", async (c) => {
  if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
    throw new AppError("upgrade_required", "This address is for WebSocket connections (Upgrade: websocket).", undefined, {
      Upgrade: "websocket",
    });
  }
  const { client } = parseInput(LiveQuery, c.req.query());
  const office = c.req.param("office");
  if (!/^[a-z0-9-]{1,64}$/.test(office) || (await officeIdBySlug(c.env.DB, office)) === null) {
    throw new AppError("unknown_location", "There is no office with this name.");
  }
  const hub = c.env.LIVE.get(c.env.LIVE.idFromName(office));
  const answer = await hub.fetch(`https://live-hub/connect?client=${client}`, { headers: { Upgrade: "websocket" } });
  // The hub's response has immutable headers; a copy lets the middleware add the security headers.
  return new Response(answer.body, { status: answer.status, headers: answer.headers, webSocket: answer.webSocket });
});
