import { clientNetwork } from "../client-network";
import { sha256Hex } from "../random";

/*
 * Who is "one client" for the public budget of live sockets (worker/live/hub.ts): the connecting
 * address's network (client-network.ts: an IPv6 /64 is one client), hashed (the hub keeps it as a socket
 * tag, never in clear).
 */

/** The tag value of a client: a short hash of its network (CF-Connecting-IP; "unknown" without one). */
export async function liveClientKey(address: string | undefined): Promise<string> {
  return (await sha256Hex(`live-client:${clientNetwork(address)}`)).slice(0, 32);
}
