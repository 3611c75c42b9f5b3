/*
 * The words of the manage page's part for proposed times, in German (einfache Sprache) and English, in
 * the shape of strings.ts: loaded with that part (Proposals.tsx, a chunk of its own), not with the page.
 */
import { computed } from "@preact/signals";
import type { Locale } from "../../schemas/common";
import { locale } from "../shared/locale";

const de = {
  heading: (n: number): string => (n === 1 ? "Wir schlagen Ihnen eine Zeit vor" : "Wir schlagen Ihnen Zeiten vor"),
  deadline: (when: string) => `Bitte antworten Sie bis ${when}. So lange halten wir die Zeiten für Sie frei.`,
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
};

const en: typeof de = {
  heading: (n) => (n === 1 ? "We suggest a time for you" : "We suggest times for you"),
  deadline: (when) => `Please answer by ${when}. We keep the times free for you until then.`,
  legend: "Which time suits you?",
  none: "No time suits me",
  chooseFirst: "Please choose a time or “No time suits me”.",
  confirm: "Confirm appointment",
  sendNone: "Send answer",
  explain: "The appointment is booked only when you click “Confirm appointment”. You then get an e-mail.",
  ended: {
    declined: "You answered: no time suits you. We will get back to you with new times.",
    expired: "The time to answer has passed. We will get back to you. Or call us.",
    withdrawn: "These times no longer apply. We will get back to you.",
  },
};

const STRINGS: Readonly<Record<Locale, typeof de>> = { de, en };

export const proposalStrings = computed(() => STRINGS[locale.value]);
