import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/*
 * `npm run backup -- --local` without a local database (the app never started, or SPRECHSTUNDE_STATE
 * mistyped): a clear message, exit 1, and no empty backup file or `backups/` folder left behind.
 */

const root = fileURLToPath(new URL("../../", import.meta.url));
const backups = path.join(root, "backups");
const listing = () => (existsSync(backups) ? readdirSync(backups).sort() : null);

describe("npm run backup -- --local", () => {
  it("refuses a state folder without a database, says what to do and leaves nothing behind", () => {
    const parent = mkdtempSync(path.join(tmpdir(), "sprechstunde-no-state-"));
    const state = path.join(parent, "state");
    const before = listing();
    try {
      const run = spawnSync(process.execPath, [path.join(root, "scripts/backup.ts"), "--local"], {
        env: { ...process.env, SPRECHSTUNDE_STATE: state },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`There is no local database in ${state}.`);
      expect(run.stderr).toContain("npm start");
      expect(listing()).toEqual(before);
      expect(existsSync(state)).toBe(false);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
