/*
 * The booking page's steps after the time is chosen (contact, review, confirmation), the request form
 * "nach Vereinbarung" and the privacy notice: one chunk, fetched when the page is idle after its first
 * paint (App.tsx), so the first three steps load alone and the later ones are there when wanted.
 */
export { DetailsStep, ReviewStep } from "./Contact";
export { DoneStep, RequestDoneStep } from "./Done";
export { Privacy } from "./Privacy";
export { RequestStep } from "./Request";
export { LostLinkForm } from "../shared/LostLinkForm";
