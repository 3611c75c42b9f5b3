/*
 * `npm run device -- …`: pair, list and revoke the office's kiosks and call displays.
 *
 *   npm run device -- add kiosk "Tablet Eingang"     prints a one-time pairing code, valid 15 minutes
 *   npm run device -- add display "Anzeige Wartebereich"
 *   npm run device -- list
 *   npm run device -- revoke <id>                     its token stops working at once
 *
 * Options: --remote (the deployed database instead of the local one), --location <slug> (default
 * kempten-ost). Local: the database `npm start` uses (SPRECHSTUNDE_STATE moves it).
 */
import { randomUUID } from "node:crypto";
import { PAIRING_CODE_MINUTES } from "../common/limits.ts";
import { d1 as runD1 } from "./d1.ts";
import { newPairingCode, pairingSql, sqlText } from "./pairing.ts";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const remote = flag("--remote");
const location = option("--location") ?? "kempten-ost";
const positional = args.filter((a, i) => !a.startsWith("--") && !["--location"].includes(args[i - 1] ?? ""));

const d1 = (sql: string) => runD1(sql, { remote });

function usage(message?: string): never {
  if (message) console.error(message);
  console.error('Usage: npm run device -- add kiosk|display "Label" | list | revoke <id>   [--remote] [--location slug]');
  process.exit(2);
}

const [command, ...rest] = positional;
if (command === "add") {
  const [kind, label] = rest;
  if (kind !== "kiosk" && kind !== "display") usage("The kind is kiosk or display.");
  if (!label?.trim()) usage("Give the device a label, e.g. \"Tablet Eingang\".");
  const now = new Date();
  const code = newPairingCode();
  const id = randomUUID();
  d1(pairingSql({ id, locationSlug: location, kind, label: label.trim(), code, expiresAt: new Date(now.getTime() + PAIRING_CODE_MINUTES * 60_000), now }));
  if (d1(`SELECT id FROM devices WHERE id = ${sqlText(id)}`).length === 0) usage(`There is no location '${location}'.`);
  console.log(`Pairing code for ${kind} "${label.trim()}": ${code}`);
  console.log(`Valid for ${PAIRING_CODE_MINUTES} minutes. Open /${kind} on the device and type it in.`);
} else if (command === "list") {
  const rows = d1(
    `SELECT d.id, d.kind, d.label, d.paired_at, d.revoked_at, d.pairing_expires_at FROM devices AS d
     JOIN locations AS l ON l.id = d.location_id WHERE l.slug = ${sqlText(location)} ORDER BY d.created_at`,
  );
  if (rows.length === 0) console.log("No devices yet.");
  for (const r of rows) {
    const state = r.revoked_at ? "revoked" : r.paired_at ? `paired ${r.paired_at}` : `waiting for its code until ${r.pairing_expires_at}`;
    console.log(`${r.id}  ${String(r.kind).padEnd(7)} ${String(r.label).padEnd(28)} ${state}`);
  }
} else if (command === "revoke") {
  const [id] = rest;
  if (!id) usage("Which device? See npm run device -- list.");
  const revoked = d1(`UPDATE devices SET revoked_at = ${sqlText(new Date().toISOString())}, pairing_code_hash = NULL WHERE id = ${sqlText(id)} AND revoked_at IS NULL RETURNING id`);
  console.log(revoked.length ? `Revoked ${id}: it can no longer call the API.` : `No active device ${id}.`);
} else {
  usage();
}
