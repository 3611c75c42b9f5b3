/*
 * Reading the QR code from the confirmation mail with the tablet's camera, where the browser can
 * (BarcodeDetector with QR codes, and a camera). Feature-detected: where it cannot, the option does not
 * show and typing the code is the way. The camera starts only after the visitor asks for it and stops
 * when the screen goes.
 */

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

function detectorClass(): BarcodeDetectorClass | null {
  return (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector ?? null;
}

/**
 * Whether this tablet can read QR codes: BarcodeDetector with QR codes AND a camera. Many tablets' browsers
 * have the one without the other; then only the keypad shows and no text promises "QR-Code zeigen".
 * `enumerateDevices` lists a camera (kind "videoinput") before any permission is asked.
 */
export async function scannerAvailable(): Promise<boolean> {
  const Detector = detectorClass();
  if (!Detector || !navigator.mediaDevices?.getUserMedia || !navigator.mediaDevices.enumerateDevices) return false;
  try {
    if (!(await Detector.getSupportedFormats()).includes("qr_code")) return false;
    return (await navigator.mediaDevices.enumerateDevices()).some((d) => d.kind === "videoinput");
  } catch {
    return false;
  }
}

/** How often a camera picture is looked at for a code. */
const SCAN_EVERY_MS = 250;

/**
 * Starts the camera (the one facing away from the screen where there are two) into `video` and looks
 * for QR codes. Each code read goes to `onValue`; when it answers true (a code of ours), scanning
 * stops. `onError` hears when the camera cannot start. Returns the function that stops everything.
 */
export function startScanner(video: HTMLVideoElement, onValue: (raw: string) => boolean, onError: (error: unknown) => void): () => void {
  const Detector = detectorClass();
  let stream: MediaStream | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const stop = () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = null;
    video.srcObject = null;
  };

  if (!Detector) {
    onError(new Error("BarcodeDetector is not available"));
    return stop;
  }
  const detector = new Detector({ formats: ["qr_code"] });

  const look = async () => {
    timer = null;
    if (stopped) return;
    try {
      if (video.readyState >= 2) {
        for (const code of await detector.detect(video)) {
          if (stopped) return;
          if (onValue(code.rawValue)) return stop();
        }
      }
    } catch (error) {
      console.warn(error);
    }
    if (!stopped) timer = setTimeout(() => void look(), SCAN_EVERY_MS);
  };

  navigator.mediaDevices
    .getUserMedia({ video: { facingMode: "environment" }, audio: false })
    .then(async (s) => {
      if (stopped) {
        for (const track of s.getTracks()) track.stop();
        return;
      }
      stream = s;
      video.srcObject = s;
      await video.play().catch(() => undefined);
      void look();
    })
    .catch((error: unknown) => {
      if (!stopped) onError(error);
    });
  return stop;
}
