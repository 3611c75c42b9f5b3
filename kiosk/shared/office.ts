/*
 * The office as `GET /api/location` describes it, loaded once per page and shared by every component
 * that shows its name, address, hours or phone number.
 */
import { computed, signal } from "@preact/signals";
import type { LocationResponse } from "../../schemas/location";
import { localDate } from "../../common/time";
import { getLocation } from "./api";
import { extraDays, weeklyHours } from "./days";

/**
 * The seeded office's number, shown when even `/api/location` fails: then there is nothing else to
 * offer, and calling is what the page asks people to do.
 */
const FALLBACK_PHONE = "0172 / 2315911";

export const office = signal<LocationResponse | null>(null);
/** Today in the office's zone, `YYYY-MM-DD`; set when the office has loaded. */
export const today = signal("");

export const phone = computed(() => office.value?.contact.phone ?? FALLBACK_PHONE);
export const hours = computed(() => weeklyHours(office.value?.openingHours ?? [], today.value || "0000-00-00"));
/** The extra opening days ("Sondertermine") from today on. */
export const extraHours = computed(() => extraDays(office.value?.extraHours ?? [], today.value || "0000-00-00"));
export const timeZone = computed(() => office.value?.timezone ?? "Europe/Berlin");
/** Days after the appointment until personal data is erased, as the privacy notice says. */
export const retentionDays = computed(() => office.value?.retentionDays ?? 30);

let loading: Promise<LocationResponse> | null = null;
let loadingSlug: string | undefined;

/**
 * Loads the office once; a failed load is tried again on the next call. `slug` names the office when
 * the page knows it (a status page shows its number's office); asking for another one loads that.
 */
export function loadOffice(slug?: string): Promise<LocationResponse> {
  if (slug !== undefined && slug !== loadingSlug) loading = null;
  if (!loading) loadingSlug = slug;
  loading ??= getLocation(undefined, slug).then(
    (loc) => {
      today.value = localDate(new Date(), loc.timezone);
      office.value = loc;
      return loc;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/**
 * Loads the office afresh (a kiosk runs for days: "today" and the hours must follow the calendar). The
 * office on show stays until the new answer is there.
 */
export function reloadOffice(): Promise<LocationResponse> {
  loading = null;
  return loadOffice();
}
