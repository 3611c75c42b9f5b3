import { readFileSync, readdirSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import { accountCheckSql, accountSql, signInUrl } from "../../scripts/sign-in-links.ts";

/*
 * `npm run staff -- add …` (scripts/sign-in-links.ts accountSql) against the real schema in SQLite, the
 * engine under D1: an existing account keeps its role unless one is given, and the office's last active
 * admin is never demoted, as the Worker's upsertStaff guarantees for the admin panel.
 */

const NOW = new Date("2026-11-30T08:00:00.000Z");

function database(): DatabaseSync {
  const db = new DatabaseSync(":memory:");
  const dir = new URL("../../schemas/migrations/", import.meta.url);
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".sql")).sort()) db.exec(readFileSync(new URL(file, dir), "utf8"));
  db.exec(`INSERT INTO locations (slug, name, short_name, street, city, phone, email) VALUES
    ('kempten-ost', 'Zukunft Kempten-Ost', 'Kempten-Ost', 'Anton-Fehr-Str. 6', 'Kempten', '0', 'a@example.org'),
    ('other', 'Anderes Büro', 'Anderes', 'Weg 1', 'Kempten', '0', 'b@example.org')`);
  return db;
}

function add(db: DatabaseSync, email: string, role: "staff" | "admin" | null, locationSlug = "kempten-ost") {
  db.exec(accountSql({ email, name: `Name ${email}`, role, locationSlug, now: NOW }));
  return db.prepare(accountCheckSql(email)).get() as { role: string; active: number; slug: string; name: string };
}

describe("npm run staff -- add", () => {
  it("creates a staff account unless --admin is given", () => {
    const db = database();
    expect(add(db, "a@example.org", null)).toMatchObject({ role: "staff", active: 1, slug: "kempten-ost" });
    expect(add(db, "b@example.org", "admin")).toMatchObject({ role: "admin", active: 1 });
  });

  it("keeps the role of an existing account when none is given (the last admin stays an admin)", () => {
    const db = database();
    add(db, "chef@example.org", "admin");
    expect(add(db, "chef@example.org", null)).toMatchObject({ role: "admin", active: 1 });
    add(db, "kollegin@example.org", "staff");
    expect(add(db, "kollegin@example.org", null)).toMatchObject({ role: "staff" });
  });

  it("refuses to demote the office's last active admin with --staff, and demotes one when another admin remains", () => {
    const db = database();
    add(db, "chef@example.org", "admin");
    expect(add(db, "chef@example.org", "staff")).toMatchObject({ role: "admin", active: 1, name: "Name chef@example.org" });
    add(db, "zweite@example.org", "admin");
    expect(add(db, "chef@example.org", "staff")).toMatchObject({ role: "staff" });
    // Now zweite@ is the last admin; a deactivated admin does not count.
    db.exec("UPDATE staff SET active = 0, role = 'admin' WHERE email = 'chef@example.org'");
    expect(add(db, "zweite@example.org", "staff")).toMatchObject({ role: "admin" });
  });

  it("reactivates a deactivated account with its role, and leaves another office's account alone", () => {
    const db = database();
    add(db, "chef@example.org", "admin");
    add(db, "alt@example.org", "admin");
    db.exec("UPDATE staff SET active = 0 WHERE email = 'alt@example.org'");
    expect(add(db, "alt@example.org", null)).toMatchObject({ role: "admin", active: 1 });
    expect(add(db, "alt@example.org", "staff", "other")).toMatchObject({ role: "admin", slug: "kempten-ost" });
  });
});

describe("sign-in links printed by the CLI", () => {
  it("point at the staff board with the token in the fragment, as the mailed ones do", () => {
    expect(signInUrl("https://termine.example.org/", "abc")).toBe("https://termine.example.org/staff#link=abc");
    expect(signInUrl("http://localhost:8787", "abc")).toBe("http://localhost:8787/staff#link=abc");
  });
});
