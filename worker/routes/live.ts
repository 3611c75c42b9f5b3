import { Hono, type Context } from "hono";
import { LiveQuery, type LiveClient } from "../../schemas/live";
import type { AppEnv } from "../context";
import { currentStaff } from "../auth/session";
import { officeIdBySlug } from "../db/display";
import { AppError } from "../errors";
import { liveClientKey } from "../live/client-key";
import { parseInput } from "../validate";
import { cookieDevice, markSeen } from "../auth/device";

/*
 * `GET /api/live/:office?client=…`: a WebSocket that says "something changed" (worker/live/hub.ts).
 *
 * A message names only the *kind* of change ("queue", "calls", …) and a time, never a number, name or
 * booking (schemas/live.ts); every client refetches what it shows through its own authorised route. So
 * the visitors' status pages may follow without a session or device (`client=status`). The sockets
 * themselves are the scarce thing: boards, kiosks and displays, which carry the 2-second promise, must
 * show who they are (the staff cookie, the device cookie set at pairing: both go along with a same-origin
 * WebSocket upgrade) and get a budget of their own in the hub; public sockets are capped per client.
 * A browser sends `Origin` with every WebSocket upgrade: one from another site is refused, so no web page
 * can spend its visitors' connections (or a staff member's cookie) on this office.
 */
export const liveRoutes = new Hono<AppEnv>();

liveRoutes.get("/live/:office", async (c) => {
  if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
    throw new AppError("upgrade_required", "This address is for WebSocket connections (Upgrade: websocket).", undefined, {
      Upgrade: "websocket",
    });
  }
  const origin = c.req.header("Origin");
  if (origin !== undefined && origin !== new URL(c.req.url).origin) {
    throw new AppError("forbidden_origin", "Live connections from other sites are not accepted.");
  }
  const { client } = parseInput(LiveQuery, c.req.query());
  const office = c.req.param("office");
  if (!/^[a-z0-9-]{1,64}$/.test(office) || (await officeIdBySlug(c.env.DB, office)) === null) {
    throw new AppError("unknown_location", "There is no office with this name.");
  }
  await admit(c, office, client);
  const hubUrl = new URL("https://live-hub/connect");
  hubUrl.searchParams.set("client", client);
  if (client === "status") hubUrl.searchParams.set("peer", await liveClientKey(c.req.header("CF-Connecting-IP")));
  const hub = c.env.LIVE.get(c.env.LIVE.idFromName(office));
  const answer = await hub.fetch(hubUrl, { headers: { Upgrade: "websocket" } });
  // The hub's response has immutable headers; a copy lets the middleware add the security headers.
  return new Response(answer.body, { status: answer.status, headers: answer.headers, webSocket: answer.webSocket });
});

/**
 * Who may follow as `client`: a board needs a staff session of the office, a kiosk or display a paired
 * device of the office and of that kind (401 without, 403 for another office or kind); status is public.
 */
async function admit(c: Context<AppEnv>, office: string, client: LiveClient): Promise<void> {
  if (client === "status") return;
  if (client === "board") {
    // A board's (re)connect happens by itself: it does not keep the session from the idle timeout.
    const staff = await currentStaff(c, false);
    if (!staff) throw new AppError("unauthorized", "Please sign in.");
    if (staff.office !== office) throw new AppError("forbidden", "Your account belongs to another office.");
    return;
  }
  const device = await cookieDevice(c, client);
  if (!device) throw new AppError("unauthorized", "This device is not paired (or no longer). Please ask the staff.");
  if (device.kind !== client || device.location_slug !== office) {
    throw new AppError("forbidden", `This connection is for a paired ${client} of this office.`);
  }
  await markSeen(c, device);
}
