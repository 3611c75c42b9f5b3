import type { CatalogMeta } from "../../../../common/i18n/check";
import type { Translation } from "../../../../common/i18n/messages";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "the project team (English, from the German)", nativeReview: null };

export default {
  title: "Calls",
  nowCalling: "Now please",
  room: "please go to",
  noCallYet: "Nobody has been called yet.",
  closed: "The office is closed now.",
  earlier: "Called before",
  waiting: { one: "1 person waiting", other: "{count} people waiting" },
  clock: "Time",
  offline: "Connection lost – reconnecting",
  loading: "Loading …",
  opensToday: "Open from {time}",
  opensTomorrow: "Open from tomorrow, {time}",
  opensOn: "Open from {day}, {time}",
  soundBlocked: "Sound blocked – tap the screen once",
  announce: "Number {label}, please go to {room}.",
  pairHeading: "Set up the waiting-room display",
  pairIntro:
    "Please enter the pairing code (8 characters). The office's administrator creates it on the staff board under “Verwaltung → Geräte” (Administration → Devices). Please ask them.",
  pairForgotten: "This display is no longer paired. Please pair it again.",
  pairLabel: "Pairing code",
  pairSubmit: "Pair",
  pairing: "Pairing …",
  pairUnknown: "This code is unknown, used or expired. Please ask for a new one.",
  pairWrongKind: "This code is for an entrance tablet, not a display.",
  pairFailed: "That did not work. Please try again.",
} satisfies Translation<typeof de>;
