import { Hono, type Context } from "hono";
import { StatisticsCsvQuery, StatisticsQuery, type Statistics } from "../../schemas/statistics";
import { toCsv } from "../../common/csv";
import type { AppEnv } from "../context";
import { loadStatisticsFacts } from "../db/statistics";
import { daysWindow } from "../domain/settings";
import { computeStatistics, csvFileName, statisticsTable } from "../domain/statistics";
import { AppError } from "../errors";
import { parseInput } from "../validate";

/*
 * Anonymous statistics of the office for the funder's reports: `/api/staff/:office/statistics` (JSON) and
 * `/api/staff/:office/statistics.csv` (the same numbers as one table). Every staff member of the office may
 * read them (requireStaff in app.ts): they hold no personal data, small cells are already "< 3".
 */

export const staffStatisticsRoutes = new Hono<AppEnv>();

staffStatisticsRoutes.get("/statistics", async (c) => {
  const period = parseInput(StatisticsQuery, c.req.query());
  return c.json((await statisticsOf(c, period)) satisfies Statistics);
});

staffStatisticsRoutes.get("/statistics.csv", async (c) => {
  const { format, ...period } = parseInput(StatisticsCsvQuery, c.req.query());
  const stats = await statisticsOf(c, period);
  return c.body(toCsv(statisticsTable(stats), format), 200, {
    "Content-Type": "text/csv; charset=utf-8; header=present",
    "Content-Disposition": `attachment; filename="${csvFileName(stats)}"`,
  });
});

async function statisticsOf(c: Context<AppEnv>, period: { from: string; to: string }): Promise<Statistics> {
  const { locationId, timeZone } = c.var.staff;
  const facts = await loadStatisticsFacts(c.env.DB, locationId, period, daysWindow(period.from, period.to, timeZone));
  if (!facts) throw new AppError("unknown_location", "This office is not set up any more.");
  return computeStatistics(facts, period, timeZone);
}
