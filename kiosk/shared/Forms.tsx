/*
 * The form parts the booking page and the kiosk both ask with: name, e-mail and phone, and the request
 * "nach Vereinbarung". `tablet` is the kiosk's shared tablet: big touch tiles instead of a radio list,
 * the on-screen keyboard that fits each field, and nothing offered from an earlier visitor's entries.
 */
import type { ComponentChildren, ComponentType } from "preact";
import { useState } from "preact/hooks";
import { suggestEmail } from "../../common/email-typo";
import type { BookingFlow } from "./booking-flow";
import { REQUEST_WEEKDAYS, TIMES_OF_DAY, toggled, WISH_MAX, type RequestField } from "./booking-rules";
import { weekdayName } from "./format";
import { t } from "./i18n/flow";
import { contactTexts } from "./i18n/contact";
import { locale } from "./locale";
import { Localized } from "./Localized";
import { ErrorSummary, FieldError, TextField, type SummaryEntry } from "./ui";

interface Option {
  id: string;
  label: ComponentChildren;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

interface OptionsProps {
  id: string;
  type: "radio" | "checkbox";
  legend: string;
  hint?: string;
  error?: string | undefined;
  options: Option[];
  /** Big tiles (the whole tile is the label) instead of a list of radios or checkboxes. */
  tiles?: boolean;
}

/** A fieldset of radios or checkboxes with its legend, hint and error. */
export function Options({ id, type, legend, hint, error, options, tiles = false }: OptionsProps) {
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset class={error ? "field field--error options" : "field options"} aria-describedby={described}>
      <legend class="field__label">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} class="field__hint">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
      <ul class={tiles ? "tile-list" : "option-list"} role="list">
        {options.map((o) => (
          <li key={o.id} class={tiles ? "tile" : "check"}>
            <input type={type} id={o.id} name={id} checked={o.checked} onChange={(e) => o.onChange(e.currentTarget.checked)} />
            <label for={o.id}>{o.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

type ContactField = "name" | "email" | "phone";

interface ContactFieldsProps {
  /** Prefix of the inputs' ids (`f` → `f-name`), which the error summary links to. */
  prefix: string;
  values: Record<ContactField, string>;
  onValue: (field: ContactField, value: string) => void;
  message: (field: ContactField) => string | undefined;
  /**
   * On the shared tablet: capital letters for names, "Weiter" on the Enter key, and autocomplete off
   * instead of the browser's own suggestions.
   */
  tablet?: boolean;
  /** The request form: an e-mail address or a phone number is enough, so both are optional (one is needed). */
  either?: boolean;
}

/** Name, e-mail and phone, as the booking form and the request form ask for them. */
export function ContactFields({ prefix, values, onValue, message, tablet = false, either = false }: ContactFieldsProps) {
  const s = t.value;
  // The typo suggestion speaks once the visitor has left the field (not while typing).
  const [leftEmail, setLeftEmail] = useState(false);
  return (
    <>
      <TextField
        id={`${prefix}-name`}
        name="name"
        autoComplete={tablet ? "off" : "name"}
        autoCapitalize={tablet ? "words" : undefined}
        spellcheck={tablet ? false : undefined}
        enterKeyHint={tablet ? "next" : undefined}
        label={s.nameLabel}
        value={values.name}
        onValue={(v) => onValue("name", v)}
        error={message("name")}
        maxLength={100}
      />
      <TextField
        id={`${prefix}-email`}
        name="email"
        type="email"
        inputMode="email"
        autoComplete={tablet ? "off" : "email"}
        autoCapitalize="none"
        spellcheck={false}
        enterKeyHint={tablet ? "next" : undefined}
        label={s.emailLabel}
        hint={either ? `${contactTexts.value.requestContactHint} ${s.emailHint}` : s.emailHint}
        optional={either}
        value={values.email}
        onValue={(v) => onValue("email", v)}
        onLeave={() => setLeftEmail(true)}
        error={message("email")}
      />
      <EmailSuggestion id={`${prefix}-email-suggestion`} value={leftEmail ? values.email : ""} onTake={(v) => onValue("email", v)} />
      <TextField
        id={`${prefix}-phone`}
        name="phone"
        type="tel"
        inputMode="tel"
        autoComplete={tablet ? "off" : "tel"}
        enterKeyHint={tablet ? "done" : undefined}
        optional
        label={s.phoneLabel}
        hint={either ? contactTexts.value.requestContactHint : s.phoneHint}
        value={values.phone}
        onValue={(v) => onValue("phone", v)}
        error={message("phone")}
        maxLength={40}
      />
    </>
  );
}

/**
 * "Meinten Sie name@gmail.com?" under the e-mail field when its domain looks mistyped (common/email-typo.ts):
 * a polite live region (always in the page, so the announcement is heard when it fills), the address meant
 * as a button that takes it. Never a block: the address as typed still goes through.
 */
function EmailSuggestion({ id, value, onTake }: { id: string; value: string; onTake: (address: string) => void }) {
  const suggestion = value ? suggestEmail(value) : null;
  return (
    <p id={id} class="email-suggestion" aria-live="polite">
      {suggestion && (
        <>
          {contactTexts.value.emailSuggest}{" "}
          <button type="button" class="button--quiet" onClick={() => onTake(suggestion)}>
            <bdi dir="ltr">{suggestion}</bdi>
          </button>
        </>
      )}
    </p>
  );
}

/**
 * The consent box of a surface: the booking page links its privacy page, the kiosk folds the notice in.
 * `request`: the box of a request, whose data is kept by the request's own rule (`requestConsentText`).
 */
export type ConsentBox = ComponentType<{ id: string; checked: boolean; onChange: (v: boolean) => void; error: string | undefined; request?: boolean }>;

/** What the request form reads and writes of the booking flow. */
type RequestStore = Pick<BookingFlow, "request" | "requestErrors" | "attempts" | "bookableTopics" | "setRequest">;

const REQUEST_FIELDS: readonly RequestField[] = ["topic", "weekdays", "times", "wish", "name", "email", "phone", "consent"];

/**
 * The request "nach Vereinbarung" from the error summary to the consent: topic, days, times of day, a
 * wish, contact, consent. The ids start with `r-`; the summary links to each field's first control.
 */
export function RequestFields({ store, Consent, tablet = false }: { store: RequestStore; Consent: ConsentBox; tablet?: boolean }) {
  const s = t.value;
  const lang = locale.value;
  const r = store.request.value;
  const errors = store.requestErrors.value;
  const topics = store.bookableTopics.value;
  const { setRequest } = store;
  const message = (field: RequestField) => (errors[field] ? s.fieldErrors[errors[field]] : undefined);
  const firstId: Record<RequestField, string> = {
    topic: `r-topic-${topics[0]?.key ?? ""}`,
    weekdays: `r-weekday-${REQUEST_WEEKDAYS[0]}`,
    times: `r-time-${TIMES_OF_DAY[0]}`,
    wish: "r-wish",
    name: "r-name",
    email: "r-email",
    phone: "r-phone",
    consent: "r-consent",
  };
  const entries: SummaryEntry[] = REQUEST_FIELDS.filter((f) => errors[f]).map((f) => ({ id: firstId[f], message: message(f)! }));
  return (
    <>
      <ErrorSummary entries={entries} attempt={store.attempts.value} />
      <Options
        id="r-topic"
        type="radio"
        tiles={tablet}
        legend={s.topicQuestion}
        error={message("topic")}
        options={topics.map((tp) => ({
          id: `r-topic-${tp.key}`,
          label: <Localized text={tp.label} locale={lang} />,
          checked: r.topic === tp.key,
          onChange: () => setRequest("topic", tp.key),
        }))}
      />
      <Options
        id="r-weekdays"
        type="checkbox"
        tiles={tablet}
        legend={s.weekdaysLegend}
        hint={s.severalHint}
        error={message("weekdays")}
        options={REQUEST_WEEKDAYS.map((wd) => ({
          id: `r-weekday-${wd}`,
          label: weekdayName(wd, lang),
          checked: r.weekdays.includes(wd),
          onChange: (on) => setRequest("weekdays", toggled(r.weekdays, wd, on, REQUEST_WEEKDAYS)),
        }))}
      />
      <Options
        id="r-times"
        type="checkbox"
        tiles={tablet}
        legend={s.timesLegend}
        hint={s.severalHint}
        error={message("times")}
        options={TIMES_OF_DAY.map((time) => ({
          id: `r-time-${time}`,
          label: s.timesOfDay[time],
          checked: r.times.includes(time),
          onChange: (on) => setRequest("times", toggled(r.times, time, on, TIMES_OF_DAY)),
        }))}
      />
      <TextField
        id="r-wish"
        name="wish"
        multiline
        optional
        label={s.wishLabel}
        hint={s.wishHint}
        value={r.wish}
        onValue={(v) => setRequest("wish", v)}
        error={message("wish")}
        maxLength={WISH_MAX}
      />
      <fieldset class="group">
        <legend>{s.contactLegend}</legend>
        <ContactFields prefix="r" values={r} onValue={setRequest} message={message} tablet={tablet} either />
      </fieldset>
      <Consent id="r-consent" request checked={r.consent} onChange={(v) => setRequest("consent", v)} error={message("consent")} />
    </>
  );
}
