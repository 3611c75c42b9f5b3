/*
 * A booking in words, as the booking page and the kiosk show it: the line above the contact form, the
 * review before sending (each part with "Ändern"), and the ticket with its code once it is booked.
 */
import type { ComponentChildren } from "preact";
import type { BookingCreated } from "../../schemas/bookings";
import type { Topic } from "../../schemas/location";
import type { Slot } from "../../schemas/slots";
import type { Details } from "./booking-rules";
import { formatAddress, formatDate, formatTime, whenParts } from "./format";
import { localDate } from "../../common/time";
import { t } from "./i18n/flow";
import { locale } from "./locale";
import { Localized, OfficeWords } from "./Localized";
import { office, timeZone } from "./office";
import { CheckInCode } from "./ui";

/** What was chosen so far, in one line above the form: "Kompetenzanalyse · Montag, …, 13:30 Uhr". */
export function Chosen({ topic, slot }: { topic: Topic | null; slot: Slot | null }) {
  if (!topic || !slot) return null;
  return (
    <p class="chosen">
      <Localized text={topic.label} /> · {formatDate(localDate(new Date(slot.start), timeZone.value), locale.value)}
      {locale.value === "ar" ? "، " : ", "}
      <bdi dir="ltr">
        {formatTime(slot.start, timeZone.value)}
        {t.value.timeSuffix}
      </bdi>
    </p>
  );
}

function Row({ label, children, onChange }: { label: string; children: ComponentChildren; onChange?: (() => void) | undefined }) {
  return (
    <div class="summary__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
      {onChange && (
        <dd class="summary__change">
          <button type="button" class="button--quiet" onClick={onChange}>
            {t.value.change}
            <span class="visually-hidden">: {label}</span>
          </button>
        </dd>
      )}
    </div>
  );
}

/**
 * An appointment's day and times: "Montag, 30. November 2026, 13:30 bis 14:00 Uhr"; the times isolated
 * left to right, so they read "13:30–14:00" inside Arabic text too.
 */
export function When({ start, end }: { start: string; end: string }) {
  const p = whenParts(start, end, timeZone.value, locale.value);
  return (
    <>
      {p.day}
      {p.comma}
      <bdi dir="ltr" class="when__times">
        {p.times}
      </bdi>
    </>
  );
}

/** The part of the flow an "Ändern" leads back to. */
export type ReviewPart = "topic" | "time" | "details";

/** "Stimmt alles?": topic, time, place and the contact details (phone and note only when given). */
export function ReviewList({ topic, slot, details: d, onChange }: { topic: Topic | null; slot: Slot; details: Details; onChange: (part: ReviewPart) => void }) {
  const s = t.value;
  const lang = locale.value;
  const o = office.value;
  return (
    <dl class="summary">
      <Row label={s.topicLabel} onChange={() => onChange("topic")}>
        {topic && <Localized text={topic.label} locale={lang} />}
      </Row>
      <Row label={s.whenLabel} onChange={() => onChange("time")}>
        <When start={slot.start} end={slot.end} />
      </Row>
      {o && <Row label={s.whereLabel}><OfficeWords>{`${o.shortName}, ${formatAddress(o.address)}`}</OfficeWords></Row>}
      <Row label={s.nameShort} onChange={() => onChange("details")}>
        {d.name.trim()}
      </Row>
      <Row label={s.emailShort} onChange={() => onChange("details")}>
        <bdi dir="ltr">{d.email.trim()}</bdi>
      </Row>
      {d.phone.trim() && (
        <Row label={s.phoneShort} onChange={() => onChange("details")}>
          <bdi dir="ltr">{d.phone.trim()}</bdi>
        </Row>
      )}
      {d.note.trim() && (
        <Row label={s.noteShort} onChange={() => onChange("details")}>
          {d.note.trim()}
        </Row>
      )}
    </dl>
  );
}

/** The booked ticket: the check-in code with the surface's hint under it, then when, what and where. */
export function BookedSummary({ booked: b, codeHint }: { booked: { result: BookingCreated; topic: Topic }; codeHint: string }) {
  const s = t.value;
  const lang = locale.value;
  const o = office.value;
  return (
    <>
      <div class="ticket">
        <p class="ticket__label">{s.codeLabel}</p>
        <CheckInCode code={b.result.code} />
        <p class="ticket__hint">{codeHint}</p>
      </div>
      <dl class="summary">
        <Row label={s.whenLabel}>
          <When start={b.result.start} end={b.result.end} />
        </Row>
        <Row label={s.topicLabel}>
          <Localized text={b.topic.label} locale={lang} />
        </Row>
        {o && <Row label={s.whereLabel}><OfficeWords>{`${o.shortName}, ${formatAddress(o.address)}`}</OfficeWords></Row>}
      </dl>
    </>
  );
}
