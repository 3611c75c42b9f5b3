/*
 * What issue 13 adds to the status page: the page's colour while called (turn.css), at once; and a chunk
 * of its own, fetched after the first paint (the first load stays in its budget), with the chime and
 * vibration on the call (turn-alert.ts) and the offers below the number (TurnOffers.tsx: notifications,
 * leaving). If the chunk cannot come, the page is as before, with the colour.
 */
import { effect, signal } from "@preact/signals";
import type { ComponentType } from "preact";
import { useEffect } from "preact/hooks";
import { catalogsReady } from "../shared/locale";
import { store } from "./state";
import "./turn.css";

const Offers = signal<ComponentType | null>(null);
let started = false;

/** Once per page: the colour follows the store; the chunk (and its catalog) is fetched. */
function start(): void {
  if (started) return;
  started = true;
  effect(() => void document.documentElement.classList.toggle("turn-called", store.screen.value.kind === "called"));
  import("./TurnOffers")
    .then(async (m) => {
      m.startTurnAlert(store.screen);
      // Its catalog is defined in the chunk: the current language is fetched before it shows.
      await catalogsReady();
      Offers.value = m.TurnOffers;
    })
    // Without it the page stays as before; the next visit tries again.
    .catch((error: unknown) => console.warn(error));
}

export function TurnPanel() {
  useEffect(start, []);
  const Component = Offers.value;
  if (Component) return <Component />;
  // Until the chunk comes, the place of "Ich warte nicht mehr" is kept, so nothing below it moves.
  return store.screen.value.kind === "waiting" ? <div class="turn-box turn-box--leave" aria-hidden="true" /> : null;
}
