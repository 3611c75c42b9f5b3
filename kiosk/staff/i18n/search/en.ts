import type { CatalogMeta } from "../../../../common/i18n/check";
import type { Translation } from "../../../../common/i18n/messages";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "the project team (English, from the German)", nativeReview: null };

export default {
  resultsLabel: "Search results",
  searching: "Searching …",
  nothingFound: "Nothing found.",
  found: { one: "1 result.", other: "{count} results." },
  foundMore: { one: "1 result – there are more, please search more precisely.", other: "{count} results – there are more, please search more precisely." },
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
} satisfies Translation<typeof de>;
