import type { Slot } from "../../schemas/slots";
import { formatTime } from "../shared/format";

interface SlotListProps {
  slots: readonly Slot[];
  /** The day in words; read out with each time, so a slot makes sense on its own. */
  dateLabel: string;
  timeZone: string;
  /** Follows the time for screen readers (" Uhr"). */
  timeSuffix: string;
  /** The id of the day's heading, which names the list. */
  labelledBy: string;
}

/**
 * The free times of one day. Each entry shows "13:00" and reads "Montag, 30. November 2026, 13:00 Uhr";
 * when booking arrives, the `<time>` moves into a button and that text becomes the button's name.
 */
export function SlotList({ slots, dateLabel, timeZone, timeSuffix, labelledBy }: SlotListProps) {
  return (
    <ul class="slots" role="list" aria-labelledby={labelledBy}>
      {slots.map((slot) => (
        <li key={slot.start} class="slot">
          <time dateTime={slot.start}>
            <span class="visually-hidden">{dateLabel}, </span>
            {formatTime(slot.start, timeZone)}
            {timeSuffix && <span class="visually-hidden">{timeSuffix}</span>}
          </time>
        </li>
      ))}
    </ul>
  );
}
