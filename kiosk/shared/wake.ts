/*
 * Keeps the tablet's screen on (Screen Wake Lock API, where the browser has it). The browser lets go of
 * the lock whenever the page is hidden, so it is asked for again each time the page shows.
 */
export function keepAwake(): void {
  if (!("wakeLock" in navigator)) return;
  const ask = () => {
    if (document.visibilityState !== "visible") return;
    navigator.wakeLock.request("screen").catch((error: unknown) => {
      // Refused (battery saver, no permission): the tablet's own display settings decide.
      console.info("wake lock refused", error);
    });
  };
  ask();
  document.addEventListener("visibilitychange", ask);
}
