import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseAst } from "vite";

/*
 * Every piece of SQL text written in the data layer (worker/db/*.ts), read with the TypeScript parser
 * Vite ships, for the query-plan test (tests/db/query-plans.test.ts): vitest.config.ts hands the list to
 * workerd as the binding TEST_DB_SQL, since workerd has neither the files nor the parser. Read from the
 * sources, not from a hand-kept list, so a query added later is checked without anyone remembering to.
 */

/** A string or template literal of worker/db that holds SQL (a keyword of a statement or clause). */
export interface DbSqlLiteral {
  /** e.g. `worker/db/bookings.ts`. */
  file: string;
  line: number;
  /** The top-level declaration it is written in: a function's or a constant's name. */
  owner: string;
  /** The constant it initialises (`const selectBooking = \`…\``), wherever it is declared; else null. */
  binding: string | null;
  /** Its own text, cut where a template puts a value in, white space folded. */
  parts: string[];
  /** The names a template puts in as `${name}` (other expressions are not followed). */
  names: string[];
}

const SQL_WORD = /\b(SELECT|INSERT|UPDATE|DELETE|FROM|JOIN|WHERE)\b/;

type Node = { type?: string; start?: number; [key: string]: unknown };

/** The name a top-level statement declares (a function, a constant, an exported one), else its kind. */
function declared(statement: Node): string {
  const inner = (statement.type === "ExportNamedDeclaration" || statement.type === "ExportDefaultDeclaration"
    ? (statement.declaration as Node | null)
    : statement) ?? statement;
  const id = (inner.id as { name?: string } | undefined)?.name;
  if (id) return id;
  const first = (inner.declarations as { id?: { name?: string } }[] | undefined)?.[0];
  return first?.id?.name ?? inner.type ?? "?";
}

export function dbSqlLiterals(root: string): DbSqlLiteral[] {
  const folder = path.join(root, "worker/db");
  const found: DbSqlLiteral[] = [];
  for (const name of readdirSync(folder).filter((n) => n.endsWith(".ts")).sort()) {
    const file = `worker/db/${name}`;
    const text = readFileSync(path.join(root, file), "utf8");
    const lineOf = (offset: number) => text.slice(0, offset).split("\n").length;
    const ast = parseAst(text, { lang: "ts" }, file) as unknown as { body: Node[] };
    for (const statement of ast.body) {
      const owner = declared(statement);
      const visit = (node: unknown, binding: string | null): void => {
        if (Array.isArray(node)) return node.forEach((n) => visit(n, null));
        if (!node || typeof node !== "object") return;
        const n = node as Node;
        let parts: string[] | null = null;
        let names: string[] = [];
        if (n.type === "TemplateLiteral") {
          parts = (n.quasis as { value: { cooked: string | null; raw: string } }[]).map((q) => q.value.cooked ?? q.value.raw);
          names = (n.expressions as Node[]).flatMap((e) => (e.type === "Identifier" ? [e.name as string] : []));
        } else if ((n.type === "Literal" || n.type === "StringLiteral") && typeof n.value === "string") {
          parts = [n.value];
        }
        if (parts) {
          const folded = parts.map((p) => p.replace(/\s+/g, " ").trim());
          if (SQL_WORD.test(folded.join(" "))) found.push({ file, line: lineOf(n.start ?? 0), owner, binding, parts: folded, names });
        }
        for (const [key, value] of Object.entries(n)) {
          if (!value || typeof value !== "object") continue;
          // A constant's initialiser: remember its name, so `${name}` elsewhere can be followed to it.
          const bindingOf = n.type === "VariableDeclarator" && key === "init" ? ((n.id as { name?: string }).name ?? null) : null;
          visit(value, bindingOf);
        }
      };
      visit(statement, null);
    }
  }
  return found;
}
