import { weekdayName } from "../shared/format";
import { pick } from "../shared/i18n";
import { locale, t } from "../shared/locale";
import { ErrorSummary, FieldError, TextField, type SummaryEntry } from "../shared/ui";
import { REQUEST_WEEKDAYS, TIMES_OF_DAY, toggled, WISH_MAX, type RequestField } from "../booking/flow";
import { attempts, bookableTopics, request, requestErrors, requestFailed, requested, sending, setRequest, submitRequest } from "./book";
import { KioskConsent, KioskContactFields, KioskFailure } from "./Book";
import { BackButton, ScreenHeading } from "./parts";
import { k, resetSession } from "./state";

const FIELD_ORDER: readonly RequestField[] = ["topic", "weekdays", "times", "wish", "name", "email", "phone", "consent"];

interface Option {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** Radios or checkboxes as big tiles (the whole tile is the label), with legend, hint and error. */
function Tiles(props: { id: string; type: "radio" | "checkbox"; legend: string; hint?: string; error?: string | undefined; options: Option[] }) {
  const { id, type, legend, hint, error, options } = props;
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
      <ul class="tile-list" role="list">
        {options.map((o) => (
          <li key={o.id} class="tile">
            <input type={type} id={o.id} name={id} checked={o.checked} onChange={(e) => o.onChange(e.currentTarget.checked)} />
            <label for={o.id}>{o.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** "Termin nach Vereinbarung anfragen": topic, days, times of day, a wish, contact, consent. */
export function RequestScreen() {
  const s = t.value;
  const lang = locale.value;
  const r = request.value;
  const errors = requestErrors.value;
  const message = (field: RequestField) => (errors[field] ? s.fieldErrors[errors[field]] : undefined);
  const firstId: Record<RequestField, string> = {
    topic: `r-topic-${bookableTopics.value[0]?.key ?? ""}`,
    weekdays: `r-weekday-${REQUEST_WEEKDAYS[0]}`,
    times: `r-time-${TIMES_OF_DAY[0]}`,
    wish: "r-wish",
    name: "r-name",
    email: "r-email",
    phone: "r-phone",
    consent: "r-consent",
  };
  const entries: SummaryEntry[] = FIELD_ORDER.filter((f) => errors[f]).map((f) => ({ id: firstId[f], message: message(f)! }));
  return (
    <section class="screen screen--form" aria-labelledby="screen-heading">
      <BackButton />
      <ScreenHeading>{s.requestHeading}</ScreenHeading>
      <p>{s.requestIntro}</p>
      <form
        noValidate
        autoComplete="off"
        onSubmit={(e) => {
          e.preventDefault();
          void submitRequest();
        }}
      >
        <ErrorSummary entries={entries} attempt={attempts.value} />
        <Tiles
          id="r-topic"
          type="radio"
          legend={s.topicQuestion}
          error={message("topic")}
          options={bookableTopics.value.map((tp) => ({
            id: `r-topic-${tp.key}`,
            label: pick(tp.label, lang),
            checked: r.topic === tp.key,
            onChange: () => setRequest("topic", tp.key),
          }))}
        />
        <Tiles
          id="r-weekdays"
          type="checkbox"
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
        <Tiles
          id="r-times"
          type="checkbox"
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
          autoComplete="off"
          label={s.wishLabel}
          hint={s.wishHint}
          value={r.wish}
          onValue={(v) => setRequest("wish", v)}
          error={message("wish")}
          maxLength={WISH_MAX}
        />
        <fieldset class="group">
          <legend>{s.contactLegend}</legend>
          <KioskContactFields prefix="r" values={r} onValue={setRequest} message={message} />
        </fieldset>
        <KioskConsent id="r-consent" checked={r.consent} onChange={(v) => setRequest("consent", v)} error={message("consent")} />
        <div role="alert" class="alert-region">
          {requestFailed.value && <KioskFailure failure={requestFailed.value} />}
        </div>
        <div class="actions">
          <button type="submit" class="button--primary button--big" aria-disabled={sending.value ? "true" : undefined}>
            {s.sendRequest}
          </button>
        </div>
        <div role="status" class="status">
          {sending.value && <p>{s.sendingRequest}</p>}
        </div>
      </form>
    </section>
  );
}

/** The request arrived: what happens next. */
export function RequestDoneScreen() {
  const s = t.value;
  const r = requested.value;
  if (!r) return null;
  return (
    <section class="screen screen--form" aria-labelledby="screen-heading">
      <ScreenHeading>
        <span class="done-mark" aria-hidden="true">
          ✓{" "}
        </span>
        {s.requestDoneHeading}
      </ScreenHeading>
      <p class="lead">{s.requestDoneText}</p>
      <p>
        {s.mailSent} <strong class="email">{r.email}</strong>
      </p>
      <div class="actions">
        <button type="button" class="button--primary button--big" onClick={resetSession}>
          {k.value.done}
        </button>
      </div>
    </section>
  );
}
