/*
 * The status page's alert and its two offers (issue 13): notifications when it is one's turn, and
 * leaving the queue. German, einfache Sprache: the source every translation is typed by.
 */
export const audience = "residents";

export default {
  notify: {
    heading: "Benachrichtigung",
    offer: "Benachrichtigen, wenn ich dran bin",
    /** The one sentence of consent, next to the button. */
    explain: "Ihr Handy zeigt eine Nachricht, wenn Sie gleich dran sind und wenn Sie aufgerufen werden – auch wenn diese Seite zu ist. Wir speichern dafür nur die Adresse für die Nachricht, bis Ihre Nummer vorbei ist.",
    working: "Einen Moment …",
    on: "Die Benachrichtigung ist an.",
    off: "Ausschalten",
    denied: "Ihr Browser erlaubt keine Benachrichtigungen. Lassen Sie diese Seite offen: Sie zeigt es auch hier.",
    failed: "Das hat leider nicht geklappt. Lassen Sie diese Seite offen: Sie zeigt es auch hier.",
  },
  leave: {
    heading: "Nicht mehr warten?",
    button: "Ich warte nicht mehr",
    confirmQuestion: "Möchten Sie wirklich gehen? Dann ist Ihre Nummer nicht mehr gültig.",
    confirm: "Ja, ich gehe",
    cancel: "Nein, ich warte weiter",
    working: "Einen Moment …",
    done: "Sie warten nicht mehr. Ihr Platz ist jetzt frei. Danke, dass Sie Bescheid gesagt haben!",
    tooLate: "Sie wurden gerade aufgerufen. Bitte kommen Sie zu uns oder sagen Sie im Büro Bescheid.",
    failed: "Das hat leider nicht geklappt. Bitte versuchen Sie es noch einmal.",
  },
  /** Above the page when the browser keeps sound off until a tap. */
  soundHint: "Tippen Sie einmal auf die Seite, dann hören Sie einen Ton, wenn Sie dran sind.",
} as const;
