/*
 * CSV for spreadsheets, in two dialects. Pure: rows of typed values in, text out.
 *   excel    what German Excel and LibreOffice open by double-click: UTF-8 with BOM (or umlauts break),
 *            `;` between fields, decimal comma, dates `TT.MM.JJJJ`, CRLF
 *   rfc4180  UTF-8 without BOM, `,`, decimal point, ISO dates (`YYYY-MM-DD`), CRLF
 * Both quote a field per RFC 4180 when it holds the separator, a quote or a line break. Text that a
 * spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a CR) gets a leading `'`,
 * so a topic named "=HYPERLINK(…)" stays text. Numbers are written as numbers and never touched.
 */

export type CsvDialect = "excel" | "rfc4180";

/** A field: text, a number (written with the dialect's decimal mark) or a local day. */
export type CsvValue = string | number | { day: string };

const BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;

/** The rows as one CSV text in `dialect`, every record ending in CRLF. */
export function toCsv(rows: readonly (readonly CsvValue[])[], dialect: CsvDialect): string {
  const separator = dialect === "excel" ? ";" : ",";
  const body = rows.map((row) => row.map((v) => field(v, dialect, separator)).join(separator) + "\r\n").join("");
  return dialect === "excel" ? BOM + body : body;
}

function field(value: CsvValue, dialect: CsvDialect, separator: string): string {
  if (typeof value === "number") return dialect === "excel" ? String(value).replace(".", ",") : String(value);
  if (typeof value === "object") return dialect === "excel" ? germanDate(value.day) : value.day;
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** `2026-11-30` → `30.11.2026`. */
function germanDate(day: string): string {
  const [y, m, d] = day.split("-");
  return `${d}.${m}.${y}`;
}
