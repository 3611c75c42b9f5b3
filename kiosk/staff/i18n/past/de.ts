/* A day gone by: its words, German and English (the board's language). */
import type { Locale } from "../../../../schemas/common";
import type { BoardTicket } from "../../../../schemas/staff-board";
import type { DayTally } from "../../board";

export const audience = "staff";

export default {
  tallyHeading: "So war der Tag",
  /** The day's tally, one line each. */
  tally: {
    attended: { one: "1 Termin wahrgenommen", other: "{count} Termine wahrgenommen" },
    noShow: "{count} nicht erschienen",
    cancelled: "{count} abgesagt",
    walkInsServed: "{count} ohne Termin bedient",
  },
  walkInsOfDayHeading: "Ohne Termin",
  noWalkInsOfDay: "An diesem Tag gab es keine Nummern ohne Termin.",
  ticketStates: {
    waiting: "Nicht aufgerufen",
    called: "Aufgerufen",
    in_progress: "Im Gespräch",
    done: "Bedient",
    no_show: "Nicht erschienen",
    cancelled: "Nicht mehr gültig",
  } satisfies Record<BoardTicket["status"], string>,
} as const;
