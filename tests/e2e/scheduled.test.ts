import { execFileSync } from "node:child_process";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BookingCreated } from "../../schemas/bookings";
import { SlotsResponse } from "../../schemas/slots";
import { serveIsolated, type IsolatedApp } from "../../scripts/serve-isolated";

/*
 * The local server runs production's scheduled work (scripts/start.ts, runCrons): a confirmation whose
 * first delivery failed waits in the outbox for its retry, and the next run of the Worker's real
 * `scheduled` handler sends it, with no request to the app in between. The server's "minute" is a
 * second here (SPRECHSTUNDE_CRON_EVERY_MS), so the test waits seconds, not a minute.
 *
 * SMTP_URL reaches the Worker from the environment (CLOUDFLARE_INCLUDE_PROCESS_ENV), as it does for
 * `npm start` when there is no .dev.vars; a .dev.vars of your own at build time would take its place.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));

let app: IsolatedApp;
let smtp: SMTPServer;
let smtpPort: number;
/** Temporary refusals until the test lets mail in: the relay is "busy" for the first attempt. */
let accepting = false;
const refused: string[] = [];
const arrived: ParsedMail[] = [];

/** Rows of SQL run against the server's local D1, as `npm run outbox` reads it. */
function d1(sql: string): Record<string, unknown>[] {
  const out = execFileSync(
    path.join(root, "node_modules/.bin/wrangler"),
    ["d1", "execute", "DB", "--local", "--persist-to", app.state, "--json", "--command", sql],
    { cwd: root, encoding: "utf8", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
  );
  return (JSON.parse(out) as { results: Record<string, unknown>[] }[]).flatMap((r) => r.results);
}

beforeAll(async () => {
  smtp = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (accepting) return callback();
      refused.push(address.address);
      callback(Object.assign(new Error("Mailbox busy, try again later (test)"), { responseCode: 451 }));
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          arrived.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  app = await serveIsolated({
    env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, CLOUDFLARE_INCLUDE_PROCESS_ENV: "true", SPRECHSTUNDE_CRON_EVERY_MS: "1000" },
  });
});

afterAll(async () => {
  app?.stop();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

describe("the local server's scheduled work", () => {
  it("says that mail is sent, and where to", () => {
    expect(app.startOutput()).toContain(`Mail is sent through 127.0.0.1:${smtpPort} (SMTP_URL)`);
    expect(app.startOutput()).not.toContain("Mail is not sent");
    expect(app.startOutput()).toContain("Scheduled work (the cron of wrangler.toml) runs every minute");
  });

  it("retries a mail that waits in the outbox, by itself, with no request to the app", async () => {
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());
    const to = new Date(Date.parse(`${today}T12:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    const slots = SlotsResponse.parse(await (await fetch(`${app.baseURL}/api/slots?from=${today}&to=${to}&topic=fragen`)).json());
    const start = slots.days.flatMap((d) => d.slots)[0]!.start;
    const email = `retry-${Date.now()}@example.org`;
    const res = await fetch(`${app.baseURL}/api/bookings`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ start, topic: "fragen", name: "Rita Retry", email, locale: "de", consent: true }),
    });
    expect(res.status).toBe(201);
    const booking = BookingCreated.parse(await res.json());

    // The delivery right after the booking met a busy relay: the confirmation waits for its retry.
    await expect.poll(() => refused, { timeout: 30_000 }).toContain(email);
    const confirmation = `SELECT status, attempts, message_id FROM mail_outbox WHERE booking_id = '${booking.id}' AND kind = 'booking_confirmed'`;
    await expect.poll(() => d1(confirmation)[0], { timeout: 30_000, interval: 500 }).toMatchObject({ status: "pending", attempts: 1 });
    expect(arrived).toEqual([]);

    // The relay takes mail again, and the retry is due (as a minute later); nothing asks the app.
    accepting = true;
    d1(`UPDATE mail_outbox SET next_attempt_at = '2000-01-01T00:00:00.000Z' WHERE booking_id = '${booking.id}' AND kind = 'booking_confirmed'`);
    await expect.poll(() => arrived.length, { timeout: 30_000 }).toBe(1);
    const [mail] = arrived;
    expect(mail!.to).toMatchObject({ value: [{ address: email }] });
    const row = d1(confirmation)[0]!;
    expect(mail!.messageId).toBe(row.message_id);
    expect(row).toMatchObject({ status: "sent", attempts: 2 });
  }, 90_000);
});
