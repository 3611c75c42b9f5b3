/*
 * Which language the status page speaks. The rule, simplest first: an explicit `?lang=xx` in the address
 * (the kiosk's QR code puts the ticket's language there) wins; else the device's saved choice; else the
 * ticket's own language (as the API says it); else the browser's preferred languages; else German.
 * Choosing in the language menu saves the choice on the device, as on every resident page.
 */
import type { TicketView } from "../../schemas/kiosk";
import { preferLocale } from "../shared/locale";

/** The ticket whose language the page already followed: a poll's answer does not switch again. */
let followed: string | null = null;

/**
 * The ticket's own language, once per ticket (unless the address or a saved choice decided:
 * shared/locale.ts `preferLocale`), fetched before the answer is shown, so the page does not show the
 * number in German first.
 */
export async function followTicketLanguage(ticket: TicketView, token: string): Promise<TicketView> {
  if (followed !== token) {
    followed = token;
    await preferLocale(ticket.locale ?? "de");
  }
  return ticket;
}
