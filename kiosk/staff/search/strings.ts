/* The search results' words, German and English (the board's language). */
import { computed } from "@preact/signals";
import type { BookingStatus } from "../../../schemas/bookings";
import type { Locale } from "../../../schemas/common";
import { locale } from "../../shared/locale";

const de = {
  resultsLabel: "Suchergebnisse",
  searching: "Suche läuft …",
  found: (n: number, more: boolean) =>
    n === 0 ? "Keine Treffer." : `${n === 1 ? "1 Treffer" : `${n} Treffer`}${more ? " – es gibt mehr, bitte genauer suchen." : "."}`,
  tooShort: "Bitte mindestens zwei Zeichen eingeben.",
  noKey: "Bitte einen Namen, eine E-Mail-Adresse, eine Telefonnummer oder einen Code eingeben.",
  request: "Anfrage ohne festen Termin",
  code: "Code",
  close: "Schließen",
  /** Why a hit has nothing to open: the request is closed. */
  closed: "nichts mehr zu tun",
  statuses: {
    requested: "Anfrage offen",
    confirmed: "Gebucht",
    checked_in: "Angemeldet",
    completed: "Wahrgenommen",
    no_show: "Nicht erschienen",
    cancelled: "Abgesagt",
    declined: "Anfrage abgelehnt",
  } satisfies Record<BookingStatus, string>,
};

const en: typeof de = {
  resultsLabel: "Search results",
  searching: "Searching …",
  found: (n, more) => (n === 0 ? "Nothing found." : `${n === 1 ? "1 result" : `${n} results`}${more ? " – there are more, please search more precisely." : "."}`),
  tooShort: "Please enter at least two characters.",
  noKey: "Please enter a name, an e-mail address, a phone number or a code.",
  request: "Request without a fixed time",
  code: "Code",
  close: "Close",
  closed: "nothing left to do",
  statuses: {
    requested: "Request open",
    confirmed: "Booked",
    checked_in: "Checked in",
    completed: "Attended",
    no_show: "Did not come",
    cancelled: "Cancelled",
    declined: "Request declined",
  },
};

export const SEARCH_STRINGS: Readonly<Record<Locale, typeof de>> = { de, en };
export const searchStrings = computed(() => SEARCH_STRINGS[locale.value]);
