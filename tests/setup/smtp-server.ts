import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { TestProject } from "vitest/node";
import type { ReceivedMail } from "./smtp-context";

/*
 * Global setup of the Worker tests: real SMTP servers on loopback for the mail tests, run in Node beside
 * workerd. The Worker under test connects to them with nodemailer exactly as it would to a relay.
 *
 * A small HTTP control API (its address is provided to the tests as `smtpControlUrl`) lets each test
 * file make a server of its own, so files running in parallel never see each other's mail or outages:
 *
 *   POST   /servers               start a server on a free port        → {"id","port"}
 *   GET    /servers/:id/messages  what arrived, parsed here in Node    → ReceivedMail[]
 *   POST   /servers/:id/reset     forget what arrived
 *   POST   /servers/:id/down      stop accepting connections (the port is closed: "connection refused")
 *   POST   /servers/:id/up        accept again, on the same port
 *   POST   /servers/:id/reject    answer RCPT TO with ?code=550 (default) from now on; /accept undoes it
 *   DELETE /servers/:id           stop it for good
 *
 * Messages are parsed with mailparser (the MIME structure) here in Node, since it needs Node's streams;
 * the tests read the invite with Mozilla's ical.js themselves.
 */

interface Mailbox {
  port: number;
  smtp: SMTPServer | null;
  rejectCode: number | null;
  received: { envelope: { from: string; to: string[] }; raw: Buffer }[];
}

const mailboxes = new Map<string, Mailbox>();
let control: Server | undefined;
let nextId = 0;

function startSmtp(box: Mailbox): Promise<void> {
  const smtp = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    closeTimeout: 1_000,
    onRcptTo(address, _session, callback) {
      if (box.rejectCode === null) return callback();
      const error = Object.assign(new Error(`Mailbox ${address.address} unavailable (test rejection)`), {
        responseCode: box.rejectCode,
      });
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        box.received.push({
          envelope: {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
          },
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  box.smtp = smtp;
  return new Promise((resolve, reject) => {
    smtp.server.once("error", reject);
    smtp.listen(box.port, "127.0.0.1", () => {
      smtp.server.off("error", reject);
      box.port = (smtp.server.address() as AddressInfo).port;
      resolve();
    });
  });
}

function stopSmtp(box: Mailbox): void {
  // close() stops listening at once (new connections are refused) and lets open ones finish.
  box.smtp?.close();
  box.smtp = null;
}

async function parse(entry: Mailbox["received"][number]): Promise<ReceivedMail> {
  const mail = await simpleParser(entry.raw);
  const addresses = (value: typeof mail.from | typeof mail.to) =>
    (Array.isArray(value) ? value : value ? [value] : []).flatMap((a) => a.value.map((v) => ({ name: v.name, address: v.address ?? "" })));
  return {
    envelope: entry.envelope,
    raw: entry.raw.toString("utf8"),
    from: addresses(mail.from),
    to: addresses(mail.to),
    subject: mail.subject ?? "",
    messageId: mail.messageId ?? "",
    contentType: headerValue(mail.headers.get("content-type")),
    text: mail.text ?? "",
    html: typeof mail.html === "string" ? mail.html : "",
    parts: mail.attachments.map((a) => {
      const type = a.headers.get("content-type") as { value: string; params: Record<string, string> } | undefined;
      return {
        contentType: a.contentType,
        params: type?.params ?? {},
        disposition: a.contentDisposition ?? null,
        filename: a.filename ?? null,
        content: a.content.toString("utf8"),
      };
    }),
  };
}

function headerValue(header: unknown): string {
  if (typeof header === "string") return header;
  if (header && typeof header === "object" && "value" in header) return String((header as { value: unknown }).value);
  return "";
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://control");
  const json = (status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  if (req.method === "POST" && url.pathname === "/servers") {
    const id = String(++nextId);
    const box: Mailbox = { port: 0, smtp: null, rejectCode: null, received: [] };
    await startSmtp(box);
    mailboxes.set(id, box);
    return json(201, { id, port: box.port });
  }
  const match = /^\/servers\/([^/]+)(?:\/([a-z]+))?$/.exec(url.pathname);
  const box = match ? mailboxes.get(match[1]!) : undefined;
  if (!match || !box) return json(404, { error: "no such server" });
  const action = `${req.method} ${match[2] ?? ""}`;
  switch (action) {
    case "GET messages":
      return json(200, await Promise.all(box.received.map(parse)));
    case "POST reset":
      box.received = [];
      return json(200, { ok: true });
    case "POST down":
      stopSmtp(box);
      return json(200, { ok: true });
    case "POST up":
      if (!box.smtp) await startSmtp(box);
      return json(200, { ok: true, port: box.port });
    case "POST reject":
      box.rejectCode = Number(url.searchParams.get("code") ?? 550);
      return json(200, { ok: true });
    case "POST accept":
      box.rejectCode = null;
      return json(200, { ok: true });
    case "DELETE ":
      stopSmtp(box);
      mailboxes.delete(match[1]!);
      return json(200, { ok: true });
    default:
      return json(404, { error: `unknown action ${action}` });
  }
}

export async function setup(project: TestProject): Promise<void> {
  control = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: String(err) }));
    });
  });
  await new Promise<void>((resolve) => control!.listen(0, "127.0.0.1", resolve));
  project.provide("smtpControlUrl", `http://127.0.0.1:${(control.address() as AddressInfo).port}`);
}

export async function teardown(): Promise<void> {
  for (const box of mailboxes.values()) stopSmtp(box);
  mailboxes.clear();
  control?.closeAllConnections();
  await new Promise<void>((resolve) => (control ? control.close(() => resolve()) : resolve()));
}
