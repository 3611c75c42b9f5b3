import type { Context } from "hono";
import type { AppEnv } from "../context";
import { createSignInLink, dropUnusedLinks } from "../db/staff";
import { insertOutbox } from "../db/outbox";
import { composeSignInMail } from "../mail/sign-in";
import { sha256Hex } from "../random";
import { signInUrl } from "./sign-in-url";

/**
 * A fresh one-time sign-in link for an account and its mail, as statements for one batch: the link is
 * stored (hash only) exactly when its mail is queued, and the account's older unused links end (only the
 * newest mail works; clicking an older one asks for a new link). Run `deliverSoon` after the batch.
 */
export async function mailSignInLink(
  c: Context<AppEnv>,
  account: { id: number; email: string; name: string; locationId: number },
  officeName: string,
): Promise<D1PreparedStatement[]> {
  const { random, now, mail } = c.var.deps;
  const token = random.token();
  const at = now();
  const mailId = random.id();
  return [
    dropUnusedLinks(c.env.DB, account.id),
    createSignInLink(c.env.DB, await sha256Hex(token), account.id, at),
    insertOutbox(c.env.DB, {
      id: mailId,
      locationId: account.locationId,
      bookingId: null,
      mail: composeSignInMail({ mailId, to: account.email, name: account.name, officeName, url: signInUrl(new URL(c.req.url).origin, token), from: mail.from }),
      status: mail.transport ? "pending" : "captured",
      sendAt: at,
      now: at,
    }),
  ];
}
