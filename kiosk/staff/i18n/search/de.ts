/* The search results' words, German and English (the board's language). */
import type { BookingStatus } from "../../../../schemas/bookings";
import type { Locale } from "../../../../schemas/common";

export const audience = "staff";

export default {
  resultsLabel: "Suchergebnisse",
  searching: "Suche läuft …",
  /** After a search: nothing, the hits, or the hits and that there are more than shown. */
  nothingFound: "Keine Treffer.",
  found: { one: "1 Treffer.", other: "{count} Treffer." },
  foundMore: { one: "1 Treffer – es gibt mehr, bitte genauer suchen.", other: "{count} Treffer – es gibt mehr, bitte genauer suchen." },
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
} as const;
