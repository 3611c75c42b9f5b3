/*
 * The chime (Web Audio) and the spoken announcement (speechSynthesis). Browsers keep audio locked until
 * someone touches the page (the autoplay policy; Chromium started with
 * --autoplay-policy=no-user-gesture-required allows it at once, README): the display prepares audio on
 * start, says so while the browser holds it back ("Ton blockiert", store.ts), and one tap or key anywhere
 * unlocks it (`unlockSound`). The same lock stops speech, so audio's state stands for both.
 */

let context: AudioContext | null = null;
/** When the last chime ends (AudioContext time), so chimes for calls in the same second do not overlap. */
let busyUntil = 0;

/**
 * Prepares audio without a click: creates the AudioContext (the browser starts it "suspended" when its
 * policy wants a gesture first) and tells `onState` whether it plays, now and whenever that changes.
 */
export function watchSound(onState: (running: boolean) => void): void {
  try {
    context ??= new AudioContext();
  } catch (error) {
    console.warn("audio unavailable", error);
    onState(false);
    return;
  }
  const ctx = context;
  ctx.addEventListener("statechange", () => onState(ctx.state === "running"));
  onState(ctx.state === "running");
  // Allowed without a gesture where the policy permits; otherwise the promise waits for one, unawaited.
  if (ctx.state === "suspended") void ctx.resume().catch(() => undefined);
}

/** Unlocks audio; call from a tap or key press. Resolves to whether sound plays now. */
export async function unlockSound(): Promise<boolean> {
  try {
    context ??= new AudioContext();
    await context.resume();
    return context.state === "running";
  } catch (error) {
    console.warn("audio unavailable", error);
    return false;
  }
}

/** A short, friendly two-tone chime (E5 then C5, 1 s in all), after any chime still playing. */
export function chime(): void {
  const ctx = context;
  if (!ctx || ctx.state !== "running") return;
  const start = Math.max(ctx.currentTime + 0.05, busyUntil);
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
    gain.gain.exponentialRampToValueAtTime(0.35, t + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.55);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + 0.6);
  }
  busyUntil = start + 1.1;
}

/** Whether this browser can speak at all. */
export function canSpeak(): boolean {
  return typeof speechSynthesis !== "undefined" && typeof SpeechSynthesisUtterance !== "undefined";
}

/** Speaks `text` in German after the chime; utterances queue up in order. */
export function speak(text: string): void {
  if (!canSpeak()) return;
  const delay = context ? Math.max(0, busyUntil - context.currentTime) * 1000 : 0;
  setTimeout(() => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = "de-DE";
    utterance.rate = 0.9;
    const voice = speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith("de"));
    if (voice) utterance.voice = voice;
    speechSynthesis.speak(utterance);
  }, delay);
}
