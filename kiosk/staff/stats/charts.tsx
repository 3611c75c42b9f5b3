/*
 * Small SVG charts without a library: grouped horizontal bars and a weekday × hour heat map. Each draws
 * its numbers into the picture too (never colour alone) and is hidden from screen readers, because the
 * table beside it (rendered by the section) holds the same numbers; its title says so for sighted users.
 */
import type { Cell } from "../../../schemas/statistics";
import { locale } from "../../shared/locale";
import { statsStrings } from "../i18n/stats";
import { cellText, drawn, heatLevel } from "./chart";

export interface BarRow {
  /** Unique within the chart (a topic's key, a week): labels may repeat, a week number across two years. */
  key: string;
  label: string;
  values: Cell[];
}

const LABEL_W = 240;
const BAR_W = 330;
const BAR_H = 16;
const GAP = 12;

/** Grouped horizontal bars: one group per row, one bar per series (series told apart by shade and legend). */
export function Bars({ rows, series, title }: { rows: BarRow[]; series: string[]; title: string }) {
  const loc = locale.value;
  const max = Math.max(1, ...rows.flatMap((r) => r.values.map(drawn)));
  const groupH = series.length * (BAR_H + 2) + GAP;
  const legendH = 24;
  const height = legendH + rows.length * groupH;
  const width = LABEL_W + BAR_W + 60;
  return (
    <svg class="chart" viewBox={`0 0 ${width} ${height}`} width={width} height={height} aria-hidden="true" focusable="false">
      <title>{title}</title>
      {series.map((name, i) => (
        <g key={name}>
          <rect class={`chart__bar chart__bar--${i}`} x={LABEL_W + i * 170} y={4} width={14} height={14} />
          <text class="chart__text" x={LABEL_W + i * 170 + 20} y={16}>
            {name}
          </text>
        </g>
      ))}
      {rows.map((row, r) => {
        const top = legendH + r * groupH;
        return (
          <g key={row.key}>
            <text class="chart__text" x={LABEL_W - 8} y={top + (series.length * (BAR_H + 2)) / 2 + 4} text-anchor="end">
              {row.label.length > 28 ? `${row.label.slice(0, 27)}…` : row.label}
            </text>
            {row.values.map((v, i) => {
              const w = Math.round((drawn(v) / max) * BAR_W);
              const y = top + i * (BAR_H + 2);
              return (
                <g key={i}>
                  <rect class={`chart__bar chart__bar--${i}`} x={LABEL_W} y={y} width={w} height={BAR_H} />
                  <text class="chart__text" x={LABEL_W + w + 6} y={y + BAR_H - 4}>
                    {cellText(v, loc, statsStrings.value.withheld)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

const CELL_W = 38;
const CELL_H = 28;
const DAY_W = 100;
const HEAD_H = 22;

/** Weekday rows × hour columns, each field shaded by its count and showing it. */
export function HeatMap({
  days,
  hours,
  dayLabel,
  hourLabel,
  title,
}: {
  days: { weekday: number; hours: Cell[] }[];
  hours: number[];
  dayLabel: (weekday: number) => string;
  hourLabel: (hour: number) => string;
  title: string;
}) {
  const loc = locale.value;
  const max = Math.max(0, ...days.flatMap((d) => d.hours.map((c) => (typeof c === "number" ? c : 0))));
  const width = DAY_W + hours.length * CELL_W;
  const height = HEAD_H + days.length * CELL_H;
  return (
    <svg class="chart" viewBox={`0 0 ${width} ${height}`} width={width} height={height} aria-hidden="true" focusable="false">
      <title>{title}</title>
      {hours.map((h, i) => (
        <text key={h} class="chart__text chart__text--small" x={DAY_W + i * CELL_W + CELL_W / 2} y={15} text-anchor="middle">
          {hourLabel(h)}
        </text>
      ))}
      {days.map((d, r) => (
        <g key={d.weekday}>
          <text class="chart__text" x={DAY_W - 8} y={HEAD_H + r * CELL_H + CELL_H / 2 + 4} text-anchor="end">
            {dayLabel(d.weekday)}
          </text>
          {hours.map((h, i) => {
            const level = heatLevel(d.hours[h]!, max);
            const x = DAY_W + i * CELL_W;
            const y = HEAD_H + r * CELL_H;
            return (
              <g key={h}>
                <rect class={`heat heat--${level}`} x={x + 1} y={y + 1} width={CELL_W - 2} height={CELL_H - 2} />
                <text class={`heat__text heat__text--${level}`} x={x + CELL_W / 2} y={y + CELL_H / 2 + 4} text-anchor="middle">
                  {cellText(d.hours[h]!, loc, statsStrings.value.withheld)}
                </text>
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}
