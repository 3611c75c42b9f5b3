import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OutboxList } from "../../schemas/staff-bookings";
import { serveIsolated, type IsolatedApp } from "../../scripts/serve-isolated";
import { e2eOffices } from "./support/offices";

/*
 * The local server runs production's scheduled work (scripts/start.ts, runCrons): a mail whose first
 * attempt failed waits in the outbox for its retry, and a run of the Worker's real `scheduled` handler
 * sends it, with no request to the app that could have sent it. The server's "minute" is a second here
 * (SPRECHSTUNDE_CRON_EVERY_MS), so the test waits seconds, not a minute.
 *
 * SMTP_URL reaches the Worker from the environment (CLOUDFLARE_INCLUDE_PROCESS_ENV), as it does for
 * `npm start` when there is no .dev.vars; a .dev.vars of your own at build time would take its place.
 */

const MESSAGE_ID = "<waiting-retry@sprechstunde.test>";
const TO = "rita.retry@example.org";

/** A confirmation whose first attempt met a busy relay, due for its retry since long ago. */
const waitingMail = `
INSERT INTO mail_outbox (id, location_id, kind, to_address, subject, text_body, message_id, status, attempts, next_attempt_at, last_error, created_at)
SELECT 'waiting-retry', id, 'booking_confirmed', '${TO}', 'Ihr Termin', 'Guten Tag, Ihr Termin ist gebucht.', '${MESSAGE_ID}',
       'pending', 1, '2026-01-01T00:01:00.000Z', '451 Mailbox busy', '2026-01-01T00:00:00.000Z'
FROM locations WHERE slug = 'e2e-open';`;

let app: IsolatedApp;
let smtp: SMTPServer;
let smtpPort: number;
let staffLink: string;
const arrived: ParsedMail[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
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
  const offices = e2eOffices();
  staffLink = offices.staffLinks.admin[0]!;
  app = await serveIsolated({
    extraSeed: offices.sql + waitingMail,
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
    expect(app.startOutput()).toContain("Scheduled work (the cron of wrangler.toml) runs every 1 s (SPRECHSTUNDE_CRON_EVERY_MS");
  });

  it("sends a mail that waited for its retry, by itself", async () => {
    await expect.poll(() => arrived.length, { timeout: 30_000 }).toBe(1);
    const [mail] = arrived;
    expect(mail!.messageId).toBe(MESSAGE_ID);
    expect(mail!.to).toMatchObject({ value: [{ address: TO }] });

    // The outbox says so too (asked only now: no request before could have sent it).
    const signIn = await fetch(`${app.baseURL}/api/auth/link/redeem`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: staffLink }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]!).join("; ");
    const outbox = OutboxList.parse(await (await fetch(`${app.baseURL}/api/staff/e2e-open/outbox`, { headers: { cookie } })).json());
    expect(outbox.mails.find((m) => m.id === "waiting-retry")).toMatchObject({ status: "sent", attempts: 2, to: TO });
  });
});
