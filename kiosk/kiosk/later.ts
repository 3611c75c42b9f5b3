/*
 * The kiosk's screens that the start screen leads to but does not need to show itself: booking a time
 * and the request "nach Vereinbarung" (with the booking flow's words, forms and pickers) and the legal
 * texts. One chunk, fetched when the tablet is idle after its first paint (App.tsx), so it is there long
 * before anyone taps.
 */
export { BookDayScreen, BookDetailsScreen, BookDoneScreen, BookReviewScreen, BookTimeScreen, BookTopicScreen } from "./Book";
export { LegalScreen } from "./Legal";
export { RequestDoneScreen, RequestScreen } from "./Request";
