/*
 * The status page's words. German, einfache Sprache (short sentences, common words): the source every
 * translation is typed by. Masthead, footer and the language menu use the frame's words
 * (../../../shared/i18n/frame). Which message applies (a room or none, nobody ahead or some) is decided
 * in code (../../view.ts, ../../App.tsx), never here.
 */
export const audience = "residents";

export default {
  title: "Ihre Nummer",
  loading: "Ihre Nummer wird geladen …",
  /** Followed by the office's phone number. */
  unknown:
    "Diese Nummer finden wir nicht. Vielleicht fehlt ein Teil vom Link. Bitte scannen Sie den QR-Code noch einmal oder fragen Sie im Büro. Oder rufen Sie uns an:",
  numberLabel: "Ihre Nummer:",
  /** Nobody waiting before this number any more. */
  next: "Sie sind als Nächstes dran.",
  /** People still waiting before this number (one or more). */
  ahead: { one: "Vor Ihnen ist noch {count} Person.", other: "Vor Ihnen sind noch {count} Personen." },
  waitLabel: "Wartezeit",
  /** The wait estimate in words (../../view.ts `waitInWords`): "etwa 15 bis 30 Minuten". */
  wait: {
    /** Nothing to wait for any more. */
    shortly: "nur noch kurz",
    /** Nobody ahead, but a conversation may still run: "bis zu 30 Minuten". */
    upTo: "bis zu {duration}",
    /** "etwa 30 Minuten" */
    about: "etwa {duration}",
    /** "etwa 15 bis 30 Minuten" (`low` a bare number in the unit of `high`), "etwa 45 Minuten bis 2 Stunden". */
    range: "etwa {low} bis {high}",
    /** As said after "etwa", "bis zu" and "bis" (Russian and Ukrainian: genitive; Arabic: the dual in the genitive). */
    minutes: { one: "{count} Minute", other: "{count} Minuten" },
    /** In half hours: "1,5 Stunden". */
    hours: { one: "{count} Stunde", other: "{count} Stunden" },
  },
  waitHint: "Das ist eine Schätzung. Es kann schneller gehen oder länger dauern.",
  keepOpen:
    "Lassen Sie diese Seite offen. Sie zeigt neue Angaben von selbst. Sie können auch draußen warten: Wenn Sie dran sind, steht es hier.",
  calledTitle: "Sie sind dran",
  /** `room`: the room's name as the office wrote it ("Raum 2"). */
  calledInRoom: "Sie sind dran – {room}",
  calledHint: "Bitte kommen Sie jetzt zu uns.",
  inProgress: "Ihr Gespräch läuft.",
  inProgressInRoom: "Ihr Gespräch läuft – {room}.",
  done: "Ihr Gespräch ist vorbei. Danke für Ihren Besuch!",
  noShow: "Ihre Nummer wurde aufgerufen. Aber Sie waren nicht da. Bitte melden Sie sich im Büro.",
  cancelled: "Diese Nummer gilt nicht mehr. Bitte holen Sie am Tablet im Eingang eine neue Nummer. Oder fragen Sie im Büro.",
  offline: "Keine Verbindung – wir versuchen es weiter.",
  /** `time`: "13:05", when the page last heard from the office. */
  lastUpdate: "Stand: {time} Uhr.",
  bookLink: "Einen Termin buchen",
  /** The tab's title: with the number ("W 7 – Ihre Nummer"); when called, the call first, so a glance at the tab list is enough. */
  documentTitle: "{label} – Ihre Nummer",
  documentTitleCalled: "{called}: {label}",
  /** The wait range reaches past today's closing (estimate.pastClosing). */
  pastClosing: "Vielleicht kommen Sie heute nicht mehr dran. Bitte fragen Sie am Empfang.",
} as const;
