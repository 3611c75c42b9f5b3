import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { LiveMessage, type LiveChange } from "../../schemas/live";
import type { LiveHub } from "../../worker/live/hub";
import { hubNotifier } from "../../worker/live/notifier";
import { createOffice, pairedDevice } from "../helpers/fixtures";
import { follow } from "./follow";

/*
 * The live channel end to end inside workerd: the real Worker entry (its real notifier, the real
 * LiveHub Durable Object), a WebSocket as a browser would open it, and stored changes that reach it.
 */

const ALWAYS_OPEN: [number, string, string][] = [1, 2, 3, 4, 5, 6, 7].map((d) => [d, "00:00", "24:00"]);

const hubOf = (office: string) => env.LIVE.get(env.LIVE.idFromName(office));

describe("a stored change reaches the office's sockets", () => {
  it("a walk-in number from the kiosk tells a connected display 'queue', and nothing more", async () => {
    const office = await createOffice({ rules: ALWAYS_OPEN });
    const display = await follow(office);
    const device = await pairedDevice(office, "kiosk");
    const res = await exports.default.fetch("http://localhost/api/kiosk/tickets", {
      method: "POST",
      headers: { Authorization: `Bearer ${device}`, "content-type": "application/json" },
      body: JSON.stringify({ topic: "fragen" }),
    });
    expect(res.status).toBe(201);
    const raw = JSON.parse(await display.next());
    // The message names the kind of change only: no number, no name, no booking.
    expect(Object.keys(raw).sort()).toEqual(["at", "changes", "type"]);
    expect(LiveMessage.parse(raw).changes).toEqual(["queue"]);
    display.socket.close();
  });

  it("tells each kind of screen only what it shows: a status page hears nothing of bookings, the board everything", async () => {
    const office = await createOffice();
    const [board, status, kiosk] = [await follow(office, "board"), await follow(office, "status"), await follow(office, "kiosk")];
    const notify = (...changes: LiveChange[]) => hubNotifier(env.LIVE, () => new Date()).changed(office.slug, changes);
    await notify("bookings", "outbox");
    expect(LiveMessage.parse(JSON.parse(await board.next())).changes).toEqual(["bookings", "outbox"]);
    // The next change is one they show: it must be the first thing they hear (had the first notice
    // reached them, it would have come before it).
    await notify("queue", "bookings");
    expect(LiveMessage.parse(JSON.parse(await status.next())).changes).toEqual(["queue"]);
    expect(LiveMessage.parse(JSON.parse(await kiosk.next())).changes).toEqual(["queue"]);
    expect(LiveMessage.parse(JSON.parse(await board.next())).changes).toEqual(["queue", "bookings"]);
    for (const f of [board, status, kiosk]) f.socket.close();
  });

  it("still reaches every socket after the Durable Object was evicted (hibernated sockets stay open)", async () => {
    const office = await createOffice();
    const display = await follow(office, "display");
    const phone = await follow(office, "status");
    const notifier = hubNotifier(env.LIVE, () => new Date("2026-11-30T13:00:00.000Z"));

    await notifier.changed(office.slug, ["calls"]);
    expect(LiveMessage.parse(JSON.parse(await display.next())).changes).toEqual(["calls"]);
    expect(LiveMessage.parse(JSON.parse(await phone.next())).changes).toEqual(["calls"]);

    // Tears the instance down (in-memory state gone); its WebSockets are hibernated, not closed.
    await runInDurableObject(hubOf(office.slug), (hub: LiveHub) => void Object.assign(hub, { beforeEviction: true }));
    await evictDurableObject(hubOf(office.slug));
    expect(await runInDurableObject(hubOf(office.slug), (hub: LiveHub) => "beforeEviction" in hub)).toBe(false); // a new instance
    await notifier.changed(office.slug, ["queue", "calls"]);
    expect(LiveMessage.parse(JSON.parse(await display.next())).changes).toEqual(["queue", "calls"]);
    expect(LiveMessage.parse(JSON.parse(await phone.next())).changes).toEqual(["queue", "calls"]);
    // The new instance finds the sockets with their kinds.
    const counts = await runInDurableObject(hubOf(office.slug), (hub: LiveHub) => hub.counts());
    expect(counts).toEqual({ board: 0, kiosk: 0, display: 1, status: 1 });
  });

  it("answers 'ping' with 'pong' (the runtime's auto-response, so idle pings do not wake the hub)", async () => {
    const office = await createOffice();
    const display = await follow(office);
    display.socket.send("ping");
    expect(await display.next()).toBe("pong");
    // No other text follows the pong: the next message is the next change.
    await hubNotifier(env.LIVE, () => new Date()).changed(office.slug, ["calls"]);
    expect(LiveMessage.parse(JSON.parse(await display.next())).changes).toEqual(["calls"]);
  });

  it("keeps offices apart: a change at one office reaches only its own sockets", async () => {
    const [a, b] = [await createOffice(), await createOffice()];
    const atA = await follow(a);
    const atB = await follow(b);
    const notifier = hubNotifier(env.LIVE, () => new Date());
    await notifier.changed(a.slug, ["settings"]);
    expect(LiveMessage.parse(JSON.parse(await atA.next())).changes).toEqual(["settings"]);
    // B's first message is B's own change, not A's.
    await notifier.changed(b.slug, ["queue"]);
    expect(LiveMessage.parse(JSON.parse(await atB.next())).changes).toEqual(["queue"]);
  });

  it("forgets a socket its client closed", async () => {
    const office = await createOffice();
    const display = await follow(office);
    expect(await runInDurableObject(hubOf(office.slug), (hub: LiveHub) => hub.counts().display)).toBe(1);
    display.socket.close(1000, "bye");
    await expect.poll(() => runInDurableObject(hubOf(office.slug), (hub: LiveHub) => hub.counts().display)).toBe(0);
  });
});

describe("refusals of GET /api/live/:office", () => {
  it("426 without an Upgrade header, 404 for an unknown office, 400 for an unknown kind of client", async () => {
    const office = await createOffice();
    const plain = await exports.default.fetch(`http://localhost/api/live/${office.slug}`);
    expect(plain.status).toBe(426);
    expect(await plain.json()).toMatchObject({ error: { code: "upgrade_required" } });

    const unknown = await exports.default.fetch("http://localhost/api/live/no-such-office", { headers: { Upgrade: "websocket" } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: "unknown_location" } });

    const badKind = await exports.default.fetch(`http://localhost/api/live/${office.slug}?client=spy`, { headers: { Upgrade: "websocket" } });
    expect(badKind.status).toBe(400);
    expect(await badKind.json()).toMatchObject({ error: { field: "client" } });
  });

  it("the hub's internal /notify is not reachable from outside: no route forwards to it", async () => {
    const office = await createOffice();
    const res = await exports.default.fetch(`http://localhost/api/live/${office.slug}/notify`, {
      method: "POST",
      body: JSON.stringify({ type: "changed", changes: ["queue"], at: new Date().toISOString() }),
    });
    expect(res.status).toBe(404);
  });
});
