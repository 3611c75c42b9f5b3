/*
 * Which language the status page speaks. The rule, simplest first: an explicit `?lang=xx` in the address
 * (the kiosk's QR code puts the ticket's language there) wins; else the device's saved choice; else the
 * ticket's own language (as the API says it); else the browser's preferred languages; else German.
 * Choosing in the language menu saves the choice on the device, as on every resident page.
 */
import { isLocale, type Locale } from "../../common/i18n/languages";
import type { TicketView } from "../../schemas/kiosk";
import { preferLocale, setLocale, startLocale } from "../shared/locale";

/** The language the address asks for (`?lang=tr`), if it is one the page speaks. */
export function langParam(search: string): Locale | null {
  const wanted = new URLSearchParams(search).get("lang");
  return isLocale(wanted) ? wanted : null;
}

let fromAddress = false;
/** The ticket whose language the page already followed: a poll's answer does not switch again. */
let followed: string | null = null;

/** Before the first render: the language of `?lang=`, else the saved choice or the browser's. */
export async function startStatusLocale(search: string): Promise<void> {
  await startLocale();
  const wanted = langParam(search);
  if (wanted) {
    fromAddress = true;
    // Not saved: it is the ticket's language, not this device's choice.
    await setLocale(wanted, { save: false }).catch(() => undefined);
  }
}

/**
 * The ticket's own language, once per ticket (unless the address or a saved choice decided), fetched
 * before the answer is shown, so the page does not show the number in German first.
 */
export async function followTicketLanguage(ticket: TicketView, token: string): Promise<TicketView> {
  if (!fromAddress && followed !== token) {
    followed = token;
    await preferLocale(ticket.locale ?? "de");
  }
  return ticket;
}
