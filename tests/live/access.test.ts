import { runInDurableObject } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { LIVE_CLOSE_CROWDED, LiveMessage } from "../../schemas/live";
import { clientNetwork } from "../../worker/client-network";
import { LIVE_LIMITS, type LiveHub, type LiveLimits } from "../../worker/live/hub";
import { hubNotifier } from "../../worker/live/notifier";
import { createOffice, pairedDevice, staffMember, type Office } from "../helpers/fixtures";
import { follow, type Follower } from "./follow";
import { deviceCookieName } from "../../worker/auth/device";
import { newPairingCode } from "../../common/limits";
import { CONCURRENCY } from "../helpers/timeouts";

/*
 * Who may hold a live socket, and how many (worker/routes/live.ts, worker/live/hub.ts). Security: a
 * foreign Origin is refused; a board needs a staff session of its office, a kiosk or display a paired
 * device of its office and kind; status pages are public. Budgets: public sockets cannot use up the
 * boards' and devices' budget, one client cannot take more than its share, and a full public budget
 * makes room by closing the greediest client's oldest socket.
 */

function connect(office: Office, client: string, headers: Record<string, string> = {}): Promise<Response> {
  return exports.default.fetch(`http://localhost/api/live/${office.slug}?client=${client}`, { headers: { Upgrade: "websocket", ...headers } });
}

async function expectRefused(res: Response, status: number, code: string): Promise<void> {
  expect(res.status).toBe(status);
  expect(res.webSocket).toBeNull();
  expect(await res.json()).toMatchObject({ error: { code } });
}

/** Accepts and closes a socket the test does not need any more. */
function done(res: Response): void {
  expect(res.status).toBe(101);
  res.webSocket!.accept();
  res.webSocket!.close(1000, "done");
}

const deviceCookie = (kind: "kiosk" | "display", token: string) => ({ Cookie: `${deviceCookieName(kind)}=${token}` });
const hubOf = (office: Office) => env.LIVE.get(env.LIVE.idFromName(office.slug));
const counts = (office: Office) => runInDurableObject(hubOf(office), (hub: LiveHub) => hub.counts());
const setLimits = (office: Office, limits: Partial<LiveLimits>) =>
  runInDurableObject(hubOf(office), (hub: LiveHub) => void (hub.limits = { ...LIVE_LIMITS, ...limits }));

describe("a kiosk and a display in one browser (as two tabs after npm start)", () => {
  it("pairing sets one cookie per kind, both follow live, and a device route sets a missing cookie again", async () => {
    const office = await createOffice();
    const pair = async (kind: "kiosk" | "display") => {
      const code = newPairingCode();
      const { sha256Hex } = await import("../../worker/random");
      await env.DB.prepare(
        `INSERT INTO devices (id, location_id, kind, label, pairing_code_hash, pairing_expires_at, created_at)
         VALUES (?1, ?2, ?3, 'Gerät', ?4, ?5, ?6)`,
      ).bind(crypto.randomUUID(), office.id, kind, await sha256Hex(code), new Date(Date.now() + 600_000).toISOString(), new Date().toISOString()).run();
      const res = await office.request("/api/devices/pair", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code }) });
      expect(res.status).toBe(201);
      const cookie = res.headers.get("Set-Cookie")!.split(";")[0]!;
      expect(cookie.startsWith(`${deviceCookieName(kind)}=`)).toBe(true);
      return { cookie, token: ((await res.json()) as { token: string }).token };
    };
    const kiosk = await pair("kiosk");
    const display = await pair("display");
    const both = { Cookie: `${kiosk.cookie}; ${display.cookie}` };
    done(await connect(office, "kiosk", both));
    done(await connect(office, "display", both));

    // The display's page lost its cookie: its next API call with the token brings it back; with it, none is set.
    const lost = await office.request("/api/display/state", { headers: { authorization: `Bearer ${display.token}` } });
    expect(lost.status).toBe(200);
    expect(lost.headers.get("Set-Cookie")?.split(";")[0]).toBe(display.cookie);
    const kept = await office.request("/api/display/state", { headers: { authorization: `Bearer ${display.token}`, Cookie: display.cookie } });
    expect(kept.headers.get("Set-Cookie")).toBeNull();
  });
});

