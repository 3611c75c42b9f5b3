/*
 * The board's dialogs as native modal <dialog>s: the browser keeps the focus inside, Escape closes, and
 * the focus goes back to the button that opened it. Fields and rules live in forms.ts.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { formatDate, formatSlotName, formatTime } from "../shared/format";
import { LANGUAGES, RESIDENT_LOCALES, type Locale } from "../../common/i18n/languages";
import { locale, pick } from "../shared/locale";
import { office, timeZone } from "../shared/office";
import { Options } from "../shared/Forms";
import { CheckInCode, FieldError, TextField } from "../shared/ui";
import { PROPOSAL_ROWS, proposalMinutes, type FieldKey } from "./forms";
import { go } from "./address";
import { ActionError } from "./parts";
import { forms } from "./state";
import { s } from "./i18n/board";

export function Dialogs() {
  const d = forms.dialog.value;
  if (!d) return null;
  // A new key per dialog: a fresh <dialog> that opens modally and remembers its own opener.
  return <Modal key={d.kind}>{<Body />}</Modal>;
}

function Modal({ children }: { children: ComponentChildren }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby="dialog-title"
      onClose={() => forms.close()}
    >
      {children}
    </dialog>
  );
}

function Title({ children }: { children: ComponentChildren }) {
  return (
    <div class="dialog__head">
      <h2 id="dialog-title">{children}</h2>
      <button type="button" class="dialog__close" onClick={() => forms.close()}>
        <span aria-hidden="true">×</span>
        <span class="visually-hidden">{s.value.close}</span>
      </button>
    </div>
  );
}

function err(key: FieldKey): string | undefined {
  const e = forms.fieldErrors.value[key];
  return e ? s.value.fieldErrors[e] : undefined;
}

function Text(props: { id: FieldKey; label: string; type?: "text" | "email" | "tel"; optional?: boolean; multiline?: boolean; hint?: string; autoComplete?: string }) {
  return (
    <TextField
      id={`f-${props.id}`}
      name={props.id}
      label={props.label}
      type={props.type}
      optional={props.optional}
      multiline={props.multiline}
      hint={props.hint}
      autoComplete={props.autoComplete ?? "off"}
      value={forms.fields.value[props.id]}
      onValue={(v) => forms.set(props.id, v)}
      error={err(props.id)}
    />
  );
}

/** A date, time or number input with its label and error, tied together for screen readers. */
function Input({ id, label, type, min, step }: { id: FieldKey; label: string; type: "date" | "time" | "number"; min?: string; step?: string }) {
  const error = err(id);
  return (
    <div class={error ? "field field--error" : "field"}>
      <label for={`f-${id}`} class="field__label">
        {label}
      </label>
      <FieldError id={`f-${id}-error`} message={error} />
      <input
        id={`f-${id}`}
        name={id}
        class="field__input field__input--short"
        type={type as "text"}
        min={min}
        step={step}
        value={forms.fields.value[id]}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={error ? `f-${id}-error` : undefined}
        onInput={(e) => forms.set(id, e.currentTarget.value)}
      />
    </div>
  );
}

