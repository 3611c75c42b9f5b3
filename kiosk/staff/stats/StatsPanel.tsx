/*
 * "Statistik": choose a period, see the numbers and the charts, export them as CSV. Each chart stands
 * beside a table with the same numbers (the chart is hidden from screen readers; the table is what they
 * read). Loaded only when the section opens (kiosk/staff/panels.tsx).
 */
import { useEffect, useMemo } from "preact/hooks";
import type { Cell, Durations, Statistics } from "../../../schemas/statistics";
import { APPOINTMENT_MEASURES, REQUEST_MEASURES, WALK_IN_MEASURES } from "../../../common/statistics";
import { localDate } from "../../../common/time";
import { formatDate, formatMonth, weekdayName } from "../../shared/format";
import { locale, pick } from "../../shared/locale";
import { timeZone, today } from "../../shared/office";
import { useSignedOut } from "../admin/parts";
import { adminStrings } from "../i18n/admin";
import type { StaffFailure } from "../failure";
import { cellText, shownHours, weekLabeller } from "./chart";
import { Bars, HeatMap, type BarRow } from "./charts";
import { PERIOD_KINDS } from "./period";
import { createStatsStore, csvUrl, statsApi, type StatsStore } from "./store";
import { statsStrings, weekText } from "../i18n/stats";

export function StatsPanel({ office }: { office: string }) {
  const day = today.value || localDate(new Date(), timeZone.value);
  const store = useMemo(() => createStatsStore(statsApi(office), day), [office, day]);
  useEffect(() => {
    void store.show();
  }, [store]);
  const t = statsStrings.value;
  const data = store.numbers.data.value;
  const failure = store.numbers.failure.value;
  const loading = store.numbers.loading.value;
  return (
    <div class="stats">
      <p>{t.intro}</p>
      <p>{t.overlapHint}</p>
      <PeriodForm store={store} />
      {failure ? (
        // Numbers of an earlier period are not shown under a failed load: they would pass for the chosen one.
        <LoadFailure failure={failure} message={store.failureMessage.value} onRetry={() => void store.show()} />
      ) : data ? (
        <>
          {loading && (
            <p role="status" class="stats-stale-note">
              {t.stale({ from: formatDate(data.period.from, locale.value), to: formatDate(data.period.to, locale.value) })}
            </p>
          )}
          <div class={loading ? "stats-stale" : undefined} aria-busy={loading ? "true" : undefined}>
            <Numbers office={office} data={data} />
          </div>
        </>
      ) : (
        <p role="status">{t.loading}</p>
      )}
    </div>
  );
}

/** A failed load, in the section's words and the API's, with a retry; a session that ended signs out. */
function LoadFailure({ failure, message, onRetry }: { failure: StaffFailure; message: string | null; onRetry: () => void }) {
  const t = statsStrings.value;
  useSignedOut(failure);
  return (
    <div class="alert" role="alert">
      <p>
        {t.failed} {adminStrings.value.failures[failure]}
      </p>
      {message && <p>{t.apiMessage({ message })}</p>}
      <button type="button" onClick={onRetry}>
        {t.retry}
      </button>
    </div>
  );
}