describe("security", () => {
  it("refuses an upgrade from another site's page (403), also with a valid staff cookie; its own origin passes", async () => {
    const office = await createOffice();
    const { cookie } = await staffMember(office);
    await expectRefused(await connect(office, "status", { Origin: "https://evil.example" }), 403, "forbidden_origin");
    await expectRefused(await connect(office, "board", { Origin: "https://evil.example", Cookie: cookie }), 403, "forbidden_origin");
    await expectRefused(await connect(office, "status", { Origin: "http://localhost.evil.example" }), 403, "forbidden_origin");
    done(await connect(office, "status", { Origin: "http://localhost" }));
    done(await connect(office, "board", { Origin: "http://localhost", Cookie: cookie }));
    expect(await counts(office)).toMatchObject({ board: 0, status: 0 }); // the refused ones left nothing behind
  });

  it("a board needs a staff session of its office: 401 without or with an ended one, 403 for another office", async () => {
    const [office, other] = [await createOffice(), await createOffice()];
    await expectRefused(await connect(office, "board"), 401, "unauthorized");
    await expectRefused(await connect(office, "board", { Cookie: "__Host-sprechstunde-staff=not-a-session-but-long-enough" }), 401, "unauthorized");
    const old = await staffMember(office, "staff", new Date(Date.now() - 11 * 3_600_000)); // past the 10 h
    await expectRefused(await connect(office, "board", { Cookie: old.cookie }), 401, "unauthorized");
    await expectRefused(await connect(office, "board", { Cookie: (await staffMember(other)).cookie }), 403, "forbidden");
    // A paired device is not staff.
    await expectRefused(await connect(office, "board", deviceCookie("display", await pairedDevice(office, "display"))), 401, "unauthorized");
    expect((await counts(office)).board).toBe(0);
    done(await connect(office, "board", { Cookie: (await staffMember(office)).cookie }));
  });

  it("a kiosk or display needs a paired device of its office and kind: 401 without or revoked, 403 otherwise", async () => {
    const [office, other] = [await createOffice(), await createOffice()];
    for (const kind of ["kiosk", "display"] as const) {
      const otherKind = kind === "kiosk" ? "display" : "kiosk";
      await expectRefused(await connect(office, kind), 401, "unauthorized");
      await expectRefused(await connect(office, kind, deviceCookie(kind, await pairedDevice(office, kind, true))), 401, "unauthorized");
      await expectRefused(await connect(office, kind, deviceCookie(kind, await pairedDevice(office, otherKind))), 403, "forbidden");
      await expectRefused(await connect(office, kind, deviceCookie(kind, await pairedDevice(other, kind))), 403, "forbidden");
      // A staff session does not make a browser a device.
      await expectRefused(await connect(office, kind, { Cookie: (await staffMember(office)).cookie }), 401, "unauthorized");
      done(await connect(office, kind, deviceCookie(kind, await pairedDevice(office, kind))));
    }
    expect(await counts(office)).toMatchObject({ kiosk: 0, display: 0 });
  });

  it("a device's live socket records when it was last seen, at most every 5 minutes", async () => {
    const office = await createOffice();
    const token = await pairedDevice(office, "display");
    const { sha256Hex } = await import("../../worker/random");
    const hash = await sha256Hex(token);
    const lastSeen = async () =>
      (await env.DB.prepare("SELECT last_seen_at FROM devices WHERE token_hash = ?1").bind(hash).first<{ last_seen_at: string | null }>())!.last_seen_at;
    expect(await lastSeen()).toBeNull();
    const before = Date.now();
    done(await connect(office, "display", deviceCookie("display", token)));
    expect(Date.parse((await lastSeen())!)).toBeGreaterThanOrEqual(before);
    // Seen a minute ago: a reconnect writes nothing.
    const recently = new Date(Date.now() - 60_000).toISOString();
    await env.DB.prepare("UPDATE devices SET last_seen_at = ?2 WHERE token_hash = ?1").bind(hash, recently).run();
    done(await connect(office, "display", deviceCookie("display", token)));
    expect(await lastSeen()).toBe(recently);
  });

  it("status pages need nothing (a visitor's phone has no session or device)", async () => {
    const office = await createOffice();
    const phone = await follow(office, "status");
    await hubNotifier(env.LIVE, () => new Date()).changed(office.slug, ["calls"]);
    expect(LiveMessage.parse(JSON.parse(await phone.next())).changes).toEqual(["calls"]);
  });

  it("closes a socket that sends anything but 'ping' (the socket is one-way)", async () => {
    const office = await createOffice();
    const phone = await follow(office, "status");
    phone.socket.send("ping");
    expect(await phone.next()).toBe("pong");
    phone.socket.send("hello");
    await expect.poll(phone.closedWith).toBe(1008);
    await expect.poll(async () => (await counts(office)).status).toBe(0);
  });
});

