/*
 * How the board hears that something changed: the shared live client (WebSocket, reconnect with
 * backoff, polling every 5 s while the socket is down). The one place to swap the transport.
 */
import { concerns, followOffice, type LiveStatus } from "../shared/live";
import type { Connection } from "./board";
import type { Follow } from "./store";

const POLL_MS = 5_000;

/** The follower's state in the board's words: while the socket is not open the board polls. */
export function connectionOf(status: LiveStatus): Connection {
  return status === "live" ? "live" : "polling";
}

export const followBoard: Follow = (office, onChange, onConnection) => {
  onConnection("polling");
  const follower = followOffice(
    office,
    "board",
    // Outbox and device changes are not on the board; everything else is.
    (changes) => {
      if (concerns(changes, "queue", "calls", "bookings", "requests", "settings")) onChange();
    },
    { pollMs: POLL_MS, onStatus: (status) => onConnection(connectionOf(status)) },
  );
  return () => follower.stop();
};
