/*
 * `npm run outbox`: the newest mails in the local outbox (until the staff board shows them).
 *
 *   npm run outbox                 a table of the newest 20 messages
 *   npm run outbox -- --save DIR   also writes each as DIR/<time>-<kind>.eml, which a mail program
 *                                  (Thunderbird, Outlook, Apple Mail) opens with its calendar invite
 *
 * Reads the database `npm start` uses (SPRECHSTUNDE_STATE moves it), through wrangler.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const state = process.env.SPRECHSTUNDE_STATE ?? `${root}.wrangler/state`;
const saveAt = process.argv.indexOf("--save");
const saveDir = saveAt > 0 ? process.argv[saveAt + 1] : undefined;

interface Row {
  created_at: string;
  kind: string;
  status: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  ics: string | null;
  ics_method: string | null;
  message_id: string;
}

const sql = `SELECT created_at, kind, status, to_address, subject, text_body, html_body, ics, ics_method, message_id
             FROM mail_outbox ORDER BY created_at DESC LIMIT 20`;
const output = execFileSync(
  `${root}node_modules/.bin/wrangler`,
  ["d1", "execute", "DB", "--local", "--persist-to", state, "--json", "--command", sql],
  {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, PATH: `${root}node_modules/.bin${path.delimiter}${process.env.PATH ?? ""}`, WRANGLER_SEND_METRICS: "false" },
  },
);
const rows = (JSON.parse(output) as { results: Row[] }[])[0]?.results ?? [];

if (rows.length === 0) console.log("The outbox is empty. Book an appointment on the booking page first.");
for (const r of rows) {
  console.log(`${r.created_at}  ${r.status.padEnd(9)} ${r.kind.padEnd(20)} ${r.to_address}\n    ${r.subject}`);
}

if (saveDir && rows.length > 0) {
  mkdirSync(saveDir, { recursive: true });
  for (const r of rows) {
    const file = path.join(saveDir, `${r.created_at.replace(/[:.]/g, "-")}-${r.kind}.eml`);
    writeFileSync(file, toEml(r));
  }
  console.log(`\n${rows.length} messages written to ${saveDir} (open them with a mail program).`);
}

/** A MIME message like the one the SMTP transport sends: text, HTML and the invite as alternatives. */
function toEml(r: Row): string {
  const boundary = `sprechstunde-${r.message_id.replace(/[^A-Za-z0-9]/g, "")}`;
  const part = (type: string, body: string) =>
    `--${boundary}\r\nContent-Type: ${type}\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(body).toString("base64").replace(/.{76}/g, "$&\r\n")}\r\n`;
  return [
    `Message-ID: ${r.message_id}`,
    `To: ${r.to_address}`,
    `Subject: =?UTF-8?B?${Buffer.from(r.subject).toString("base64")}?=`,
    `Date: ${new Date(r.created_at).toUTCString()}`,
    "MIME-Version: 1.0",
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    "",
    part("text/plain; charset=utf-8", r.text_body) +
      (r.html_body ? part("text/html; charset=utf-8", r.html_body) : "") +
      (r.ics ? part(`text/calendar; method=${r.ics_method}; charset=utf-8`, r.ics) : "") +
      `--${boundary}--\r\n`,
  ].join("\r\n");
}
