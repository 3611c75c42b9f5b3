import { exports } from "cloudflare:workers";
import { expect } from "vitest";
import type { LiveClient } from "../../schemas/live";
import { pairedDevice, staffMember, type Office } from "../helpers/fixtures";
import { deviceCookieName } from "../../worker/auth/device";

/**
 * A socket to /api/live/:office and what arrives on it, in order. A display (the default) or kiosk
 * connects with the cookie of a freshly paired device of the office, a board with a staff session.
 * "Nothing arrived" is never waited for: a test sends a later change the socket must get and checks
 * that it is the next message (a socket keeps its order, so anything sent before would come first).
 */
export async function follow(office: Office, client: LiveClient = "display", headers: Record<string, string> = {}) {
  const credentials: Record<string, string> =
    client === "board"
      ? { Cookie: (await staffMember(office)).cookie }
      : client === "status"
        ? {}
        : { Cookie: `${deviceCookieName(client)}=${await pairedDevice(office, client)}` };
  const res = await exports.default.fetch(`http://localhost/api/live/${office.slug}?client=${client}`, {
    headers: { Upgrade: "websocket", ...credentials, ...headers },
  });
  if (res.status !== 101) expect.fail(`${client} socket refused: ${res.status} ${await res.text()}`);
  const socket = res.webSocket!;
  socket.accept();
  const inbox: string[] = [];
  const waiting: ((text: string) => void)[] = [];
  let closedWith: number | null = null;
  socket.addEventListener("close", (event) => {
    closedWith = event.code;
  });
  socket.addEventListener("message", (event) => {
    const text = String(event.data);
    const take = waiting.shift();
    if (take) take(text);
    else inbox.push(text);
  });
  return {
    socket,
    /** The close code the server sent, null while open. */
    closedWith: () => closedWith,
    /** The next text that arrives (fails after `ms`). */
    next(ms = 2000): Promise<string> {
      const ready = inbox.shift();
      if (ready !== undefined) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`nothing arrived within ${ms} ms`)), ms);
        waiting.push((text) => {
          clearTimeout(timer);
          resolve(text);
        });
      });
    },
  };
}

export type Follower = Awaited<ReturnType<typeof follow>>;
