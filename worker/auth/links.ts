import type { Scope } from "../context";
import { createSignInLink, dropUnusedLinks } from "../db/staff";
import { insertOutbox } from "../db/outbox";
import { composeSignInMail } from "../mail/sign-in";
import { sha256Hex } from "../random";
import { signInUrl } from "./sign-in-url";

/**
 * A fresh one-time sign-in link for an account and its mail, as statements for one batch: the link is
 * stored (hash only) exactly when its mail is queued, and the account's older unused links end (only the
 * newest mail works; clicking an older one asks for a new link). Commit it with `mail: true`.
 */
export async function mailSignInLink(
  s: Scope,
  account: { id: number; email: string; name: string; locationId: number },
  officeName: string,
): Promise<D1PreparedStatement[]> {
  const { random, now, mail } = s.deps;
  const token = random.token();
  const at = now();
  const mailId = random.id();
  return [
    dropUnusedLinks(s.db, account.id),
    createSignInLink(s.db, await sha256Hex(token), account.id, at),
    insertOutbox(s.db, {
      id: mailId,
      locationId: account.locationId,
      bookingId: null,
      mail: composeSignInMail({ mailId, to: account.email, name: account.name, officeName, url: signInUrl(s.origin, token), from: mail.from }),
      status: mail.transport ? "pending" : "captured",
      sendAt: at,
      now: at,
    }),
  ];
}
