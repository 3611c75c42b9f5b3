import type { DataSubjectRecord, RecordBooking, RecordMail } from "../../schemas/data-subjects";

/*
 * The record of a data subject as a readable page in German (Art. 15 DSGVO, "Auskunft"): what the
 * office stores about the person, for the browser to print or save as PDF. Pure: the record in, HTML
 * out, every value escaped. Its stylesheet is a static file (kiosk/public/print/auskunft.css), since
 * the site's policy allows no inline style; it hides the page's navigation in print.
 */

const STATUS: Readonly<Record<RecordBooking["status"], string>> = {
  requested: "angefragt",
  confirmed: "bestätigt",
  checked_in: "angemeldet",
  completed: "erledigt",
  no_show: "nicht erschienen",
  cancelled: "abgesagt",
  declined: "abgelehnt",
};

const SOURCE: Readonly<Record<RecordBooking["source"], string>> = { online: "Internet", kiosk: "Tablet im Büro", staff: "vom Büro eingetragen" };

const MAIL_STATUS: Readonly<Record<RecordMail["status"], string>> = {
  pending: "wartet auf Versand",
  sending: "wird gesendet",
  sent: "gesendet",
  captured: "gespeichert, nicht gesendet",
  failed: "nicht zustellbar",
  cancelled: "zurückgezogen",
};

const WEEKDAYS = ["", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"];
const TIMES = { morning: "vormittags", afternoon: "nachmittags", evening: "abends" } as const;

/** Text safe inside HTML elements and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The record as a German page; times in the office's zone. */
export function recordPage(record: DataSubjectRecord): string {
  const when = instantFormat(record.office.timezone);
  const e = escapeHtml;
  const row = (label: string, value: string | null | undefined) =>
    value === null || value === undefined || value === "" ? "" : `<tr><th scope="row">${e(label)}</th><td>${e(value)}</td></tr>`;

  const booking = (b: RecordBooking) => {
    const own = record.mails.filter((m) => m.bookingId === b.id);
    return `<section class="entry">
<h2>${b.kind === "slot" ? "Termin" : "Anfrage"}: ${e(b.topic.label.de)}${b.startsAt ? ` am ${e(when(b.startsAt))}` : ""}</h2>
<table><tbody>
${row("Nummer im System", b.id)}
${row("Stand", STATUS[b.status])}
${row("Gebucht über", SOURCE[b.source])}
${row("Beginn", b.startsAt && when(b.startsAt))}
${row("Ende", b.endsAt && when(b.endsAt))}
${row("Name", b.name)}
${row("E-Mail", b.email)}
${row("Telefon", b.phone)}
${row("Nachricht", b.note)}
${row("Wunsch", b.wish)}
${row("Mögliche Tage", b.preferredWeekdays?.map((d) => WEEKDAYS[d] ?? String(d)).join(", "))}
${row("Mögliche Zeiten", b.preferredTimes?.map((t) => TIMES[t]).join(", "))}
${row("Code zum Anmelden", b.code)}
${row("Sprache", b.locale === "de" ? "Deutsch" : "Englisch")}
${row("Angelegt", when(b.createdAt))}
${row("Zuletzt geändert", when(b.updatedAt))}
${row("Links zum Verwalten", b.manageLinks > 0 ? `${b.manageLinks} (gespeichert nur als Prüfsumme)` : "keiner mehr")}
${row("Schlüssel gegen doppeltes Senden", b.idempotencyKey)}
${row("Prüfsumme der gesendeten Angaben", b.requestHash)}
</tbody></table>
<h3>Verlauf</h3>
<ol>${b.events.map((ev) => `<li>${e(when(ev.at))}: ${e(STATUS[ev.status as RecordBooking["status"]] ?? ev.status)} (${e(actor(ev.actor))})</li>`).join("")}</ol>
${
  b.queueNumbers.length === 0
    ? ""
    : `<h3>Wartenummern</h3><ul>${b.queueNumbers
        .map((q) => `<li>${e(q.number)} am ${e(q.day)}, ausgegeben ${e(when(q.issuedAt))}${q.statusLinks > 0 ? `, ${q.statusLinks} Link(s) zur Wartenummer` : ""}</li>`)
        .join("")}</ul>`
}
${own.length === 0 ? "" : `<h3>E-Mails zu diesem Termin</h3>${own.map(mail).join("")}`}
</section>`;
  };

  const mail = (m: RecordMail) => `<article class="mail">
<table><tbody>
${row("An", m.toAddress)}
${row("Betreff", m.subject)}
${row("Stand", MAIL_STATUS[m.status])}
${row("Angelegt", when(m.createdAt))}
${row("Gesendet", m.sentAt && when(m.sentAt))}
${row("Fehler beim Senden", m.lastError)}
</tbody></table>
<pre>${e(m.textBody)}</pre>
${m.ics ? `<details><summary>Kalender-Eintrag</summary><pre>${e(m.ics)}</pre></details>` : ""}
</article>`;

  const loose = record.mails.filter((m) => m.bookingId === null || !record.bookings.some((b) => b.id === m.bookingId));
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Auskunft über gespeicherte Daten – ${e(record.office.name)}</title>
<link rel="icon" href="/favicon.svg">
<link rel="stylesheet" href="/print/auskunft.css">
</head>
<body>
<nav class="no-print" aria-label="Seite"><a href="/staff">Zurück zur Verwaltung</a>
<p>Drucken oder als PDF speichern: im Browser „Drucken“ wählen (Strg+P).</p></nav>
<main>
<h1>Auskunft über gespeicherte Daten</h1>
<p>${e(record.office.name)} · erstellt am ${e(when(record.generatedAt))}</p>
<p>Das sind alle Angaben, die wir zu den ausgewählten Terminen, Anfragen und E-Mails gespeichert haben (Art. 15 DSGVO).
Wir löschen Namen, Kontaktdaten, Nachrichten und E-Mails ${record.office.retentionDays} Tage nach dem Termin
(bei Anfragen ohne Termin nach der Absage). Zeiten, Thema, Weg der Buchung und Stand bleiben ohne Namen für die Statistik.</p>
${record.bookings.length === 0 ? "<p>Keine Termine oder Anfragen ausgewählt.</p>" : record.bookings.map(booking).join("\n")}
${loose.length === 0 ? "" : `<section class="entry"><h2>Weitere E-Mails</h2>${loose.map(mail).join("")}</section>`}
</main>
</body>
</html>
`;
}

/** Who made a change, in words (booking_events.actor is 'resident', 'system' or 'staff:<id>'). */
function actor(a: string): string {
  if (a === "resident") return "Sie selbst";
  if (a === "system") return "automatisch";
  if (a.startsWith("staff:")) return "das Büro";
  return a;
}

function instantFormat(timeZone: string): (iso: string) => string {
  const f = new Intl.DateTimeFormat("de-DE", { timeZone, dateStyle: "medium", timeStyle: "short" });
  return (iso) => `${f.format(new Date(iso))} Uhr`;
}
