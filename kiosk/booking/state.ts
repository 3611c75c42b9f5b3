/*
 * The booking page's store: what the page knows and the only place that fetches or decides.
 * Components read these signals and call the actions; the rules themselves are in days.ts.
 */
import { computed, effect, signal } from "@preact/signals";
import type { Locale } from "../../schemas/common";
import type { LocationResponse, Topic } from "../../schemas/location";
import type { SlotsResponse } from "../../schemas/slots";
import { getLocation, getSlots } from "../shared/api";
import { localDate } from "../../worker/domain/time";
import { strings } from "../shared/i18n";
import { slotRange, visibleDays, weeklyHours } from "./days";

const LOCALE_KEY = "sprechstunde.locale";

/**
 * The seeded office's number, shown when even `/api/location` fails: then there is nothing else to
 * offer, and calling is what the page asks people to do.
 */
const FALLBACK_PHONE = "0172 / 2315911";

export type Phase = "loading" | "ready" | "error";

export const locale = signal<Locale>(savedLocale());
/** The UI strings in the chosen language. */
export const t = computed(() => strings[locale.value]);

export const office = signal<LocationResponse | null>(null);
/** The chosen topic's key; null: not chosen yet, slots of the basic length. */
export const topicKey = signal<string | null>(null);
export const schedule = signal<SlotsResponse | null>(null);
export const phase = signal<Phase>("loading");
/** Today in the office's zone, set when the slots are asked for. */
const today = signal("");

export const phone = computed(() => office.value?.contact.phone ?? FALLBACK_PHONE);
export const bookableTopics = computed<Topic[]>(() => office.value?.topics.filter((tp) => tp.bookableOnline) ?? []);
export const chosenTopic = computed(() => bookableTopics.value.find((tp) => tp.key === topicKey.value) ?? null);
/** Length of the appointments on show, in minutes. */
export const chosenMinutes = computed(
  () => chosenTopic.value?.durationMinutes ?? office.value?.booking.slotMinutes ?? 30,
);
export const hours = computed(() => weeklyHours(office.value?.openingHours ?? [], today.value || "0000-00-00"));
export const days = computed(() =>
  schedule.value ? visibleDays(schedule.value.days, office.value?.openingHours ?? [], today.value) : [],
);

let inFlight: AbortController | null = null;

async function loadSlots(): Promise<void> {
  inFlight?.abort();
  const controller = (inFlight = new AbortController());
  phase.value = "loading";
  schedule.value = null;
  try {
    const loc = office.value ?? (office.value = await getLocation(controller.signal));
    today.value = localDate(new Date(), loc.timezone);
    const range = slotRange(today.value, loc.booking.horizonDays);
    const answer = await getSlots({ ...range, ...(topicKey.value ? { topic: topicKey.value } : {}) }, controller.signal);
    if (controller !== inFlight) return;
    schedule.value = answer;
    phase.value = "ready";
  } catch (error) {
    if (controller !== inFlight) return;
    console.error(error);
    phase.value = "error";
  }
}

/** Shows the slots for a topic (null: no topic chosen, basic length). */
export function chooseTopic(key: string | null): void {
  if (key === topicKey.value) return;
  topicKey.value = key;
  void loadSlots();
}

/** After an error: tries the failed requests again. */
export function retry(): void {
  void loadSlots();
}

/** Switches between German and English and remembers the choice on this device. */
export function toggleLocale(): void {
  locale.value = t.value.otherLocale;
  try {
    localStorage.setItem(LOCALE_KEY, locale.value);
  } catch {
    // Storage may be off (private mode, blocked): the switch still works for this visit.
  }
}

/** Loads the office and its slots, and keeps the document's language and title in step with the switch. */
export function start(): void {
  effect(() => {
    const lang = locale.value;
    document.documentElement.lang = lang;
    const name = office.value?.shortName;
    document.title = name ? `${t.value.title} – ${name}` : t.value.title;
  });
  void loadSlots();
}

function savedLocale(): Locale {
  try {
    return localStorage.getItem(LOCALE_KEY) === "en" ? "en" : "de";
  } catch {
    return "de";
  }
}
