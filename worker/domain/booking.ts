import type { Texts } from "../../schemas/common";
import { CHECKIN_CODE_LENGTH, CODE_ALPHABET } from "../../common/limits";
import { AppError } from "../errors";
import { scheduleDays, seatUnits, type ScheduleInput } from "./schedule";
import { addDays, localDate } from "../../common/time";

/*
 * Rules for booking a slot, moving it and what its holder may still do. Pure: `now` is an argument,
 * and whether a seat is still free is decided by the database in the same statement that takes it.
 */

export type BookableInput = Omit<ScheduleInput, "from" | "to" | "taken"> & { start: Date };

export interface BookableSlot {
  start: Date;
  end: Date;
  /** UTC ISO starts of the 5-minute units the appointment holds a seat in. */
  units: string[];
}

/**
 * Checks that `start` is a slot the schedule offers for this topic, not counting seats, and returns it
 * with the seat units it covers. Throws `too_short_notice`, `beyond_horizon` or `slot_unavailable`
 * (holiday, closure, closed, off the grid, or not ending by closing time).
 */
export function bookableSlot(input: BookableInput): BookableSlot {
  const { settings, now, start } = input;
  const zone = settings.timeZone;
  if (start.getTime() < now.getTime() + settings.minNoticeMinutes * 60_000) {
    throw new AppError("too_short_notice", "This time is too soon to book online. Please choose a later time or call us.");
  }
  const date = localDate(start, zone);
  if (date > addDays(localDate(now, zone), settings.horizonDays)) {
    throw new AppError("beyond_horizon", `Appointments can be booked up to ${settings.horizonDays} days ahead.`);
  }
  const [day] = scheduleDays({ ...input, from: date, to: date, taken: new Map() });
  const slot = day?.slots.find((s) => s.start.getTime() === start.getTime());
  if (!slot) throw new AppError("slot_unavailable", "There is no appointment at this time. Please choose another time.");
  return { start: slot.start, end: slot.end, units: seatUnits(slot.start, slot.end) };
}

export interface HolderView {
  kind: "slot" | "request";
  status: string;
  startsAt: Date | null;
}

/** A booking or request can be cancelled by its holder while it is active and (for slots) not begun. */
export function canCancel(b: HolderView, now: Date): boolean {
  if (b.kind === "request") return b.status === "requested";
  return b.status === "confirmed" && b.startsAt !== null && b.startsAt > now;
}

/** A slot booking can be moved by its holder while it is confirmed and not begun. */
export function canReschedule(b: HolderView, now: Date): boolean {
  return b.kind === "slot" && b.status === "confirmed" && b.startsAt !== null && b.startsAt > now;
}

export { CODE_ALPHABET };

/**
 * A check-in code from random bytes, or null when they do not suffice. Bytes at or above the largest
 * multiple of the alphabet's size are skipped, so every symbol is equally likely.
 */
export function codeFromBytes(bytes: Uint8Array): string | null {
  const limit = 256 - (256 % CODE_ALPHABET.length);
  let code = "";
  for (const byte of bytes) {
    if (byte >= limit) continue;
    code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    if (code.length === CHECKIN_CODE_LENGTH) return code;
  }
  return null;
}

/**
 * A topic's label as every answer and mail carries it: German and the languages the office wrote (the
 * reader fills a missing one: pages with the German marked, mails and staff views with the German).
 */
export function topicLabel(row: { topic_label: Texts }): Texts {
  return row.topic_label;
}

/**
 * Whether the booking page (`/`) books for office `slug`: it books for the deployment's default office
 * only (a paired kiosk's office aside), so pages and mails of another office offer phone and e-mail instead.
 */
export function booksOnline(slug: string, defaultOffice: string): boolean {
  return slug === defaultOffice;
}
