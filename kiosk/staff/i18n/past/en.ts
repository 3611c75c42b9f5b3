import type { CatalogMeta } from "../../../../common/i18n/check";
import type { Translation } from "../../../../common/i18n/messages";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "the project team (English, from the German)", nativeReview: null };

export default {
  tallyHeading: "How the day went",
  tally: {
    attended: { one: "1 appointment attended", other: "{count} appointments attended" },
    noShow: "{count} did not come",
    cancelled: "{count} cancelled",
    walkInsServed: "{count} served without appointment",
  },
  walkInsOfDayHeading: "Without appointment",
  noWalkInsOfDay: "No numbers without appointment on this day.",
  ticketStates: { waiting: "Not called", called: "Called", in_progress: "In conversation", done: "Served", no_show: "Did not come", cancelled: "No longer valid" },
} satisfies Translation<typeof de>;
