/*
 * The words of the manage page's part for proposed times: loaded with that part (../../Proposals.tsx, a
 * chunk of its own), not with the page. German, einfache Sprache: the source every translation is
 * typed by.
 */
export const audience = "residents";

export default {
  /** The part's heading; the count is how many times are proposed (never said as a number). */
  heading: { one: "Wir schlagen Ihnen eine Zeit vor", other: "Wir schlagen Ihnen Zeiten vor" },
  /** `when`: the deadline as a day and time ("Montag, 30. November 2026, 13:30 Uhr"). */
  deadline: "Bitte antworten Sie bis {when}. So lange halten wir die Zeiten für Sie frei.",
  legend: "Welche Zeit passt Ihnen?",
  none: "Keine Zeit passt mir",
  chooseFirst: "Bitte wählen Sie eine Zeit oder „Keine Zeit passt mir“.",
  confirm: "Termin bestätigen",
  sendNone: "Antwort senden",
  explain: "Erst wenn Sie auf „Termin bestätigen“ klicken, ist der Termin gebucht. Sie bekommen dann eine E-Mail.",
  /** The last round ended without a time chosen (or the page was opened from an older mail). */
  ended: {
    declined: "Sie haben geantwortet: Keine Zeit passt. Wir melden uns bei Ihnen mit neuen Vorschlägen.",
    expired: "Die Zeit zum Antworten ist vorbei. Wir melden uns bei Ihnen. Oder rufen Sie uns an.",
    withdrawn: "Diese Vorschläge gelten nicht mehr. Wir melden uns bei Ihnen.",
  },
} as const;
