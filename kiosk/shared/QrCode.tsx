import { useMemo } from "preact/hooks";
import { qrMatrix, qrPath } from "./qr";
import "./qr.css";

/**
 * A QR code as an inline SVG: one path of dark modules on the light square its class draws, quiet zone
 * included. Screen readers get `label` (what the code says and what to do with it), not the pattern.
 */
export function QrCode({ text, label, class: className }: { text: string; label: string; class?: string }) {
  const { size, d } = useMemo(() => qrPath(qrMatrix(text)), [text]);
  return (
    <svg
      class={className ? `qr ${className}` : "qr"}
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      shape-rendering="crispEdges"
      focusable="false"
    >
      <path d={d} />
    </svg>
  );
}
