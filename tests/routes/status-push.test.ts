import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { TicketView } from "../../schemas/kiosk";
import { LeaveResult, PushKey, PushPayload } from "../../schemas/push";
import { Statistics } from "../../schemas/statistics";
import type { AppDeps } from "../../worker/context";
import { purgeExpired } from "../../worker/db/housekeeping";
import type { LiveChange } from "../../schemas/live";
import type { LiveNotifier } from "../../worker/live/notifier";
import type { PushPort } from "../../worker/push/port";
import { runRetention } from "../../worker/services/retention";
import { createApp } from "../../worker/app";
import { post } from "../helpers/bookings";
import { forcedRace } from "../helpers/race";
import { b64u, browserSubscription, concat, utf8, vapidKeys, type Browser } from "../helpers/push";
import { createOffice, pairedDevice, staffMember, testDeps, type Office } from "../helpers/fixtures";
import { DAY, OPEN, after, checkedIn, signedIn, type Staff } from "./staff-queue-support";

/*
 * Web Push and leaving the queue (issue 13), through the real app: a visitor's status page subscribes
 * with a browser's keys (made here with WebCrypto, as a browser makes them), staff call numbers, and the
 * Worker's messages arrive at a push service played by the test's fetch. The test decrypts each one as
 * the browser would (RFC 8291: ECDH, HKDF, AES-128-GCM; RFC 8188 framing) and checks its text, and it
 * verifies the VAPID JWT (RFC 8292: ES256, aud = the endpoint's origin).
 */

async function hkdf(salt: Uint8Array, ikm: Uint8Array | ArrayBuffer, info: Uint8Array, bytes: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", ikm, "HKDF", false, ["deriveBits"]);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt, info }, key, bytes * 8));
}

/** RFC 8291 §3–4 from the user agent's side: the message's plaintext. */
async function decrypt(browser: Browser, body: Uint8Array): Promise<string> {
  // RFC 8188 §2.1: salt (16), record size (4), key id length (1), key id = the server's ephemeral key.
  const salt = body.slice(0, 16);
  const idlen = body[20]!;
  expect(idlen).toBe(65);
  const serverPublic = body.slice(21, 21 + idlen);
  const ciphertext = body.slice(21 + idlen);
  const serverKey = await crypto.subtle.importKey("raw", serverPublic, { name: "ECDH", namedCurve: "P-256" }, false, []);
  // The standard's `public` (workers-types spell it `$public`).
  const ecdh = await crypto.subtle.deriveBits({ name: "ECDH", public: serverKey } as unknown as SubtleCryptoDeriveKeyAlgorithm, browser.pair.privateKey, 256);
  const ikm = await hkdf(browser.auth, ecdh, concat(utf8("WebPush: info\0"), browser.publicRaw, serverPublic), 32);
  const cek = await hkdf(salt, ikm, utf8("Content-Encoding: aes128gcm\0"), 16);
  const nonce = await hkdf(salt, ikm, utf8("Content-Encoding: nonce\0"), 12);
  const key = await crypto.subtle.importKey("raw", cek, "AES-GCM", false, ["decrypt"]);
  const padded = new Uint8Array(await crypto.subtle.decrypt({ name: "AES-GCM", iv: nonce }, key, ciphertext));
  // The last record: data, then 0x02, then zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  expect(padded[end]).toBe(2);
  return new TextDecoder().decode(padded.slice(0, end));
}

