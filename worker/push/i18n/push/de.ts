/*
 * The Web Push messages of a queue number (worker/push/notify.ts): the notification's title and text on
 * the visitor's phone. German, einfache Sprache: the source every translation is typed by. `{number}`
 * is the queue number ("W 7"), `{room}` the room's name as the office wrote it.
 */
export const audience = "residents";

export default {
  soon: {
    title: "Gleich sind Sie dran",
    body: "Nummer {number}: Bitte bleiben Sie in der Nähe.",
  },
  called: {
    /** With the room the number is called to. */
    title: "Sie sind dran – {room}",
    /** When the office has not named the room. */
    titleNoRoom: "Sie sind dran",
    body: "Nummer {number}: Bitte kommen Sie jetzt.",
  },
} as const;
