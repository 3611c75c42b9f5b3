import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/*
 * Where the pages' code comes from: a surface (booking/, kiosk/, staff/, …) imports its own folder,
 * kiosk/shared/ (what two surfaces share), common/ (what the pages share with the Worker) and schemas/
 * (types); never another surface's folder, and nothing of worker/. kiosk/shared/ imports no surface.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const kiosk = path.join(root, "kiosk");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The relative imports of a source, as paths from the repository's root (`kiosk/shared/api`). */
function imports(file: string, text: string): string[] {
  return [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+"(\.{1,2}\/[^"]+)"|^import\s+"(\.{1,2}\/[^"]+)"/gm)].map((m) =>
    path.relative(root, path.resolve(path.dirname(file), m[1] ?? m[2]!)).split(path.sep).join("/"),
  );
}

/** What a file under kiosk/ may import, by the folder it is in. */
function offence(from: string, target: string): boolean {
  const [top, place] = from.split("/");
  const [targetTop, targetPlace] = target.split("/");
  if (targetTop === "common" || targetTop === "schemas") return false;
  if (targetTop !== "kiosk" || top !== "kiosk") return true;
  return targetPlace !== place && targetPlace !== "shared";
}

function offences(file: string, text: string): string[] {
  const from = path.relative(root, file).split(path.sep).join("/");
  return imports(file, text)
    .filter((target) => offence(from, target))
    .map((target) => `${from} → ${target}`);
}

describe("the pages' imports", () => {
  it("each surface imports its own folder, kiosk/shared, common and schemas only", () => {
    expect(sources(kiosk).flatMap((file) => offences(file, readFileSync(file, "utf8")))).toEqual([]);
  });

  it("finds what it forbids (the check itself works)", () => {
    const file = path.join(kiosk, "display/store.ts");
    const text = [
      'import { PAIRING_CODE_LENGTH } from "../kiosk/keypad";',
      'import { localDate } from "../../worker/domain/time";',
      'import { ApiError } from "../shared/api";',
      'import { LIVE_CHANGES } from "../../common/limits";',
      'import "./display.css";',
    ].join("\n");
    expect(offences(file, text)).toEqual(["kiosk/display/store.ts → kiosk/kiosk/keypad", "kiosk/display/store.ts → worker/domain/time"]);
    expect(offences(path.join(kiosk, "shared/Forms.tsx"), 'import type { Details } from "../booking/flow";')).toEqual([
      "kiosk/shared/Forms.tsx → kiosk/booking/flow",
    ]);
  });
});
