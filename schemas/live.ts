import { z } from "zod";
import { LIVE_CHANGES } from "../common/limits";

export { LIVE_CLOSE_CROWDED } from "../common/limits";

/*
 * Live updates: what the location's Durable Object tells its sockets. A message says only *what kind of
 * thing* changed, never the thing itself: clients refetch what they show through their own (authorised)
 * routes, D1 stays the source of truth, and the socket carries no personal data.
 */

export const LiveChange = z.enum(LIVE_CHANGES);
export type LiveChange = z.infer<typeof LiveChange>;

export const LiveMessage = z.object({ type: z.literal("changed"), changes: z.array(LiveChange).min(1), at: z.string() });
export type LiveMessage = z.infer<typeof LiveMessage>;

/** Which kind of screen follows an office: `GET /api/live/:office?client=…` (tags its socket). */
export const LiveClient = z.enum(["board", "kiosk", "display", "status"]);
export type LiveClient = z.infer<typeof LiveClient>;

/** `GET /api/live/:office` query. */
export const LiveQuery = z.object({ client: LiveClient.default("status") }).strict();

/**
 * The kinds of change each kind of screen refetches for; the hub sends a screen only these, so a public
 * status page does not even learn when bookings or requests change (the board hears everything).
 */
export const LIVE_INTEREST: Record<LiveClient, readonly LiveChange[]> = {
  board: LiveChange.options,
  // "devices": its own printed ticket is set on the board (migration 0016).
  kiosk: ["queue", "calls", "settings", "devices"],
  // "devices": its own sound and speech are set on the board (migration 0014).
  display: ["queue", "calls", "settings", "devices"],
  status: ["queue", "calls"],
};
