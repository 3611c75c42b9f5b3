/*
 * The printed ticket: an 80 mm receipt with the number (big), its concern, when it was taken, and the way
 * to its status page (the QR code and the address without "https://"). It is on the page, hidden on
 * screen, whenever a number is on screen, so the print stylesheet (print.css) shows only this; a tablet
 * whose setting "Bon drucken" is on calls window.print() once for each new number (with Chromium's
 * --kiosk-printing that prints without a dialog: README).
 */
import { useEffect, useState } from "preact/hooks";
import { formatDate, formatTime } from "../shared/format";
import { locale, pick } from "../shared/locale";
import { office, timeZone } from "../shared/office";
import { localDate } from "../../common/time";
import { k, printJob, type PrintJob } from "./state";
import "./print.css";
import { OfficeWords } from "../shared/Localized";

/** The jobs printed already: a number prints once, however often its screen renders. */
const printed = new WeakSet<PrintJob>();

export function PrintTicket() {
  const job = printJob.value;
  const [qr, setQr] = useState<{ text: string; size: number; d: string } | null>(null);
  const text = job?.view.statusUrl ?? null;
  useEffect(() => {
    if (!text) return;
    let current = true;
    import("../shared/qr").then(
      ({ qrMatrix, qrPath }) => current && setQr({ text, ...qrPath(qrMatrix(text)) }),
      (error: unknown) => console.warn(error),
    );
    return () => {
      current = false;
    };
  }, [text]);
  const code = qr && qr.text === text ? qr : null;
  // Printed once the QR code is drawn (after this render is on the page), never twice for one number.
  useEffect(() => {
    if (!job || !job.auto || !code || printed.has(job)) return;
    printed.add(job);
    window.print();
  }, [job, code]);
  if (!job) return null;
  const s = k.value;
  const lang = locale.value;
  const zone = timeZone.value;
  const topic = job.topic ? pick(job.topic, lang) : null;
  return (
    <aside class="print-ticket" aria-hidden="true">
      {office.value?.shortName && <p class="print-ticket__office"><OfficeWords>{office.value.shortName}</OfficeWords></p>}
      <p class="print-ticket__label">{s.ticketHeading}</p>
      <p class="print-ticket__number" dir="ltr">
        {job.view.label}
      </p>
      {topic && <p class="print-ticket__topic">{s.print.topic({ topic })}</p>}
      <p class="print-ticket__time">{s.print.issued({ date: formatDate(localDate(new Date(job.issuedAt), zone), lang), time: formatTime(job.issuedAt, zone) })}</p>
      <p class="print-ticket__status">{s.print.status}</p>
      <svg class="print-ticket__qr" viewBox={code ? `0 0 ${code.size} ${code.size}` : undefined} shape-rendering="crispEdges" focusable="false">
        {code && <path d={code.d} />}
      </svg>
      <p class="print-ticket__url" dir="ltr">
        {shortUrl(job.view.statusUrl)}
      </p>
    </aside>
  );
}

/** The status address as printed: without "https://" (the phone adds it), the secret after # kept. */
export function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//, "");
}