function Select({ id, label, options, placeholder }: { id: FieldKey; label: string; options: { value: string; label: string }[]; placeholder: string }) {
  const error = err(id);
  return (
    <div class={error ? "field field--error" : "field"}>
      <label for={`f-${id}`} class="field__label">
        {label}
      </label>
      <FieldError id={`f-${id}-error`} message={error} />
      <select
        id={`f-${id}`}
        name={id}
        class="field__input"
        value={forms.fields.value[id]}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={error ? `f-${id}-error` : undefined}
        onChange={(e) => forms.set(id, e.currentTarget.value)}
      >
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The free times of the chosen topic and day, or why there are none. */
function SlotSelect() {
  const t = s.value;
  const phase = forms.slotPhase.value;
  const tz = timeZone.value;
  return (
    <>
      <Select
        id="slot"
        label={t.slotLabel}
        placeholder={phase === "loading" ? t.loadingSlots : t.chooseSlot}
        options={forms.slotList.value.map((x) => ({ value: x.start, label: `${formatTime(x.start, tz)}–${formatTime(x.end, tz)}` }))}
      />
      <p class="field__hint" role="status">
        {phase === "loading" ? t.loadingSlots : phase === "error" ? t.slotsFailed : phase === "ready" && forms.slotList.value.length === 0 ? t.noSlots : ""}
      </p>
    </>
  );
}

function Buttons({ confirm, cancel }: { confirm: string; cancel?: string }) {
  return (
    <>
      <ActionError id="dialog-error" failure={forms.failure.value} />
      <div class="actions-row">
        <button type="submit" class="button--primary" aria-disabled={forms.busy.value ? "true" : undefined}>
          {confirm}
        </button>
        <button type="button" onClick={() => forms.close()}>
          {cancel ?? s.value.back}
        </button>
      </div>
    </>
  );
}

function Form({ children }: { children: ComponentChildren }) {
  return (
    <form
      class="dialog__form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void forms.submit();
      }}
    >
      {children}
    </form>
  );
}

function topicOptions(walkIn: boolean) {
  const lang = locale.value;
  return (office.value?.topics ?? [])
    .filter((x) => !walkIn || x.walkIn)
    .map((x) => ({ value: x.key, label: walkIn ? pick(x.label, lang) : `${pick(x.label, lang)} (${x.durationMinutes} min)` }));
}

