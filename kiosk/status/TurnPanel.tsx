/*
 * What issue 13 adds to the status page: the page's colour while called (turn.css), at once; and a chunk
 * of its own, fetched after the first paint (the first load stays in its budget), with the chime and
 * vibration on the call (turn-alert.ts) and the offers below the number (TurnOffers.tsx: notifications,
 * leaving). Until the chunk comes, the page is as before, with the colour; a fetch that failed (a phone's
 * network dropped for a moment) is tried again, less often the longer it fails: the alert is what a
 * person waiting with the phone in a pocket relies on, the next visit would come too late.
 */
import { effect, signal } from "@preact/signals";
import type { ComponentType } from "preact";
import { useEffect } from "preact/hooks";
import { once } from "../shared/load-once";
import { catalogsReady } from "../shared/locale";
import { store } from "./state";
import "./turn.css";

const Offers = signal<ComponentType | null>(null);
let started = false;
const loadOffers = once(() => import("./TurnOffers"));
/** The first wait before fetching the chunk again, and the longest. */
const OFFERS_RETRY_MS = { first: 2_000, most: 60_000 };

/** Fetches the chunk (and its catalog) and shows the offers; after a failure, again in `wait` ms. */
function fetchOffers(wait: number): void {
  loadOffers()
    .then(
      async (m) => {
        m.startTurnAlert(store.screen);
        // Its catalog is defined in the chunk: the current language is fetched before it shows.
        await catalogsReady();
        Offers.value = m.TurnOffers;
      },
      (error: unknown) => {
        console.warn(error);
        setTimeout(() => fetchOffers(Math.min(wait * 2, OFFERS_RETRY_MS.most)), wait);
      },
    )
    .catch((error: unknown) => console.warn(error));
}

/** Once per page: the colour follows the store; the chunk (and its catalog) is fetched. */
function start(): void {
  if (started) return;
  started = true;
  effect(() => void document.documentElement.classList.toggle("turn-called", store.screen.value.kind === "called"));
  fetchOffers(OFFERS_RETRY_MS.first);
}

export function TurnPanel() {
  useEffect(start, []);
  const Component = Offers.value;
  if (Component) return <Component />;
  // Until the chunk comes, the place of "Ich warte nicht mehr" is kept, so nothing below it moves.
  return store.screen.value.kind === "waiting" ? <div class="turn-box turn-box--leave" aria-hidden="true" /> : null;
}
