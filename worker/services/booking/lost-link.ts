import type { LostLinkRequest } from "../../../schemas/bookings";
import type { Scope } from "../../context";
import { activeBookingsOf, addToken } from "../../db/bookings";
import { loadLocation } from "../../db/locations";
import { countRequest } from "../../db/rate-limits";
import { queueMail } from "../../mail/sender";
import { sha256Hex } from "../../random";
import { commit } from "../commit";
import { mailContext } from "./mail";
import { manageUrl } from "./manage-link";

/*
 * "Link verloren?": the manage links of an address's active bookings at an office go to that address
 * again, in one mail. The caller always answers the same (202), whether or not the address has bookings,
 * so nobody can test addresses with it; the mail is queued in the outbox (delivered after the answer),
 * never sent while the request waits.
 *
 * Manage tokens are stored hashed (booking_tokens), so the old link cannot be sent again: every booking
 * gets a NEW token, and the links it had keep working.
 */

/** Mails one address may be sent per window, whoever asks: a stranger cannot fill someone's inbox. */
export const LOST_LINK_MAILS_PER_ADDRESS = 3;
/** The window of that count, in seconds (an hour). */
export const LOST_LINK_WINDOW_SECONDS = 3600;
/** Bookings one mail lists at most (an address has at most a few active ones; the cap bounds the work). */
const MAX_LINKS = 10;

/**
 * Queues the "manage_links" mail for `body.email` at office `slug` when the address has active bookings
 * there and has not had LOST_LINK_MAILS_PER_ADDRESS such mails this hour; otherwise does nothing. Returns
 * nothing either way: the answer must not depend on it.
 */
export async function sendLostLinks(s: Scope, slug: string, body: LostLinkRequest): Promise<void> {
  const { now, random, mail } = s.deps;
  const data = await loadLocation(s.db, slug);
  if (!data) return;
  const at = now();
  const bookings = await activeBookingsOf(s.db, data.location.id, body.email, at, MAX_LINKS);
  if (bookings.length === 0) return;
  // Counted per address only when there is something to send, so the count says nothing either.
  const windowMs = LOST_LINK_WINDOW_SECONDS * 1000;
  const windowStart = new Date(Math.floor(at.getTime() / windowMs) * windowMs).toISOString();
  const key = await sha256Hex(`lost-link-address:${data.location.id}:${body.email}`);
  if ((await countRequest(s.db, key, windowStart)) > LOST_LINK_MAILS_PER_ADDRESS) return;

  const links = await Promise.all(
    bookings.map(async (booking) => {
      const token = random.token();
      return { booking, token, hash: await sha256Hex(token) };
    }),
  );
  const newest = links[0]!;
  const ctx = mailContext(s, data, newest.booking, newest.token, random.id());
  const batch = [
    ...links.map((l) => addToken(s.db, l.booking.id, l.hash, at)),
    queueMail(s.db, {
      kind: "manage_links",
      ctx: {
        ...ctx,
        manageLinks: links.map((l) => ({ booking: mailContext(s, data, l.booking, l.token, ctx.mailId).booking, url: manageUrl(s.origin, l.token) })),
      },
      locationId: data.location.id,
      // About several bookings: tied to none (retention and the data-subject search find it by address).
      bookingId: null,
      status: mail.transport ? "pending" : "captured",
      sendAt: at,
    }),
  ];
  await commit(s, { batch, mail: true, live: { office: data.location.slug, changes: ["outbox"] } });
}
