import type { LocationResponse, Topic } from "../../schemas/location";

/* The office as GET /api/location describes it, for the front-end stores' tests. */

export const topic = (key: string, over: Partial<Topic> = {}): Topic => ({
  key,
  label: { de: key, en: key },
  description: { de: "", en: "" },
  audience: "everyone",
  durationMinutes: 30,
  bookableOnline: true,
  walkIn: true,
  icon: "chat",
  ...over,
});

/** Kempten-Ost with a 60-minute topic, the general one and one not bookable online, unless `over` says otherwise. */
export const office = (over: Partial<LocationResponse> = {}): LocationResponse => ({
  slug: "kempten-ost",
  name: "Zukunft Kempten-Ost",
  shortName: "Kempten-Ost",
  address: { street: "Anton-Fehr-Str. 6", postalCode: "87437", city: "Kempten (Allgäu)" },
  contact: { phone: "0172 / 2315911", email: null },
  timezone: "Europe/Berlin",
  openingHours: [],
  extraHours: [],
  byArrangement: true,
  booking: { slotMinutes: 30, minNoticeMinutes: 120, horizonDays: 56 },
  retentionDays: 30,
  topics: [topic("bewerbung", { durationMinutes: 60 }), topic("fragen"), topic("intern", { bookableOnline: false })],
  bookableOnline: true,
  turnstileSiteKey: null,
  ...over,
});
