import { Agent, request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type TestApp } from "./support/app";

/*
 * The local server keeps every request, also the one after a request the Worker answered without
 * looking at its body. Before worker/middleware.ts `readBody`, workerd ended the connection after such
 * an answer without saying so, and `vite preview` answered the next request with a 500 "fetch failed"
 * page (about one in four after a refused 17 KB body; a refused body of megabytes failed itself as
 * well). Here one client sends, on one kept-alive connection, each kind of such request followed by
 * ordinary ones, many times, and every answer is the Worker's own.
 */

const ROUNDS = 60;
let app: TestApp;
let baseURL: URL;
beforeAll(async () => {
  app = await startApp();
  baseURL = new URL(app.baseURL);
});

/** One connection for the whole file: `maxSockets: 1` and keep-alive; `sockets` counts how many were opened. */
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
let sockets = 0;
const createConnection = agent.createConnection.bind(agent);
agent.createConnection = (...args: Parameters<typeof createConnection>) => {
  sockets++;
  return createConnection(...args);
};
afterAll(() => {
  agent.destroy();
  app?.stop();
});

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

function send(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: baseURL.hostname, port: baseURL.port, method, path, agent, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, contentType: res.headers["content-type"] ?? "", body: text }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

const json = { "content-type": "application/json" };
const BIG = JSON.stringify({ topic: "fragen", wish: "x".repeat(17 * 1024) });
const HUGE = JSON.stringify({ topic: "fragen", wish: "x".repeat(2 * 1024 * 1024) });

/** Requests the Worker answers without needing their body: [what, method, path, headers, body, status]. */
const IGNORED_BODIES: [string, string, string, Record<string, string>, string, number][] = [
  ["a foreign origin", "POST", "/api/requests", { ...json, Origin: "https://evil.example" }, '{"topic":"fragen"}', 403],
  ["a 17 KB body", "POST", "/api/requests", json, BIG, 400],
  ["a 2 MB body", "POST", "/api/requests", json, HUGE, 400],
  ["a staff route without a session", "POST", "/api/staff/kempten-ost/tickets/x/start", json, "{}", 401],
  ["a cancel by a link that opens nothing", "POST", `/api/bookings/manage/${"n".repeat(43)}/cancel`, json, "{}", 404],
  ["a path nobody serves", "POST", "/api/nothing-here", json, "{}", 404],
];

describe("one kept-alive connection to the local server", () => {
  it(
    `answers every request after one whose body the Worker did not need, ${ROUNDS} rounds of each kind`,
    async () => {
      const seen: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        for (const [what, method, path, headers, body, status] of IGNORED_BODIES) {
          // Each round is another client (a /64 of its own in the documentation range: the rate limit counts
          // a network, not an address), so the rate limit never answers.
          const client = { "CF-Connecting-IP": `2001:db8:${round.toString(16)}::1` };
          const refused = await send(method, path, { ...headers, ...client }, body);
          const health = await send("GET", "/api/health", client);
          const location = await send("GET", "/api/location", client);
          for (const [answer, expected] of [[refused, status], [health, 200], [location, 200]] as const) {
            if (answer.status !== expected || !answer.contentType.startsWith("application/json")) {
              seen.push(`round ${round}, after ${what}: ${answer.status} ${answer.body.slice(0, 80)}`);
            }
          }
        }
      }
      expect(seen).toEqual([]);
      // The Node side kept its one connection throughout: the requests really came one after another on it.
      expect(sockets).toBe(1);
    },
    5 * 60_000,
  );
});
