/*
 * The call, made hard to miss on a phone (issue 13): when the number on screen turns "called" a short
 * chime plays (Web Audio) and the phone vibrates where it can (the page's colour: TurnPanel.tsx). Browsers keep audio locked until the page is touched: the first tap or key unlocks it,
 * and until then `soundLocked` is true (the page says so). Nothing here changes what the page says.
 */
import { effect, signal } from "@preact/signals";
import type { Screen } from "./view";

let context: AudioContext | null = null;

/** True while the browser keeps sound off (no tap yet); false once it plays or where there is no Web Audio. */
export const soundLocked = signal(typeof AudioContext !== "undefined");

/** Creates or resumes the audio context; call from a tap or key press. */
async function unlock(): Promise<void> {
  try {
    context ??= new AudioContext();
    await context.resume();
    soundLocked.value = context.state !== "running";
  } catch {
    soundLocked.value = false; // no sound here at all: nothing to ask for
  }
}

/** E5 then C5, a second in all: the display's chime, quieter. */
function chime(): void {
  const ctx = context;
  if (!ctx || ctx.state !== "running") return;
  const start = ctx.currentTime + 0.05;
  for (const [offset, frequency] of [
    [0, 659.25],
    [0.45, 523.25],
  ] as const) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = "sine";
    osc.frequency.value = frequency;
    const t = start + offset;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.3, t + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.55);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + 0.6);
  }
}

/** Vibrates where the device allows (Android browsers; iOS has no vibrate). */
function vibrate(): void {
  try {
    navigator.vibrate?.([400, 200, 400, 200, 800]);
  } catch {
    // not allowed here: the colour and the text remain
  }
}

/**
 * Follows the screen: the chime and vibration when a number this page already showed waiting turns
 * "called". A page opened when already called does not ring: nobody is waiting to hear it.
 */
export function startTurnAlert(screen: { readonly value: Screen }): void {
  if (soundLocked.value) {
    const once = () => {
      void unlock();
      removeEventListener("pointerdown", once);
      removeEventListener("keydown", once);
    };
    addEventListener("pointerdown", once);
    addEventListener("keydown", once);
  }
  let previous: Screen["kind"] | null = null;
  effect(() => {
    const kind = screen.value.kind;
    if (kind === "called" && previous === "waiting") {
      chime();
      vibrate();
    }
    previous = kind;
  });
}