function Body() {
  const t = s.value;
  const lang = locale.value;
  const tz = timeZone.value;
  const d = forms.dialog.value!;
  switch (d.kind) {
    case "cancel": {
      const a = d.appointment;
      return (
        <>
          <Title>{t.cancelDialogTitle}</Title>
          <Form>
            <p>{t.cancelDialogText({ who: a.name ?? a.code, when: formatSlotName(a.start, tz, lang) })}</p>
            <Options
              id="f-by"
              type="radio"
              legend={t.cancelByLegend}
              error={err("by")}
              options={(["resident", "office"] as const).map((by) => ({
                id: `f-by-${by}`,
                label: t.cancelBy[by],
                checked: forms.fields.value.by === by,
                onChange: () => forms.set("by", by),
              }))}
            />
            <Text id="message" label={t.messageLabel} multiline optional />
            <Buttons confirm={t.cancelConfirm} cancel={t.keep} />
          </Form>
        </>
      );
    }
    case "move": {
      const a = d.appointment;
      return (
        <>
          <Title>{t.moveDialogTitle}</Title>
          <Form>
            <p>
              {a.name ?? a.code} · {pick(a.topic.label, lang)} · {formatSlotName(a.start, tz, lang)}
            </p>
            <Input id="day" label={t.dayLabel} type="date" />
            <SlotSelect />
            <Buttons confirm={t.moveConfirm} />
          </Form>
        </>
      );
    }
    case "propose": {
      const r = d.request;
      // Every time is as long as the topic: a booking of it would be (the API takes no other length).
      const minutes = proposalMinutes(office.value?.topics ?? [], r.topic.key);
      return (
        <>
          <Title>{t.proposeTitle}</Title>
          <Form>
            <p>
              {r.name ?? r.email} · {pick(r.topic.label, lang)}
            </p>
            <p class="proposal-duration">{minutes === null ? t.durationOfTopic : t.duration({ minutes })}</p>
            <p class="field__hint">{t.proposeHint}</p>
            {PROPOSAL_ROWS.map(([date, time], i) => (
              <fieldset key={date} class="proposal-row">
                <legend>
                  {t.proposalRow({ n: i + 1 })}
                  {i > 0 && ` ${t.optional}`}
                </legend>
                <div class="field-row">
                  <Input id={date} label={t.dateLabel} type="date" />
                  <Input id={time} label={t.timeLabel} type="time" step="300" />
                </div>
              </fieldset>
            ))}
            <Text id="message" label={t.messageLabel} multiline optional />
            <Buttons confirm={t.proposeConfirm} />
          </Form>
        </>
      );
    }
    case "withdraw": {
      const r = d.request;
      return (
        <>
          <Title>{t.withdrawTitle}</Title>
          <Form>
            <p>{t.withdrawText({ who: r.name ?? r.email ?? "—", when: formatSlotName(d.proposal.start, tz, lang) })}</p>
            <Text id="message" label={t.messageLabel} multiline optional />
            <Buttons confirm={t.withdrawConfirm} cancel={t.withdrawKeep} />
          </Form>
        </>
      );
    }
    case "decline": {
      const r = d.request;
      return (
        <>
          <Title>{t.declineTitle}</Title>
          <Form>
            <p>
              {r.name ?? r.email} · {pick(r.topic.label, lang)}
            </p>
            <Text id="message" label={t.messageLabel} hint={t.declineHint} multiline />
            <Buttons confirm={t.declineConfirm} />
          </Form>
        </>
      );
    }
    case "phone": {
      const done = forms.booked.value;
      return (
        <>
          <Title>{t.phoneTitle}</Title>
          {done ? (
            <div class="dialog__done" role="status">
              <p>{t.booked({ who: done.name, when: done.start ? formatSlotName(done.start, tz, lang) : "", code: done.code })}</p>
              <CheckInCode code={done.code} />
              <div class="actions-row">
                <button type="button" class="button--primary" onClick={() => forms.close()}>
                  {t.close}
                </button>
                {done.start && (
                  <button
                    type="button"
                    onClick={() => {
                      // The booked day with the new booking marked (its local day starts the offset time).
                      forms.close();
                      go({ day: done.start!.slice(0, 10), view: "appointments" }, { mark: done.id, focus: false });
                    }}
                  >
                    {t.showBookedDay}
                  </button>
                )}
              </div>
            </div>
          ) : (
            <Form>
              <p class="field__hint">{t.phoneHint}</p>
              <Select id="topic" label={t.topic} placeholder={t.fieldErrors.topic} options={topicOptions(false)} />
              <Input id="day" label={t.dayLabel} type="date" />
              {forms.fields.value.day && <p class="muted">{safeDate(forms.fields.value.day, lang)}</p>}
              <SlotSelect />
              <Text id="name" label={t.nameLabel} />
              <Text id="email" label={t.emailLabel} type="email" optional />
              <Text id="phone" label={t.phoneLabel} type="tel" optional />
              <Text id="note" label={t.noteLabel} multiline optional />
              <LanguageSelect />
              <Buttons confirm={t.book} />
            </Form>
          )}
        </>
      );
    }
    case "walkIn": {
      const done = forms.issued.value;
      return (
        <>
          <Title>{t.walkInTitle}</Title>
          {done ? (
            <div class="dialog__done" role="status">
              <p>{t.issued}</p>
              <p class="issued-number">{done.label}</p>
              <div class="actions-row">
                <button type="button" class="button--primary" onClick={() => forms.close()}>
                  {t.close}
                </button>
              </div>
            </div>
          ) : (
            <Form>
              <Select id="topic" label={t.topic} placeholder={t.fieldErrors.topic} options={topicOptions(true)} />
              <Buttons confirm={t.issue} />
            </Form>
          )}
        </>
      );
    }
  }
}

/**
 * The language of the booking's mails and manage page: any of the residents' six, each named in its own
 * language and script (and marked so, for screen readers), German first as the default.
 */
function LanguageSelect() {
  const t = s.value;
  return (
    <div class="field">
      <label for="f-locale" class="field__label">
        {t.localeLabel}
      </label>
      <p id="f-locale-hint" class="field__hint">
        {t.localeHint}
      </p>
      <select
        id="f-locale"
        name="locale"
        class="field__input"
        value={forms.fields.value.locale}
        aria-describedby="f-locale-hint"
        onChange={(e) => forms.set("locale", e.currentTarget.value)}
      >
        {RESIDENT_LOCALES.map((code) => (
          <option key={code} value={code} lang={code} dir={LANGUAGES[code].dir}>
            {LANGUAGES[code].name}
          </option>
        ))}
      </select>
    </div>
  );
}

function safeDate(day: string, lang: Locale): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? formatDate(day, lang) : "";
}
