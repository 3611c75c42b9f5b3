import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../worker/app";
import { MAX_BODY_BYTES } from "../../worker/middleware";
import { createOffice, staffMember, testDeps } from "../helpers/fixtures";

/*
 * Every request body is read before anything answers (worker/middleware.ts `readBody`): workerd ends a
 * connection whose request body was left unread, and the local server then fails the next request on
 * it with a 500 "fetch failed" (tests/e2e/keep-alive.test.ts shows that end to end). Here the body is a
 * stream the test owns, so it can see how much of it the app pulled.
 */

/** A body of `size` bytes in chunks of 1 KiB, counting what was read and whether it was cancelled. */
function countingBody(size: number) {
  const seen = { read: 0, cancelled: false };
  let left = size;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (left === 0) return controller.close();
      const chunk = new Uint8Array(Math.min(1024, left)).fill(0x20);
      left -= chunk.byteLength;
      seen.read += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

const KIB = 1024;

describe("an answer given without looking at the body", () => {
  it.each<[string, string, Record<string, string>, number, number]>([
    ["a foreign origin (403)", "/api/requests", { Origin: "https://evil.example" }, 2 * KIB, 403],
    ["a staff route without a session (401)", "/api/staff/SLUG/queue/call-next", {}, 2 * KIB, 401],
    ["an unknown path (404)", "/api/nothing-here", {}, 2 * KIB, 404],
    ["a page that is no API route (404)", "/kiosk/anything", {}, 2 * KIB, 404],
    ["a body over the limit, sent in chunks (400)", "/api/requests", {}, MAX_BODY_BYTES + 1, 400],
  ])("%s still reads the whole body", async (_, path, headers, size, status) => {
    const office = await createOffice();
    const { stream, seen } = countingBody(size);
    const res = await office.request(path.replace("SLUG", office.slug), post(stream, headers));
    expect(res.status).toBe(status);
    expect(seen).toEqual({ read: size, cancelled: false });
  });

  it("a route that ignores the {} it is sent (a ticket's start) has read it", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const { stream, seen } = countingBody(2);
    const res = await office.request(`/api/staff/${office.slug}/tickets/no-such-ticket/start`, post(stream, { cookie: member.cookie }));
    expect(res.status).toBe(404);
    expect(seen).toEqual({ read: 2, cancelled: false });
  });

  it("a body within the limit still reaches the handler whole", async () => {
    const office = await createOffice();
    const res = await office.request("/api/requests", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ topic: "fragen" }),
    });
    // The handler parsed the JSON: it names a missing field, not a broken body.
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "invalid_request", field: expect.any(String) } });
  });

  it("reads a refused body of megabytes to its end, keeping none of it past the limit", async () => {
    const office = await createOffice();
    const { stream, seen } = countingBody(3 * 1024 * KIB);
    const res = await office.request("/api/requests", post(stream, {}));
    expect(res.status).toBe(400);
    expect(seen).toEqual({ read: 3 * 1024 * KIB, cancelled: false });
  });
});

describe("a GET or HEAD with a body", () => {
  /**
   * The runtime builds no GET or HEAD request with a body, yet one arrives when a client sends it
   * (workerd passes it on as it came); a subclass stands in for that request here.
   */
  function bodiedRequest(method: "GET" | "HEAD", size: number) {
    const { stream, seen } = countingBody(size);
    const request = new (class extends Request {
      override get method() {
        return method;
      }
    })("http://localhost/api/health", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    return { request, seen };
  }

  it.each(["GET", "HEAD"] as const)("%s: refused with a 400 after the body was read, never a 500", async (method) => {
    const { request, seen } = bodiedRequest(method, 7);
    const res = await createApp(testDeps(new Date())).fetch(request, env);
    expect(res.status).toBe(400);
    expect(seen.read).toBe(7);
  });

  it("an empty one is answered as if it had none", async () => {
    const { request } = bodiedRequest("GET", 0);
    const res = await createApp(testDeps(new Date())).fetch(request, env);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});

function post(body: ReadableStream<Uint8Array>, headers: Record<string, string>): RequestInit {
  // `duplex` is required for a stream body; the RequestInit type of the runtime does not list it yet.
  return { method: "POST", headers: { "content-type": "application/json", ...headers }, body, duplex: "half" } as RequestInit;
}
