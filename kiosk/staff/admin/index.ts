/*
 * What the staff board renders from here: the admin sections, the mail outbox and the calendar feed.
 * The styles come along, so the board needs only these imports.
 */
import "./admin.css";

export { AdminPanel } from "./AdminPanel";
export { CalendarFeedPanel } from "./CalendarFeedPanel";
export { OutboxPanel } from "./OutboxPanel";
