/*
 * The day list for paper (A4, black and white): the shown day's appointments that are not cancelled with
 * time, code, name, topic, phone and an empty column for notes; the numbers served without an
 * appointment; and, on every page's foot, that it holds personal data and is destroyed at the end of the
 * day. Hidden on screen; print.css (and the board's print rules) show it alone.
 */
import "./print.css";
import type { Board } from "../../../schemas/staff-board";
import { localDate } from "../../../common/time";
import { formatDate, formatTime } from "../../shared/format";
import { locale, pick } from "../../shared/locale";
import { timeZone } from "../../shared/office";
import { printStrings } from "../i18n/print";

export function PrintList({ board }: { board: Board }) {
  const p = printStrings.value;
  const lang = locale.value;
  const zone = timeZone.value;
  const now = new Date();
  const appointments = board.appointments.filter((a) => a.state !== "cancelled");
  const served = board.walkIns.filter((w) => w.status === "done");
  return (
    <section class="print-list" aria-labelledby="print-title">
      <h1 id="print-title">{p.title({ office: board.office.name, date: formatDate(board.day, lang) })}</h1>
      <p class="print-list__meta">
        {p.printedAt({ date: formatDate(localDate(now, zone), lang), time: formatTime(now.toISOString(), zone) })} <strong>{p.privacy}</strong>
      </p>
      <h2>{p.appointments}</h2>
      {appointments.length === 0 ? (
        <p>{p.noAppointments}</p>
      ) : (
        <table class="print-table">
          <thead>
            <tr>
              <th scope="col" class="print-table__time">{p.columns.time}</th>
              <th scope="col" class="print-table__code">{p.columns.code}</th>
              <th scope="col">{p.columns.name}</th>
              <th scope="col">{p.columns.topic}</th>
              <th scope="col" class="print-table__phone">{p.columns.phone}</th>
              <th scope="col" class="print-table__notes">{p.columns.notes}</th>
            </tr>
          </thead>
          <tbody>
            {appointments.map((a) => (
              <tr key={a.bookingId}>
                <td class="print-table__time">
                  {formatTime(a.start, zone)}–{formatTime(a.end, zone)}
                </td>
                <td class="print-table__code">{a.code}</td>
                <td>
                  {a.name ?? "—"}
                  {p.states[a.state] && <span class="print-table__state"> ({p.states[a.state]})</span>}
                </td>
                <td>{pick(a.topic.label, lang)}</td>
                <td>{a.phone ?? ""}</td>
                <td />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{p.walkIns}</h2>
      {served.length === 0 ? (
        <p>{p.noWalkIns}</p>
      ) : (
        <table class="print-table">
          <thead>
            <tr>
              <th scope="col" class="print-table__code">{p.walkInColumns.number}</th>
              <th scope="col">{p.walkInColumns.topic}</th>
              <th scope="col" class="print-table__time">{p.walkInColumns.issued}</th>
              <th scope="col" class="print-table__notes">{p.walkInColumns.notes}</th>
            </tr>
          </thead>
          <tbody>
            {served.map((w) => (
              <tr key={w.id}>
                <td class="print-table__code">{w.label}</td>
                <td>{w.topic ? pick(w.topic.label, lang) : ""}</td>
                <td class="print-table__time">{formatTime(w.issuedAt, zone)}</td>
                <td />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
