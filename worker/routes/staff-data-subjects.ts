import { Hono, type Context } from "hono";
import { z } from "zod";
import { DataSubjectRecord, DataSubjectSearch, DataSubjectSelection } from "../../schemas/data-subjects";
import type { AppEnv } from "../context";
import { staffScopeOf } from "../scope";
import { recordPage } from "../services/data-subjects-page";
import { erasePerson, personRecord, searchPerson } from "../services/data-subjects";
import { jsonBody, parseInput } from "../validate";

/*
 * Requests of data subjects for admins: /api/staff/:office/admin/data-subjects… (requireStaff and
 * requireAdmin are mounted once in app.ts; every read is bounded by the signed-in admin's office).
 * The search text comes in a POST body; views and exports name the chosen rows by id in the query
 * (`?booking=…&mail=…`), so a link to the printable page says nothing about the person.
 */

export const staffDataSubjectRoutes = new Hono<AppEnv>();

staffDataSubjectRoutes.post("/admin/data-subjects/search", async (c) => {
  const { query } = parseInput(DataSubjectSearch, await jsonBody(c));
  return c.json(await searchPerson(staffScopeOf(c), query));
});

staffDataSubjectRoutes.get("/admin/data-subjects/record", async (c) => c.json(await personRecord(staffScopeOf(c), selectionOf(c), "view")));

staffDataSubjectRoutes.get("/admin/data-subjects/export.json", async (c) => {
  const record = await personRecord(staffScopeOf(c), selectionOf(c), "export_json");
  return c.body(JSON.stringify(record, null, 2), 200, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Disposition": `attachment; filename="auskunft-${record.generatedAt.slice(0, 10)}.json"`,
  });
});

/** The JSON Schema of the export file, for whoever reads it with other tools. */
staffDataSubjectRoutes.get("/admin/data-subjects/export.schema.json", (c) => c.json(z.toJSONSchema(DataSubjectRecord)));

staffDataSubjectRoutes.get("/admin/data-subjects/export.html", async (c) => {
  const record = await personRecord(staffScopeOf(c), selectionOf(c), "export_html");
  return c.html(recordPage(record));
});

staffDataSubjectRoutes.post("/admin/data-subjects/erase", async (c) => {
  const selection = parseInput(DataSubjectSelection, await jsonBody(c));
  return c.json(await erasePerson(staffScopeOf(c), selection));
});

/** `?booking=…&mail=…` (each repeated) as a selection; any other parameter is refused by the schema. */
function selectionOf(c: Context<AppEnv>): DataSubjectSelection {
  const params = new URL(c.req.url).searchParams;
  const input: Record<string, string[]> = {};
  for (const key of new Set(params.keys())) {
    const name = key === "booking" ? "bookings" : key === "mail" ? "mails" : key;
    input[name] = params.getAll(key);
  }
  return parseInput(DataSubjectSelection, input);
}
