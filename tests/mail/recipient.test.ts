import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BookingCreated } from "../../schemas/bookings";
import { createApp } from "../../worker/app";
import { deliverDue, queueMail } from "../../worker/mail/sender";
import { createTransport } from "../../worker/mail/transport";
import type { MailTransport } from "../../worker/mail/types";
import { bookingBody, NOW } from "../helpers/bookings";
import { createOffice, testDeps } from "../helpers/fixtures";
import { mailContext } from "./support/context";
import { openMailbox, type TestMailbox } from "./support/mailbox";

/*
 * Mail goes to exactly the stored address, through real SMTP: the local server records RCPT TO. A
 * booking stores the address in its one canonical form and the mail's envelope and To carry that very
 * string; an address stored before the rule (or by hand) that a mailer could read as a list, a comment
 * or a display name is never sent, rather than sent to someone else.
 */

const FROM = '"Testbüro Kempten-Ost" <termine@example.org>';

let mailbox: TestMailbox;
let transport: MailTransport;

beforeAll(async () => {
  mailbox = await openMailbox();
  transport = createTransport({ SMTP_URL: mailbox.smtpUrl })!;
});

beforeEach(async () => {
  await mailbox.reset();
});

afterAll(async () => {
  await mailbox.close();
});

/** A booking through the route, with delivery right after the answer (ctx.waitUntil) to the test server. */
async function book(email: string): Promise<{ booked: BookingCreated; stored: string }> {
  const office = await createOffice();
  const app = createApp(testDeps(NOW, { mail: { transport, from: FROM } }));
  const ctx = createExecutionContext();
  const res = await app.request(
    "http://localhost/api/bookings",
    { method: "POST", headers: { "Content-Type": "application/json", Origin: "http://localhost" }, body: JSON.stringify(bookingBody({ email })) },
    { ...env, DEFAULT_LOCATION: office.slug },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  expect(res.status).toBe(201);
  const booked = BookingCreated.parse(await res.json());
  const row = await env.DB.prepare("SELECT email FROM bookings WHERE id = ?1").bind(booked.id).first<{ email: string }>();
  return { booked, stored: row!.email };
}

describe("a booking's mail goes to the stored address and nowhere else", () => {
  it.each([
    ["  Vera.Beispiel@Example.ORG ", "vera.beispiel@example.org"],
    ["o'brien+termin@example.org", "o'brien+termin@example.org"],
    ["info@BÜCHER.de", "info@xn--bcher-kva.de"],
    ["jörg@example.de", "jörg@example.de"],
    ["Jörg@Bücher.de", "jörg@xn--bcher-kva.de"],
  ])("%j is stored as %j and is the one RCPT TO and To", async (typed, canonical) => {
    const { booked, stored } = await book(typed);
    expect(stored).toBe(canonical);

    const arrived = (await mailbox.messages()).filter((m) => m.text.includes(booked.code));
    expect(arrived).toHaveLength(1);
    expect(arrived[0]!.envelope.to.map(asciiDomain)).toEqual([stored]);
    expect(arrived[0]!.to.map((a) => ({ ...a, address: asciiDomain(a.address) }))).toEqual([{ name: "", address: stored }]);
  });
});

/**
 * The address with its domain in ASCII: the test server writes down an IDN domain in Unicode
 * (smtp-server decodes punycode), and SMTPUTF8 may send it so, but it is the same mailbox.
 */
function asciiDomain(address: string): string {
  const at = address.lastIndexOf("@");
  return `${address.slice(0, at)}@${new URL(`http://${address.slice(at + 1)}`).hostname}`;
}

describe("an address stored before the rule that a mailer would rewrite", () => {
  it.each([
    ["x,b@example.org", "a list: b@example.org"],
    ["a;b@example.org", "a list: b@example.org"],
    ["e(c)@example.org", "a comment: e@example.org"],
    ["a\u0000b@example.org", "a NUL dropped: ab@example.org"],
    ['"Vera" <v@example.org>', "a display name"],
    ["v@example.org, w@example.org", "two recipients"],
  ])("%j (%s) is marked failed and never sent", async (address) => {
    const location = await createOffice();
    const ctx = mailContext({ email: address }, { mailId: crypto.randomUUID(), from: FROM, now: NOW });
    await queueMail(env.DB, { kind: "request_received", ctx, locationId: location.id, bookingId: null, status: "pending", sendAt: NOW }).run();

    expect(await deliverDue({ db: env.DB, transport, from: FROM, now: NOW })).toMatchObject({ sent: 0, failed: 1 });
    expect(await mailbox.messages()).toEqual([]);
    const row = await env.DB.prepare("SELECT status, attempts, last_error FROM mail_outbox WHERE id = ?1").bind(ctx.mailId).first();
    expect(row).toEqual({ status: "failed", attempts: 1, last_error: "The recipient is not one plain e-mail address; not sent." });
  });
});
