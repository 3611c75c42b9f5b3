import ICAL from "ical.js";

/*
 * Reads an iCalendar invite with Mozilla's ical.js, an independent parser (the invite is written with
 * ical-generator), into plain values that tests compare field by field.
 */

export interface InviteTime {
  /** The instant, with any TZID resolved through the calendar's own VTIMEZONE. */
  instant: string;
  /** How the time is written: 'utc' (…Z), 'tzid' (TZID with a VTIMEZONE in the calendar) or 'floating'. */
  form: "utc" | "tzid" | "floating";
}

export interface InviteEvent {
  uid: string;
  sequence: number;
  status: string;
  stamp: string;
  start: InviteTime;
  end: InviteTime;
  summary: string;
  location: string;
  description: string;
  organizer: { address: string; cn: string } | null;
  attendees: { address: string; cn: string; rsvp: string; partstat: string }[];
}

export interface Invite {
  method: string;
  events: InviteEvent[];
}

/** `MAILTO:a@b.c` → `a@b.c` (the scheme's case varies between writers). */
function mailto(value: unknown): string {
  return String(value).replace(/^mailto:/i, "");
}

function param(prop: ICAL.Property, name: string): string {
  const value = prop.getParameter(name);
  return value === undefined || value === null ? "" : String(value);
}

function time(event: ICAL.Component, name: string, zones: Set<string>): InviteTime {
  const prop = event.getFirstProperty(name);
  if (!prop) throw new Error(`the event has no ${name.toUpperCase()}`);
  const value = prop.getFirstValue() as ICAL.Time;
  const tzid = param(prop, "tzid");
  const form = tzid ? (zones.has(tzid) ? "tzid" : "floating") : value.zone?.tzid === "UTC" ? "utc" : "floating";
  return { instant: new Date(value.toUnixTime() * 1000).toISOString(), form };
}

export function readInvite(ics: string): Invite {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  // A TZID only means something with its VTIMEZONE in the same calendar; register those it carries.
  const zones = new Set<string>();
  for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
    const zone = new ICAL.Timezone(vtimezone);
    ICAL.TimezoneService.register(zone, zone.tzid);
    zones.add(zone.tzid);
  }
  return {
    method: String(calendar.getFirstPropertyValue("method") ?? ""),
    events: calendar.getAllSubcomponents("vevent").map((event) => {
      const organizer = event.getFirstProperty("organizer");
      return {
        uid: String(event.getFirstPropertyValue("uid") ?? ""),
        sequence: Number(event.getFirstPropertyValue("sequence") ?? Number.NaN),
        status: String(event.getFirstPropertyValue("status") ?? ""),
        stamp: new Date((event.getFirstPropertyValue("dtstamp") as ICAL.Time).toUnixTime() * 1000).toISOString(),
        start: time(event, "dtstart", zones),
        end: time(event, "dtend", zones),
        summary: String(event.getFirstPropertyValue("summary") ?? ""),
        location: String(event.getFirstPropertyValue("location") ?? ""),
        description: String(event.getFirstPropertyValue("description") ?? ""),
        organizer: organizer ? { address: mailto(organizer.getFirstValue()), cn: param(organizer, "cn") } : null,
        attendees: event.getAllProperties("attendee").map((attendee) => ({
          address: mailto(attendee.getFirstValue()),
          cn: param(attendee, "cn"),
          rsvp: param(attendee, "rsvp"),
          partstat: param(attendee, "partstat"),
        })),
      };
    }),
  };
}
