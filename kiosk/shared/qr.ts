/*
 * QR codes for check-in codes and status links, for the pages (an SVG path) and for mails (a table of
 * cells: mail clients block SVG and data: images, but every one of them draws table cells). Pure and
 * DOM-free, so the Worker's mail composer uses it as well as the front ends. `qrcode-generator` does the
 * encoding; this module only decides the options and draws the modules.
 */
import qrcode from "qrcode-generator";

/** Modules of light margin on each side that scanners need to find a code ("quiet zone"). */
export const QUIET_ZONE = 4;

/**
 * The modules of `text` as a QR code, row by row, true for dark; without the quiet zone. Error
 * correction level M (15 % of the code may be damaged or glared), the smallest version that holds the
 * text, byte mode with the text as UTF-8. The same text always gives the same matrix.
 */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, "M");
  // The library turns each UTF-16 unit into one byte (`& 0xff`): giving it the UTF-8 bytes one per
  // character keeps any text intact without changing the library's shared settings.
  qr.addData(String.fromCharCode(...new TextEncoder().encode(text)), "Byte");
  qr.make();
  const size = qr.getModuleCount();
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => qr.isDark(row, col)));
}

/** One row's modules as runs of the same colour, left to right: `[dark, length]`. */
export function runsOf(row: readonly boolean[]): [dark: boolean, length: number][] {
  const runs: [boolean, number][] = [];
  for (const dark of row) {
    const last = runs.at(-1);
    if (last && last[0] === dark) last[1]++;
    else runs.push([dark, 1]);
  }
  return runs;
}

/**
 * The dark modules of `matrix` as the `d` of one SVG path in a `size`×`size` view box (quiet zone
 * included, one unit per module): one rectangle per run of dark modules, so a scanner sees solid bars
 * and the markup stays small.
 */
export function qrPath(matrix: readonly (readonly boolean[])[]): { size: number; d: string } {
  const parts: string[] = [];
  matrix.forEach((row, y) => {
    let x = 0;
    for (const [dark, length] of runsOf(row)) {
      if (dark) parts.push(`M${x + QUIET_ZONE} ${y + QUIET_ZONE}h${length}v1h-${length}z`);
      x += length;
    }
  });
  return { size: matrix.length + 2 * QUIET_ZONE, d: parts.join("") };
}

const HTML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);

export interface QrTableOptions {
  /** What the code says, for screen readers (`aria-label` of the table). */
  label: string;
  /** Edge of one module in CSS pixels; 6 makes a 6-letter code about 3.5 cm wide on a phone. */
  moduleSize?: number;
}

/**
 * `text` as a QR code for an HTML mail: a table whose cells are the modules, black cells by `bgcolor`
 * (which Outlook, Gmail and Apple Mail all draw, unlike SVG or data: images), runs of one colour merged
 * with `colspan`. White cells take the table's own white background; the quiet zone is padding around
 * the table, in white, so the code scans in a dark-themed mail too.
 */
export function qrTableHtml(text: string, { label, moduleSize = 6 }: QrTableOptions): string {
  const matrix = qrMatrix(text);
  const m = moduleSize;
  const width = matrix.length * m;
  const rows = matrix.map((row) => {
    const cells = runsOf(row).map(([dark, length], i) => {
      const span = length > 1 ? ` colspan="${length}"` : "";
      // The first cell of a row carries its height; an empty cell needs no more.
      const height = i === 0 ? ` height="${m}"` : "";
      const colour = dark ? ` bgcolor="#000000"` : "";
      return `<td${span} width="${length * m}"${height}${colour}></td>`;
    });
    return `<tr>${cells.join("")}</tr>`;
  });
  const pad = QUIET_ZONE * m;
  return (
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff" style="background:#ffffff;border-collapse:collapse"><tr><td style="padding:${pad}px">` +
    `<table role="img" aria-label="${escapeHtml(label)}" cellpadding="0" cellspacing="0" border="0" width="${width}" bgcolor="#ffffff" ` +
    `style="border-collapse:collapse;table-layout:fixed;width:${width}px;background:#ffffff;font-size:0;line-height:0">` +
    `${rows.join("")}</table></td></tr></table>`
  );
}
