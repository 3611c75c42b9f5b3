/* A day gone by: its words, German and English (the board's language). */
import { computed } from "@preact/signals";
import type { Locale } from "../../../schemas/common";
import type { BoardTicket } from "../../../schemas/staff-board";
import { locale } from "../../shared/locale";
import type { DayTally } from "../board";

const de = {
  tallyHeading: "So war der Tag",
  tally: (t: DayTally) => [
    `${t.attended} ${t.attended === 1 ? "Termin" : "Termine"} wahrgenommen`,
    `${t.noShow} nicht erschienen`,
    `${t.cancelled} abgesagt`,
    `${t.walkInsServed} ohne Termin bedient`,
  ],
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
};

const en: typeof de = {
  tallyHeading: "How the day went",
  tally: (t) => [
    `${t.attended} ${t.attended === 1 ? "appointment" : "appointments"} attended`,
    `${t.noShow} did not come`,
    `${t.cancelled} cancelled`,
    `${t.walkInsServed} served without appointment`,
  ],
  walkInsOfDayHeading: "Without appointment",
  noWalkInsOfDay: "No numbers without appointment on this day.",
  ticketStates: { waiting: "Not called", called: "Called", in_progress: "In conversation", done: "Served", no_show: "Did not come", cancelled: "No longer valid" },
};

export const PAST_STRINGS: Readonly<Record<Locale, typeof de>> = { de, en };
export const pastStrings = computed(() => PAST_STRINGS[locale.value]);
