import { useEffect, useState } from "preact/hooks";
import { once } from "./load-once";
import "./qr.css";

/** The encoder (qrcode-generator, 7.8 KB gzip) comes with the first code a page shows, not before. */
const loadQr = once(() => import("./qr"));

/** Fetches the encoder ahead, when a page will soon show a code (quietly: a failure is tried again then). */
export function preloadQr(): void {
  loadQr().catch(() => undefined);
}

/**
 * A QR code as an inline SVG: one path of dark modules on the light square its class draws, quiet zone
 * included. Screen readers get `label` (what the code says and what to do with it), not the pattern.
 * The square keeps its size while the encoder loads, so nothing moves when the code appears.
 */
export function QrCode({ text, label, class: className }: { text: string; label: string; class?: string }) {
  const [drawn, setDrawn] = useState<{ text: string; size: number; d: string } | null>(null);
  useEffect(() => {
    let current = true;
    loadQr().then(
      ({ qrMatrix, qrPath }) => current && setDrawn({ text, ...qrPath(qrMatrix(text)) }),
      (error: unknown) => console.warn(error),
    );
    return () => {
      current = false;
    };
  }, [text]);
  const code = drawn?.text === text ? drawn : null;
  return (
    <svg
      class={className ? `qr ${className}` : "qr"}
      role="img"
      aria-label={label}
      viewBox={code ? `0 0 ${code.size} ${code.size}` : undefined}
      shape-rendering="crispEdges"
      focusable="false"
    >
      {code && <path d={code.d} />}
    </svg>
  );
}