/** RFC 8292: `vapid t=<JWT>, k=<public key>`; the JWT signed ES256 by that key, for the endpoint's origin. */
async function verifyVapid(authorization: string, endpoint: string, publicKey: string): Promise<void> {
  const m = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(authorization);
  expect(m, authorization).not.toBeNull();
  const [, jwt, k] = m!;
  expect(k).toBe(publicKey);
  const [header, claims, signature] = jwt!.split(".");
  expect(JSON.parse(new TextDecoder().decode(b64u.decode(header!)))).toMatchObject({ alg: "ES256" });
  const payload = JSON.parse(new TextDecoder().decode(b64u.decode(claims!))) as { aud: string; exp: number; sub: string };
  expect(payload.aud).toBe(new URL(endpoint).origin);
  expect(payload.sub).toBe("mailto:test@example.org");
  expect(payload.exp * 1000).toBeGreaterThan(Date.now());
  expect(payload.exp * 1000).toBeLessThanOrEqual(Date.now() + 24 * 3_600_000);
  const key = await crypto.subtle.importKey("raw", b64u.decode(k!), { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
  const ok = await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, b64u.decode(signature!), utf8(`${header}.${claims}`));
  expect(ok).toBe(true);
}

interface Delivered {
  endpoint: string;
  headers: Headers;
  body: Uint8Array;
}

/** A push service (Firebase Cloud Messaging's address, played by the port's fetch): records what arrives, answers `status` (201 by default). */
function pushService(keys: Awaited<ReturnType<typeof vapidKeys>>) {
  const delivered: Delivered[] = [];
  const state = { status: 201 };
  const port: PushPort = {
    keys,
    async fetch(url, init) {
      const body = init.body instanceof Uint8Array ? init.body : new Uint8Array(init.body as ArrayBuffer);
      delivered.push({ endpoint: url, headers: new Headers(init.headers), body });
      return new Response(null, { status: state.status });
    },
  };
  return { port, delivered, state };
}

let office: Office;
let staff: Staff;
let kiosk: string;
let keys: Awaited<ReturnType<typeof vapidKeys>>;
let service: ReturnType<typeof pushService>;
let deps: Partial<AppDeps>;
let heard: LiveChange[][];
let staffCookie: string;

beforeEach(async () => {
  office = await createOffice();
  staff = await signedIn(office);
  staffCookie = (await staffMember(office, "staff", OPEN)).cookie;
  kiosk = await pairedDevice(office, "kiosk");
  keys = await vapidKeys();
  service = pushService(keys);
  heard = [];
  const live: LiveNotifier = { changed: async (o, changes) => void (o === office.slug && heard.push(changes)) };
  deps = { push: service.port, live };
});

const tokenOf = (t: TicketView) => new URL(t.statusUrl).hash.slice(1);

async function takeNumber(now = OPEN): Promise<TicketView> {
  const res = await post(office, "/api/kiosk/tickets", { topic: "fragen" }, { now, headers: { Authorization: `Bearer ${kiosk}` }, deps });
  expect(res.status, await res.clone().text()).toBe(201);
  return TicketView.parse(await res.json());
}

function subscribe(token: string, body: unknown, now = OPEN): Promise<Response> {
  return post(office, `/api/status/${token}/push`, body, { now, deps });
}

async function subscribed(ticket: TicketView, locale = "de"): Promise<Browser> {
  const browser = await browserSubscription(`https://fcm.googleapis.com/fcm/send/${crypto.randomUUID()}`);
  const res = await subscribe(tokenOf(ticket), { ...browser.json, locale });
  expect(res.status, await res.clone().text()).toBe(204);
  return browser;
}

async function roomIds(): Promise<number[]> {
  const { results } = await env.DB.prepare("SELECT id FROM rooms WHERE location_id = ?1 ORDER BY sort_order").bind(office.id).all<{ id: number }>();
  return results.map((r) => r.id);
}

/** "Nächste Person aufrufen" in room `roomId`, with the test's push service and live notifier. */
async function callNext(roomId: number, at = after(5)): Promise<Response> {
  const res = await post(office, `/api/staff/${office.slug}/queue/call-next`, { roomId }, { now: at, deps, headers: { Cookie: staffCookie } });
  expect(res.status, await res.clone().text()).toBe(200);
  return res;
}

async function messagesFor(browser: Browser): Promise<PushPayload[]> {
  const mine = service.delivered.filter((d) => d.endpoint === browser.json.endpoint);
  return Promise.all(mine.map(async (d) => PushPayload.parse(JSON.parse(await decrypt(browser, d.body)))));
}

const rowsOf = async (ticketId: string) =>
  (await env.DB.prepare("SELECT count(*) AS n FROM push_subscriptions WHERE ticket_id = ?1").bind(ticketId).first<{ n: number }>())!.n;
const idOf = async (t: TicketView) =>
  (await env.DB.prepare("SELECT id FROM queue_tickets WHERE location_id = ?1 AND number = ?2 AND prefix = ?3").bind(office.id, t.number, t.prefix).first<{ id: string }>())!.id;

describe("Web Push", () => {

  it("serves the public key, and none when push is off", async () => {
    const on = PushKey.parse(await (await office.request("http://localhost/api/push/key", {}, OPEN, deps)).json());
    expect(on.publicKey).toBe(keys.publicKey);
    const off = PushKey.parse(await (await office.request("http://localhost/api/push/key", {}, OPEN)).json());
    expect(off.publicKey).toBeNull();
  });

  it("tells the next but one 'Gleich sind Sie dran' and the called 'Sie sind dran – Raum 2', encrypted (RFC 8291) and signed (RFC 8292)", async () => {
    const [room1, room2] = await roomIds();
    const first = await takeNumber(after(-30));
    const second = await takeNumber(after(-20));
    const third = await takeNumber(after(-10));
    const phone2 = await subscribed(second);
    const phone3 = await subscribed(third, "ar");
    expect(service.delivered).toHaveLength(0);

    // Room 1 calls W 1: W 2 is next, W 3 next but one: both hear "soon", once.
    await callNext(room1!);
    const [soon2] = await messagesFor(phone2);
    expect(soon2).toMatchObject({ kind: "soon", title: "Gleich sind Sie dran", lang: "de", dir: "ltr" });
    expect(soon2!.body).toBe(`Nummer \u2066${second.label}\u2069: Bitte bleiben Sie in der Nähe.`);
    const [soon3] = await messagesFor(phone3);
    expect(soon3).toMatchObject({ kind: "soon", title: "اقترب دوركم", lang: "ar", dir: "rtl" });
    expect(soon3!.body).toContain(`\u2066${third.label}\u2069`);
    expect(first.label).toBe("W 1");

    // Room 2 calls W 2: it hears its room; W 3 is not told "soon" again.
    await callNext(room2!, after(6));
    const messages2 = await messagesFor(phone2);
    expect(messages2.map((m) => m.kind)).toEqual(["soon", "called"]);
    expect(messages2[1]).toMatchObject({ title: "Sie sind dran – \u2068Raum 2\u2069", body: `Nummer \u2066${second.label}\u2069: Bitte kommen Sie jetzt.` });
    expect(await messagesFor(phone3)).toHaveLength(1);

    // The link in the message opens the number's status page.
    const link = new URL(messages2[1]!.url);
    const status = TicketView.parse(await (await office.request(`http://localhost/api/status/${link.hash.slice(1)}`, {}, after(6))).json());
    expect(status).toMatchObject({ label: second.label, status: "called", room: "Raum 2" });

    for (const d of service.delivered) {
      expect(d.headers.get("content-encoding")).toBe("aes128gcm");
      expect(d.headers.get("urgency")).toBe("high");
      expect(Number(d.headers.get("ttl"))).toBeGreaterThan(0);
      expect(Number(d.headers.get("ttl"))).toBeLessThanOrEqual(900);
      await verifyVapid(d.headers.get("authorization")!, d.endpoint, keys.publicKey);
    }
  });

  it("counts the places by the call rule: an early appointment waits behind the walk-ins and hears nothing; the walk-in next but one does", async () => {
    const [room1] = await roomIds();
    // Checked in half an hour early for 14:30 (2½ h after now): called only when nobody else waits.
    const { ticketId } = await checkedIn(office, after(150), after(-30));
    const apptToken = "a".repeat(43);
    const { sha256Hex } = await import("../../worker/random");
    await env.DB.prepare("INSERT INTO ticket_tokens (token_hash, ticket_id, location_id, created_at) VALUES (?1, ?2, ?3, ?4)")
      .bind(await sha256Hex(apptToken), ticketId, office.id, OPEN.toISOString())
      .run();
    await takeNumber(after(-20));
    await takeNumber(after(-15));
    const third = await takeNumber(after(-10));
    const apptPhone = await browserSubscription("https://fcm.googleapis.com/fcm/send/appointment");
    expect((await subscribe(apptToken, apptPhone.json)).status).toBe(204);
    const phone3 = await subscribed(third);

    // W 1 is called: W 2 is next, W 3 next but one; the appointment waits behind both.
    await callNext(room1!, after(1));
    expect(await messagesFor(apptPhone)).toEqual([]);
    expect((await messagesFor(phone3)).map((m) => m.kind)).toEqual(["soon"]);
    // What the status pages say agrees.
    const status = async (token: string) => TicketView.parse(await (await office.request(`http://localhost/api/status/${token}`, {}, after(1))).json());
    expect((await status(tokenOf(third))).ahead).toBe(1);
    expect((await status(apptToken)).ahead).toBe(2);
  });

  it("tells 'Gleich sind Sie dran' when someone ahead leaves the queue", async () => {
    const first = await takeNumber(after(-30));
    await takeNumber(after(-20));
    const third = await takeNumber(after(-10));
    const phone = await subscribed(third);
    expect(service.delivered).toHaveLength(0);
    const res = await post(office, `/api/status/${tokenOf(first)}/leave`, {}, { now: after(1), deps });
    expect(res.status).toBe(200);
    const [soon] = await messagesFor(phone);
    expect(soon).toMatchObject({ kind: "soon", title: "Gleich sind Sie dran" });
  });

  it("deletes a subscription the push service says is gone (410)", async () => {
    const [room1] = await roomIds();
    const mine = await takeNumber(after(-10));
    await subscribed(mine);
    expect(await rowsOf(await idOf(mine))).toBe(1);
    service.state.status = 410;
    await callNext(room1!);
    // Called at once (nobody ahead): "Sie sind dran" only, answered 410.
    expect(service.delivered).toHaveLength(1);
    expect(await rowsOf(await idOf(mine))).toBe(0);
  });

  it("refuses a bad subscription naming the field, and one for a number that has ended", async () => {
    const mine = await takeNumber();
    const browser = await browserSubscription("https://updates.push.services.mozilla.com/wpush/v2/x");
    for (const [body, field] of [
      [{ ...browser.json, endpoint: "http://updates.push.services.mozilla.com/wpush/v2/x" }, "endpoint"],
      [{ ...browser.json, endpoint: `https://fcm.googleapis.com/${"x".repeat(1100)}` }, "endpoint"],
      [{ ...browser.json, keys: { ...browser.json.keys, auth: "abc" } }, "keys.auth"],
      [{ ...browser.json, keys: { ...browser.json.keys, p256dh: browser.json.keys.auth } }, "keys.p256dh"],
      [{ ...browser.json, locale: "fr" }, "locale"],
    ] as const) {
      const res = await subscribe(tokenOf(mine), body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe(field);
    }
    expect(await rowsOf(await idOf(mine))).toBe(0);
    expect((await subscribe("x".repeat(30), browser.json)).status).toBe(404);
    expect((await post(office, `/api/status/${tokenOf(mine)}/leave`, {}, { now: after(1), deps })).status).toBe(200);
    const res = await subscribe(tokenOf(mine), browser.json, after(2));
    expect(res.status).toBe(409);
    expect(await rowsOf(await idOf(mine))).toBe(0);
  });

  it("accepts only a push service's address: no internal host, IP literal, other port, user or other site", async () => {
    const [room1] = await roomIds();
    const mine = await takeNumber(after(-10));
    const browser = await browserSubscription("https://fcm.googleapis.com/fcm/send/x");
    for (const endpoint of [
      "https://127.0.0.1/x",
      "https://localhost:8787/api/staff/x",
      "https://169.254.169.254/latest/meta-data",
      "https://10.0.0.5/admin",
      "https://[::1]/x",
      "https://user:pw@example.com/x",
      "https://evil.example.com/anything",
      "https://fcm.googleapis.com.evil.example/x",
      "https://evilfcm.googleapis.com/x",
      "https://fcm.googleapis.com:8443/fcm/send/x",
      "https://user@fcm.googleapis.com/fcm/send/x",
      "https://push.apple.com/x",
      "https://notify.windows.com.example/x",
    ]) {
      const res = await subscribe(tokenOf(mine), { ...browser.json, endpoint });
      expect(res.status, endpoint).toBe(400);
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe("endpoint");
    }
    expect(await rowsOf(await idOf(mine))).toBe(0);
    await callNext(room1!, after(1));
    expect(service.delivered).toHaveLength(0);
    // The browsers' services, on their hosts (regional ones too).
    for (const endpoint of [
      "https://fcm.googleapis.com/fcm/send/abc:def",
      "https://updates.push.services.mozilla.com/wpush/v2/gAAAA",
      "https://web.push.apple.com/QGuQ",
      "https://wns2-par02p.notify.windows.com/w/?token=BQYAAA",
      "https://FCM.googleapis.com:443/fcm/send/x",
    ]) {
      const other = await takeNumber(after(2));
      const b = await browserSubscription(endpoint);
      expect((await subscribe(tokenOf(other), b.json, after(2))).status, endpoint).toBe(204);
    }
  });

  it("never sends to a stored address that is not a push service's (a row from before the check): it is dropped", async () => {
    const [room1] = await roomIds();
    const mine = await takeNumber(after(-10));
    await subscribed(mine);
    const id = await idOf(mine);
    await env.DB.prepare("UPDATE push_subscriptions SET endpoint = 'https://10.0.0.5/admin' WHERE ticket_id = ?1").bind(id).run();
    await callNext(room1!, after(1));
    expect(service.delivered).toHaveLength(0);
    expect(await rowsOf(id)).toBe(0);
  });

  it("keeps one subscription per number, and withdraws it", async () => {
    const mine = await takeNumber();
    await subscribed(mine);
    await subscribed(mine);
    const id = await idOf(mine);
    expect(await rowsOf(id)).toBe(1);
    const state = await office.request(`http://localhost/api/status/${tokenOf(mine)}/push`, {}, OPEN, deps);
    expect(((await state.json()) as { endpoint: string }).endpoint).toMatch(/^https:\/\/fcm\.googleapis\.com\/fcm\/send\//);
    const res = await office.request(`http://localhost/api/status/${tokenOf(mine)}/push`, { method: "DELETE", headers: { Origin: "http://localhost" } }, OPEN, deps);
    expect(res.status).toBe(204);
    expect(await rowsOf(id)).toBe(0);
    const none = await office.request(`http://localhost/api/status/${tokenOf(mine)}/push`, {}, OPEN, deps);
    expect(await none.json()).toEqual({ endpoint: null });
  });

  it("is erased with the number: retention of its status links, and housekeeping a day later", async () => {
    const kept = await takeNumber();
    await subscribed(kept);
    const id = await idOf(kept);
    await purgeExpired(env.DB, new Date(OPEN.getTime() + 23 * 3_600_000));
    expect(await rowsOf(id)).toBe(1);
    await purgeExpired(env.DB, new Date(OPEN.getTime() + 25 * 3_600_000));
    expect(await rowsOf(id)).toBe(0);

    // A subscription left over (e.g. restored from a backup) goes with the status links by retention.
    const old = await takeNumber();
    await subscribed(old);
    const oldId = await idOf(old);
    await env.DB.prepare("UPDATE push_subscriptions SET created_at = ?2 WHERE ticket_id = ?1").bind(oldId, new Date().toISOString()).run();
    await runRetention(env.DB, new Date(OPEN.getTime() + 32 * 86_400_000));
    expect(await rowsOf(oldId)).toBe(0);
  });

  it("goes with the number when staff finish it or mark it no-show", async () => {
    const [room1, room2] = await roomIds();
    const done = await takeNumber(after(-20));
    const gone = await takeNumber(after(-10));
    await subscribed(done);
    await subscribed(gone);
    const doneId = await idOf(done);
    const goneId = await idOf(gone);
    await callNext(room1!, after(1));
    await callNext(room2!, after(2));
    const staffPost = (path: string, at: Date) => post(office, `/api/staff/${office.slug}/tickets/${path}`, {}, { now: at, deps, headers: { Cookie: staffCookie } });
    expect((await staffPost(`${doneId}/finish`, after(20))).status).toBe(200);
    expect(await rowsOf(doneId)).toBe(0);
    expect(await rowsOf(goneId)).toBe(1);
    // A refused no-show (one call only) keeps it: nothing changed.
    expect((await staffPost(`${goneId}/no-show`, after(21))).status).toBe(409);
    expect(await rowsOf(goneId)).toBe(1);
    expect((await staffPost(`${goneId}/recall`, after(22))).status).toBe(200);
    expect((await staffPost(`${goneId}/no-show`, after(25))).status).toBe(200);
    expect(await rowsOf(goneId)).toBe(0);
    const state = await office.request(`http://localhost/api/status/${tokenOf(done)}/push`, {}, after(26), deps);
    expect(await state.json()).toEqual({ endpoint: null });

    // "Nächste Person aufrufen" finishes the conversation in the room: its subscription goes too.
    const talking = await takeNumber(after(27));
    await takeNumber(after(28));
    await subscribed(talking);
    const talkingId = await idOf(talking);
    await callNext(room1!, after(29));
    expect((await staffPost(`${talkingId}/start`, after(30))).status).toBe(200);
    expect(await rowsOf(talkingId)).toBe(1);
    await callNext(room1!, after(40));
    expect(await env.DB.prepare("SELECT status FROM queue_tickets WHERE id = ?1").bind(talkingId).first()).toEqual({ status: "done" });
    expect(await rowsOf(talkingId)).toBe(0);
  });

  it("never fails or delays the call when the push service fails", async () => {
    const [room1] = await roomIds();
    const mine = await takeNumber(after(-10));
    await subscribed(mine);
    service.port.fetch = async () => {
      throw new Error("network down");
    };
    const res = await callNext(room1!);
    expect(res.status).toBe(200);
  });
});

describe("leaving the queue", () => {
  it("ends a waiting number by its status link, idempotently; the office's screens hear it; statistics count it 'gegangen'", async () => {
    const stay = await takeNumber(after(-20));
    const leave = await takeNumber(after(-10));
    heard = [];
    const res = await post(office, `/api/status/${tokenOf(leave)}/leave`, {}, { now: after(1), deps });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(LeaveResult.parse(await res.json())).toEqual({ label: leave.label, status: "cancelled" });
    expect(TicketView.parse(await (await office.request(`http://localhost/api/status/${tokenOf(leave)}`, {}, after(1))).json()).status).toBe("cancelled");
    expect(heard).toEqual([["queue", "calls", "bookings"]]);

    // Again: the same answer, nothing more heard.
    const again = await post(office, `/api/status/${tokenOf(leave)}/leave`, {}, { now: after(2), deps });
    expect(again.status).toBe(200);
    expect(LeaveResult.parse(await again.json()).status).toBe("cancelled");
    expect(heard).toHaveLength(1);

    // The row says who ended it; the one who stays is alone in the queue.
    const row = await env.DB.prepare("SELECT status, ended_by FROM queue_tickets WHERE id = ?1").bind(await idOf(leave)).first();
    expect(row).toEqual({ status: "cancelled", ended_by: "visitor" });
    const stats = Statistics.parse(await (await staff.get(`/statistics?from=${DAY}&to=${DAY}`)).json());
    expect(stats.totals.walkIns).toMatchObject({ total: 2, served: 0, left: 2 });
    expect(stats.totals.walkInsGone).toBe(1);
    expect(TicketView.parse(await (await office.request(`http://localhost/api/status/${tokenOf(stay)}`, {}, after(2))).json()).ahead).toBe(0);
  });

  it("cannot leave once called (409), and an unknown link is 404", async () => {
    const [room1] = await roomIds();
    const mine = await takeNumber(after(-10));
    await callNext(room1!, after(1));
    const res = await post(office, `/api/status/${tokenOf(mine)}/leave`, {}, { now: after(2), deps });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("ticket_state");
    expect(TicketView.parse(await (await office.request(`http://localhost/api/status/${tokenOf(mine)}`, {}, after(2))).json()).status).toBe("called");
    expect((await post(office, `/api/status/${"y".repeat(40)}/leave`, {}, { now: after(2), deps })).status).toBe(404);
  });

  it("answers 409 for a number staff ended, not the visitor's 'left'", async () => {
    const mine = await takeNumber(after(-10));
    const id = await idOf(mine);
    // No route ends a waiting number for staff yet; the row as such a change (or an older one) leaves it.
    await env.DB.prepare("UPDATE queue_tickets SET status = 'cancelled', ended_by = 'staff', ended_at = ?2 WHERE id = ?1").bind(id, after(0).toISOString()).run();
    const res = await post(office, `/api/status/${tokenOf(mine)}/leave`, {}, { now: after(1), deps });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("ticket_state");
    const older = await takeNumber(after(-5));
    await env.DB.prepare("UPDATE queue_tickets SET status = 'cancelled' WHERE id = ?1").bind(await idOf(older)).run();
    expect((await post(office, `/api/status/${tokenOf(older)}/leave`, {}, { now: after(1), deps })).status).toBe(409);
  });

  it("an appointment's number: the booking is cancelled by the resident, its seats are free, and the cancel mail goes in the booking's language", async () => {
    const { bookingId, ticketId } = await checkedIn(office, after(30), after(0));
    await env.DB.prepare("UPDATE bookings SET locale = 'tr' WHERE id = ?1").bind(bookingId).run();
    const token = "t".repeat(43);
    const { sha256Hex } = await import("../../worker/random");
    await env.DB.prepare("INSERT INTO ticket_tokens (token_hash, ticket_id, location_id, created_at) VALUES (?1, ?2, ?3, ?4)")
      .bind(await sha256Hex(token), ticketId, office.id, OPEN.toISOString())
      .run();
    heard = [];
    const res = await post(office, `/api/status/${token}/leave`, {}, { now: after(1), deps });
    expect(res.status, await res.clone().text()).toBe(200);
    const booking = await env.DB.prepare("SELECT status, invite_sequence FROM bookings WHERE id = ?1").bind(bookingId).first();
    expect(booking).toEqual({ status: "cancelled", invite_sequence: 2 });
    const event = await env.DB.prepare("SELECT status, actor, sequence FROM booking_events WHERE booking_id = ?1 ORDER BY sequence DESC LIMIT 1").bind(bookingId).first();
    expect(event).toEqual({ status: "cancelled", actor: "resident", sequence: 2 });
    const seats = await env.DB.prepare("SELECT count(*) AS n FROM booking_seats WHERE booking_id = ?1").bind(bookingId).first<{ n: number }>();
    expect(seats!.n).toBe(0);
    const mails = await env.DB.prepare("SELECT kind, to_address, ics_method, ics, subject FROM mail_outbox WHERE booking_id = ?1").bind(bookingId).all<{ kind: string; to_address: string; ics_method: string; ics: string; subject: string }>();
    expect(mails.results).toHaveLength(1);
    expect(mails.results[0]).toMatchObject({ kind: "booking_cancelled", to_address: "test@example.org", ics_method: "CANCEL" });
    expect(mails.results[0]!.ics).toMatch(/SEQUENCE:2\r?\n/);
    expect(mails.results[0]!.ics).toMatch(/STATUS:CANCELLED/);
    // Turkish, as the booking was made.
    expect(mails.results[0]!.subject, mails.results[0]!.subject).toMatch(/iptal/i);
    expect(heard.flat()).toContain("outbox");

    // Again: the same answer, no second mail.
    expect((await post(office, `/api/status/${token}/leave`, {}, { now: after(2), deps })).status).toBe(200);
    const count = await env.DB.prepare("SELECT count(*) AS n FROM mail_outbox WHERE booking_id = ?1").bind(bookingId).first<{ n: number }>();
    expect(count!.n).toBe(1);
  });

  it("an appointment's number called while the leave runs: 409, the booking stays checked in, no mail; two leaves at once: one cancel, one mail", async () => {
    const [room1] = await roomIds();
    const { sha256Hex } = await import("../../worker/random");
    const appointment = async (token: string, start: Date) => {
      const ids = await checkedIn(office, start, after(-5));
      await env.DB.prepare("INSERT INTO ticket_tokens (token_hash, ticket_id, location_id, created_at) VALUES (?1, ?2, ?3, ?4)")
        .bind(await sha256Hex(token), ids.ticketId, office.id, OPEN.toISOString())
        .run();
      return ids;
    };
    const call = (db: D1Database, path: string, headers: Record<string, string> = {}, body: unknown = {}) =>
      createApp(testDeps(after(1))).request(
        `http://localhost${path}`,
        { method: "POST", headers: { "Content-Type": "application/json", Origin: "http://localhost", ...headers }, body: JSON.stringify(body) },
        { ...env, DB: db, DEFAULT_LOCATION: office.slug },
      );
    const mailsOf = async (bookingId: string) =>
      (await env.DB.prepare("SELECT count(*) AS n FROM mail_outbox WHERE booking_id = ?1 AND kind = 'booking_cancelled'").bind(bookingId).first<{ n: number }>())!.n;

    // Both read the number waiting; the call writes first.
    const called = await appointment("c".repeat(43), after(3));
    const race = forcedRace(["call", "leave"]);
    const [byStaff, byVisitor] = await Promise.all([
      call(race("call"), `/api/staff/${office.slug}/tickets/${called.ticketId}/call`, { Cookie: staffCookie }, { roomId: room1 }),
      call(race("leave"), `/api/status/${"c".repeat(43)}/leave`),
    ]);
    expect(byStaff.status, await byStaff.clone().text()).toBe(200);
    expect(byVisitor.status).toBe(409);
    expect(((await byVisitor.json()) as { error: { code: string } }).error.code).toBe("ticket_state");
    expect(await env.DB.prepare("SELECT status, invite_sequence FROM bookings WHERE id = ?1").bind(called.bookingId).first()).toEqual({ status: "checked_in", invite_sequence: 1 });
    expect(await mailsOf(called.bookingId)).toBe(0);

    // The visitor taps twice: both answer 200, the booking is cancelled once, one mail.
    const twice = await appointment("d".repeat(43), after(60));
    const double = forcedRace(["first", "second"]);
    const answers = await Promise.all([
      call(double("first"), `/api/status/${"d".repeat(43)}/leave`),
      call(double("second"), `/api/status/${"d".repeat(43)}/leave`),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect(await env.DB.prepare("SELECT status, invite_sequence FROM bookings WHERE id = ?1").bind(twice.bookingId).first()).toEqual({ status: "cancelled", invite_sequence: 2 });
    expect(await mailsOf(twice.bookingId)).toBe(1);
  });
});
