import { Hono } from "hono";
import { BoardSearchBody, type BoardSearchResult } from "../../schemas/staff-search";
import { WeekQuery, type StaffWeek } from "../../schemas/staff-week";
import type { AppEnv } from "../context";
import { staffScopeOf } from "../scope";
import { searchBoard } from "../services/board-search";
import { staffWeek } from "../services/week";
import { jsonBody, parseInput } from "../validate";

/*
 * The staff board beyond its day (`GET …/board?day=` is in staff-queue.ts): the week at a glance and the
 * search across the office's bookings and requests. /api/staff/:office/… behind `requireStaff` (app.ts),
 * so every read is bounded by the signed-in member's office.
 */

export const staffBoardRoutes = new Hono<AppEnv>();

staffBoardRoutes.get("/week", async (c) => {
  const { day } = parseInput(WeekQuery, c.req.query());
  return c.json((await staffWeek(staffScopeOf(c), day)) satisfies StaffWeek);
});

/** The search text in a POST body, as the data subjects' search takes it: never in a URL that a log keeps. */
staffBoardRoutes.post("/search", async (c) => {
  const { query } = parseInput(BoardSearchBody, await jsonBody(c));
  return c.json((await searchBoard(staffScopeOf(c), query)) satisfies BoardSearchResult);
});