function PeriodForm({ store }: { store: StatsStore }) {
  const t = statsStrings.value;
  const loc = locale.value;
  const kind = store.kind.value;
  const problem = store.problem.value;
  const label = (value: string) =>
    kind === "month" ? formatMonth(`${value}-01`, loc) : kind === "quarter" ? t.quarter({ n: value.slice(6), year: value.slice(0, 4) }) : value;
  return (
    <form
      class="stats-period"
      onSubmit={(e) => {
        e.preventDefault();
        void store.show();
      }}
    >
      <fieldset>
        <legend>{t.periodLegend}</legend>
        <div class="admin-row">
          <div class="field admin-field">
            <label for="stats-kind" class="field__label">
              {t.kindLabel}
            </label>
            <select id="stats-kind" class="field__input" value={kind} onChange={(e) => store.setKind(e.currentTarget.value as typeof kind)}>
              {PERIOD_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t.kinds[k]}
                </option>
              ))}
            </select>
          </div>
          {kind === "custom" ? (
            (["from", "to"] as const).map((end) => (
              <div key={end} class={`field admin-field${problem ? " field--error" : ""}`}>
                <label for={`stats-${end}`} class="field__label">
                  {end === "from" ? t.fromLabel : t.toLabel}
                </label>
                <input
                  id={`stats-${end}`}
                  type="date"
                  class="field__input"
                  value={store.custom.value[end]}
                  aria-describedby={problem ? "stats-problem" : undefined}
                  aria-invalid={problem ? "true" : undefined}
                  onInput={(e) => (store.custom.value = { ...store.custom.value, [end]: e.currentTarget.value })}
                />
              </div>
            ))
          ) : (
            <div class="field admin-field">
              <label for="stats-choice" class="field__label">
                {t.choiceLabel[kind]}
              </label>
              <select id="stats-choice" class="field__input" value={store.choice.value} onChange={(e) => (store.choice.value = e.currentTarget.value)}>
                {store.options().map((o) => (
                  <option key={o.value} value={o.value}>
                    {label(o.value)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <button type="submit" class="button button--primary">
            {t.show}
          </button>
        </div>
        {problem && (
          <p id="stats-problem" class="field__error" role="alert">
            {t.customProblems[problem]}
          </p>
        )}
      </fieldset>
    </form>
  );
}

function Numbers({ office, data }: { office: string; data: Statistics }) {
  const t = statsStrings.value;
  const loc = locale.value;
  const n = (c: Cell | Durations["median"]) => cellText(c, loc, statsStrings.value.withheld);
  const period = { from: data.period.from, to: data.period.to };
  const topicRows: BarRow[] = data.byTopic.map((x) => ({ key: x.key, label: pick(x.label, loc), values: [x.appointments.booked, x.walkIns.total] }));
  const audienceRows: BarRow[] = data.byAudience.map((x) => ({ key: x.audience, label: t.audiences[x.audience], values: [x.appointments.booked, x.walkIns.total] }));
  const weekLabel = weekLabeller(data, weekText(t));
  const hours = shownHours(data.visits);
  return (
    <section aria-labelledby="stats-heading">
      <h2 id="stats-heading" tabIndex={-1}>
        {t.heading({ from: formatDate(data.period.from, loc), to: formatDate(data.period.to, loc) })}
      </h2>

      <h3>{t.exportHeading}</h3>
      <p>{t.exportHint}</p>
      <p class="stats-export">
        <a class="button" href={csvUrl(office, period, "excel")} download>
          {t.exportExcel}
        </a>
        <a class="button" href={csvUrl(office, period, "rfc4180")} download>
          {t.exportRfc}
        </a>
      </p>

      <h3>{t.totalsHeading}</h3>
      <div class="stats-tables">
        <MeasureTable caption={t.group.appointments} rows={APPOINTMENT_MEASURES.map((m) => [t.appointment[m], data.totals.appointments[m]])} />
        <MeasureTable caption={t.group.walkIns} rows={WALK_IN_MEASURES.map((m) => [t.walkIn[m], data.totals.walkIns[m]])} />
        <MeasureTable caption={t.group.requests} rows={REQUEST_MEASURES.map((m) => [t.request[m], data.totals.requests[m]])} />
      </div>

      <h3>{t.channelsHeading}</h3>
      <GroupTable
        caption={t.channelsHeading}
        head={t.channelColumn}
        columns={APPOINTMENT_MEASURES.map((m) => t.appointment[m])}
        rows={data.byChannel.map((c) => ({ key: c.channel, label: t.channels[c.channel], values: APPOINTMENT_MEASURES.map((m) => c.appointments[m]) }))}
      />

      <h3>{t.weeksHeading}</h3>
      <div class="stats-pair">
        <Bars
          title={t.chartTitle({ what: t.weeksHeading })}
          series={[t.weekSeries.appointments, t.weekSeries.walkIns]}
          rows={data.byWeek.map((w) => ({ key: w.week, label: weekLabel(w.week), values: [w.appointments, w.walkIns] }))}
        />
        <GroupTable
          caption={t.weeksHeading}
          head={t.weekColumn}
          columns={[t.weekSeries.appointments, t.weekSeries.attended, t.weekSeries.walkIns]}
          rows={data.byWeek.map((w) => ({
            key: w.week,
            label: `${weekLabel(w.week)} (${w.from.slice(8)}.${w.from.slice(5, 7)}.–${w.to.slice(8)}.${w.to.slice(5, 7)}.)`,
            values: [w.appointments, w.attended, w.walkIns],
          }))}
        />
      </div>

      {[
        [t.topicsHeading, t.topicColumn, topicRows, data.byTopic] as const,
        [t.audiencesHeading, t.audienceColumn, audienceRows, data.byAudience] as const,
      ].map(([heading, column, rows, groups]) => (
        <div key={heading}>
          <h3>{heading}</h3>
          <div class="stats-pair">
            <Bars title={t.chartTitle({ what: heading })} series={[t.chartSeries.appointments, t.chartSeries.walkIns]} rows={rows} />
            <GroupTable
              caption={heading}
              head={column}
              columns={[
                ...APPOINTMENT_MEASURES.map((m) => `${t.group.appointments}: ${t.appointment[m]}`),
                ...WALK_IN_MEASURES.map((m) => `${t.group.walkIns}: ${t.walkIn[m]}`),
                ...REQUEST_MEASURES.map((m) => `${t.group.requests}: ${t.request[m]}`),
              ]}
              rows={groups.map((g, i) => ({
                ...rows[i]!,
                values: [
                  ...APPOINTMENT_MEASURES.map((m) => g.appointments[m]),
                  ...WALK_IN_MEASURES.map((m) => g.walkIns[m]),
                  ...REQUEST_MEASURES.map((m) => g.requests[m]),
                ],
              }))}
            />
          </div>
        </div>
      ))}

      <h3>{t.timesHeading}</h3>
      <p>{t.timesIntro}</p>
      {/* Scrolls inside, as the other tables, so that 320 px never scroll the page sideways. */}
      <div class="stats-scroll" tabIndex={0} role="region" aria-label={t.timesHeading}>
        <table class="admin-table stats-table">
          <caption class="visually-hidden">{t.timesHeading}</caption>
          <thead>
            <tr>
              <th scope="col">{t.timesColumns.what}</th>
              <th scope="col">{t.timesColumns.count}</th>
              <th scope="col">{t.timesColumns.median}</th>
              <th scope="col">{t.timesColumns.p90}</th>
            </tr>
          </thead>
          <tbody>
            {(
              [
                [t.waitWalkIns, data.waiting.walkIns],
                [t.waitAppointments, data.waiting.appointments],
                [t.talkWalkIns, data.conversation.walkIns],
                [t.talkAppointments, data.conversation.appointments],
              ] as const
            ).map(([what, d]) => (
              <tr key={what}>
                <th scope="row">{what}</th>
                <td>{n(d.count)}</td>
                <td>{n(d.median)}</td>
                <td>{n(d.p90)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>{t.fromCall({ n: data.conversation.fromCall })}</p>

      <h3>{t.visitsHeading}</h3>
      <p>{t.visitsIntro}</p>
      <div class="stats-pair stats-pair--wide">
        <HeatMap
          title={t.heatTitle}
          days={data.visits}
          hours={hours}
          dayLabel={(d) => weekdayName(d, loc)}
          hourLabel={(h) => String(h)}
        />
        <GroupTable
          caption={t.visitsHeading}
          head={t.weekdayColumn}
          columns={hours.map((h) => t.hour({ h }))}
          rows={data.visits.map((d) => ({ key: String(d.weekday), label: weekdayName(d.weekday, loc), values: hours.map((h) => d.hours[h]!) }))}
        />
      </div>
    </section>
  );
}

function MeasureTable({ caption, rows }: { caption: string; rows: [string, number][] }) {
  const loc = locale.value;
  return (
    <table class="admin-table stats-table">
      <caption>{caption}</caption>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{cellText(value, loc, statsStrings.value.withheld)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A table of rows × measures: the accessible twin of a chart, or a breakdown on its own. */
function GroupTable({ caption, head, columns, rows }: { caption: string; head: string; columns: string[]; rows: BarRow[] }) {
  const loc = locale.value;
  return (
    // Wide tables scroll on their own; focusable, so the keyboard can scroll them too.
    <div class="stats-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table class="admin-table stats-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, label, values }) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              {values.map((v, i) => (
                <td key={i}>{cellText(v, loc, statsStrings.value.withheld)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
