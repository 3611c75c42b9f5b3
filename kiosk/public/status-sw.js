/*
 * The status page's service worker (issue 13), registered with scope /status only after the visitor
 * agreed to notifications. It does two things and nothing else: shows the Web Push message the Worker
 * sends ("Gleich sind Sie dran", "Sie sind dran – Raum 2"), and on a tap focuses the open status page or
 * opens the number's page. No fetch handler, no cache, no storage: the page loads from the network as
 * without it.
 */

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("push", (event) => {
  let message = null;
  try {
    message = event.data ? event.data.json() : null;
  } catch {
    message = null;
  }
  if (!message || typeof message.title !== "string") return;
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: typeof message.body === "string" ? message.body : "",
      lang: message.lang,
      dir: message.dir === "rtl" ? "rtl" : "ltr",
      // One notification per number: "called" replaces "soon".
      tag: "sprechstunde-turn",
      renotify: true,
      requireInteraction: message.kind === "called",
      vibrate: [400, 200, 400, 200, 800],
      icon: "/favicon.svg",
      data: { url: typeof message.url === "string" ? message.url : "/status" },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = new URL(event.notification.data?.url ?? "/status", self.location.origin);
  // Only our own pages are opened.
  if (target.origin !== self.location.origin) return;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const open = windows.find((w) => new URL(w.url).pathname === "/status");
      if (open) {
        await open.focus();
        return;
      }
      await self.clients.openWindow(target.href);
    })(),
  );
});
