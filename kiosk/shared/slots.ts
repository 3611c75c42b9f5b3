/*
 * A store of the free slots of one topic for the coming weeks, as the day and time pickers show them.
 * The booking page and the manage page (moving a booking) each make one.
 */
import { computed, signal } from "@preact/signals";
import type { SlotsResponse } from "../../schemas/slots";
import { getSlots } from "./api";
import { slotRange, visibleDays } from "./days";
import { loadOffice, office, today } from "./office";

export type Phase = "idle" | "loading" | "ready" | "error";

export type SlotsStore = ReturnType<typeof createSlotsStore>;

/** `officeSlug`: the office whose slots to show (the manage page: its booking's); none: the page's office. */
export function createSlotsStore(officeSlug: () => string | undefined = () => undefined) {
  const schedule = signal<SlotsResponse | null>(null);
  const phase = signal<Phase>("idle");
  /** The topic whose slots are loaded or loading. */
  const topic = signal<string | null>(null);
  const days = computed(() =>
    schedule.value ? visibleDays(schedule.value.days, office.value?.openingHours ?? [], today.value) : [],
  );
  let inFlight: AbortController | null = null;

  /** Loads the slots of `key` (again, when `force`: after a booking or a "slot gone" answer). */
  async function load(key: string, force = false): Promise<void> {
    if (!force && key === topic.value && phase.value !== "error") return;
    inFlight?.abort();
    const controller = (inFlight = new AbortController());
    topic.value = key;
    phase.value = "loading";
    schedule.value = null;
    try {
      const slug = officeSlug();
      const loc = await loadOffice(slug);
      const answer = await getSlots({ ...slotRange(today.value, loc.booking.horizonDays), topic: key, office: slug }, controller.signal);
      if (controller !== inFlight) return;
      schedule.value = answer;
      phase.value = "ready";
    } catch (error) {
      if (controller !== inFlight) return;
      console.warn(error);
      phase.value = "error";
    }
  }

  return { schedule, phase, topic, days, load };
}
