/*
 * `npm run staff -- …`: staff accounts from the command line, so the first admin needs no mail server.
 *
 *   npm run staff -- add EMAIL --name "Franziska Kull" [--admin|--staff]
 *                                              creates the account (or reuses it) and prints a one-time
 *                                              sign-in link (15 minutes); an existing account keeps its
 *                                              role unless --admin or --staff is given, and the office's
 *                                              last active admin is never demoted
 *   npm run staff -- link EMAIL                                    a fresh sign-in link for an account
 *   npm run staff -- list
 *
 * Options: --remote (the deployed database instead of the local one), --location <slug> (default
 * kempten-ost), --url <base> (where the board runs, for the printed link; default http://localhost:8787).
 */
import { canonicalEmail } from "../common/field-rules.ts";
import { SIGN_IN_LINK_MINUTES } from "../common/limits.ts";
import { d1 as runD1 } from "./d1.ts";
import { sqlText } from "./pairing.ts";
import { accountCheckSql, accountSql, newSignInToken, signInLinkSql, signInUrl } from "./sign-in-links.ts";

const args = process.argv.slice(2);
const VALUED = ["--location", "--name", "--url"];
const flag = (name: string) => args.includes(name);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const remote = flag("--remote");
const location = option("--location") ?? "kempten-ost";
const baseUrl = option("--url") ?? `http://localhost:${process.env.PORT ?? 8787}`;
const positional = args.filter((a, i) => !a.startsWith("--") && !VALUED.includes(args[i - 1] ?? ""));

const d1 = (sql: string) => runD1(sql, { remote });

function usage(message?: string): never {
  if (message) console.error(message);
  console.error('Usage: npm run staff -- add EMAIL --name "Name" [--admin|--staff] | link EMAIL | list   [--location slug] [--remote] [--url base]');
  process.exit(2);
}

/** Prints a fresh one-time link for an active account. */
function printLink(email: string, name: string): void {
  const token = newSignInToken();
  d1(signInLinkSql({ email, token, now: new Date() }));
  console.log(`Sign-in link for ${name} (valid ${SIGN_IN_LINK_MINUTES} minutes, works once):`);
  console.log(`  ${signInUrl(baseUrl, token)}`);
  console.log("Afterwards add a passkey on the board (Passkeys), so no link is needed next time.");
}

const [command, emailArg] = positional;
if (command === "add" || command === "link") {
  // The Worker's own rule and form, so `link` finds the account that the board's team panel made.
  const email = canonicalEmail(emailArg ?? "");
  if (!email) usage("Give the account's e-mail address, e.g. kull@example.org.");
  const role = flag("--admin") ? "admin" : flag("--staff") ? "staff" : null;
  if (command === "add") {
    const name = option("--name")?.trim();
    if (!name || name.length < 2) usage('Give the name, e.g. --name "Franziska Kull".');
    if (flag("--admin") && flag("--staff")) usage("Give --admin or --staff, not both.");
    d1(accountSql({ email, name, role, locationSlug: location, now: new Date() }));
  }
  const [account] = d1(accountCheckSql(email));
  if (!account) usage(command === "add" ? `There is no location '${location}'.` : `There is no account ${email}.`);
  if (command === "add" && account.slug !== location) usage(`${email} belongs to an account of the office '${String(account.slug)}'.`);
  if (command === "add" && role !== null && account.role !== role) {
    usage(`${email} is the last active administrator of '${location}' and stays one: make someone else an administrator first.`);
  }
  if (account.active !== 1) usage(`The account ${email} is deactivated; add it again to reactivate it.`);
  console.log(`${command === "add" ? "Account ready" : "Account"}: ${String(account.name)} <${email}>, ${String(account.role)}, office ${String(account.slug)}`);
  printLink(email, String(account.name));
} else if (command === "list") {
  const rows = d1(
    `SELECT s.id, s.email, s.name, s.role, s.active FROM staff AS s JOIN locations AS l ON l.id = s.location_id
     WHERE l.slug = ${sqlText(location)} ORDER BY s.active DESC, s.name`,
  );
  if (rows.length === 0) console.log("No staff accounts yet.");
  for (const r of rows) {
    console.log(`${String(r.id).padStart(4)}  ${String(r.role).padEnd(6)} ${r.active ? "active  " : "inactive"} ${String(r.name).padEnd(28)} ${String(r.email)}`);
  }
} else {
  usage();
}