describe("budgets", () => {
  const ip = (address: string) => ({ "CF-Connecting-IP": address });

  it("one client cannot hold more status sockets than its share (503), and a board still connects and hears news", CONCURRENCY, async () => {
    const office = await createOffice();
    const greedy: Follower[] = [];
    for (let i = 0; i < LIVE_LIMITS.perClient; i++) greedy.push(await follow(office, "status", ip("203.0.113.7")));
    await expectRefused(await connect(office, "status", ip("203.0.113.7")), 503, "live_full");
    // A new address in the same IPv6 /64 is the same client.
    for (let i = 0; i < LIVE_LIMITS.perClient; i++) greedy.push(await follow(office, "status", ip(`2001:db8:1:2::${i + 1}`)));
    await expectRefused(await connect(office, "status", ip("2001:db8:1:2:ffff::9")), 503, "live_full");
    const neighbour = await follow(office, "status", ip("203.0.113.8"));

    const board = await follow(office, "board");
    await hubNotifier(env.LIVE, () => new Date()).changed(office.slug, ["queue"]);
    expect(LiveMessage.parse(JSON.parse(await board.next())).changes).toEqual(["queue"]);
    expect(LiveMessage.parse(JSON.parse(await neighbour.next())).changes).toEqual(["queue"]);
    expect(greedy.every((s) => s.closedWith() === null)).toBe(true);
    expect(await counts(office)).toEqual({ board: 1, kiosk: 0, display: 0, status: 2 * LIVE_LIMITS.perClient + 1 });
  });

  it("a full public budget takes a newcomer and closes the oldest socket of the client holding the most; boards are not counted", async () => {
    const office = await createOffice();
    await setLimits(office, { publicPerOffice: 4, perClient: 3 });
    // The visitor came first: the oldest socket of all, yet not the one to go.
    const visitor = await follow(office, "status", ip("198.51.100.2"));
    const greedy: Follower[] = [];
    for (let i = 0; i < 3; i++) greedy.push(await follow(office, "status", ip("198.51.100.1")));

    const board = await follow(office, "board"); // the public budget is full: boards have their own
    const newcomer = await follow(office, "status", ip("198.51.100.3"));
    await expect.poll(() => greedy[0]!.closedWith()).toBe(LIVE_CLOSE_CROWDED);
    expect([greedy[1]!, greedy[2]!, visitor, newcomer].map((s) => s.closedWith())).toEqual([null, null, null, null]);

    await hubNotifier(env.LIVE, () => new Date()).changed(office.slug, ["calls"]);
    for (const s of [board, visitor, newcomer]) expect(LiveMessage.parse(JSON.parse(await s.next())).changes).toEqual(["calls"]);
    await expect.poll(async () => (await counts(office)).status).toBe(4);
  });

  it("boards, kiosks and displays share a budget of their own: refused beyond it (503), whatever the status pages do", async () => {
    const office = await createOffice();
    await setLimits(office, { staffAndDevices: 2 });
    await follow(office, "board");
    await follow(office, "display");
    await expectRefused(await connect(office, "kiosk", deviceCookie("kiosk", await pairedDevice(office, "kiosk"))), 503, "live_full");
    await follow(office, "status"); // the public budget is untouched
  });
});

describe("clientNetwork: who counts as one client", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [undefined, "unknown"],
    ["", "unknown"],
    ["2001:db8:1:2::1", "2001:db8:1:2::/64"],
    ["2001:0db8:0001:0002:ffff:0:0:9", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["fe80::", "fe80:0:0:0::/64"],
    ["2001:DB8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    // An IPv4 client seen through a dual-stack socket is that IPv4 client, not the /64 all of them share.
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["::FFFF:198.51.100.2", "198.51.100.2"],
  ])("%s → %s", (address, network) => {
    expect(clientNetwork(address)).toBe(network);
  });
});
