/*
 * `npm run i18n:check`: every catalog (a folder `…/i18n/…` with a German `de.ts`) against its
 * translations. Lists per catalog and language: keys missing or extra, placeholders that differ, plural
 * forms the language needs but lacks (fail), strings identical to German (listed), and who produced the
 * translation and whether a native speaker reviewed it. A catalog's `audience` says which languages it
 * must have: "residents" all six, "staff" German and English. Exit code 1 on any failing problem.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runnerImport } from "vite";
import type { Locale } from "../common/i18n/languages.ts";
import type { CatalogMeta } from "../common/i18n/check.ts";
import type { CatalogShape } from "../common/i18n/messages.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Folders holding a `de.ts` below an `i18n` folder, in kiosk/, worker/ and common/. */
export function catalogFolders(dir = root): string[] {
  const found: string[] = [];
  const visit = (folder: string) => {
    for (const name of readdirSync(folder)) {
      if (name === "node_modules" || name.startsWith(".") || name === "dist") continue;
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) visit(full);
      else if (name === "de.ts" && full.split(path.sep).includes("i18n")) found.push(folder);
    }
  };
  for (const top of ["kiosk", "worker", "common"]) visit(path.join(dir, top));
  return found.sort();
}

interface GermanModule {
  default: CatalogShape;
  audience: "residents" | "staff";
}
interface TranslationModule {
  default: unknown;
  meta?: CatalogMeta;
}

async function load<M>(file: string): Promise<M> {
  return (await runnerImport<M>(file)).module;
}

async function main(): Promise<void> {
  // Through Vite, as the project's modules import each other without file extensions.
  const { compareCatalog, FAILING } = await load<typeof import("../common/i18n/check.ts")>(path.join(root, "common/i18n/check.ts"));
  const { RESIDENT_LOCALES, STAFF_LOCALES } = await load<typeof import("../common/i18n/languages.ts")>(path.join(root, "common/i18n/languages.ts"));
  let failing = 0;
  const reviews: string[] = [];
  for (const folder of catalogFolders()) {
    const name = path.relative(root, folder);
    const german = await load<GermanModule>(path.join(folder, "de.ts"));
    const languages: readonly Locale[] = german.audience === "staff" ? STAFF_LOCALES : RESIDENT_LOCALES;
    console.log(`\n${name} (${german.audience})`);
    for (const problem of compareCatalog(german.default, german.default, "de")) {
      console.log(`  de  ${problem.kind.padEnd(12)} ${problem.key}: ${problem.detail}`);
      if (FAILING.has(problem.kind)) failing++;
    }
    for (const locale of languages.filter((l) => l !== "de")) {
      const file = path.join(folder, `${locale}.ts`);
      let translation: TranslationModule;
      try {
        translation = await load<TranslationModule>(file);
      } catch {
        console.log(`  ${locale}  missing      the whole catalog (${path.relative(root, file)})`);
        failing++;
        continue;
      }
      const problems = compareCatalog(german.default, translation.default, locale);
      const failed = problems.filter((p) => FAILING.has(p.kind));
      const identical = problems.filter((p) => p.kind === "identical");
      failing += failed.length;
      const review = translation.meta?.nativeReview ?? "not yet reviewed by a native speaker";
      console.log(`  ${locale}  ${failed.length === 0 ? "complete" : `${failed.length} problem(s)`}, ${identical.length} identical to German; by ${translation.meta?.producedBy ?? "?"}; review: ${review}`);
      for (const p of [...failed, ...identical]) console.log(`      ${p.kind.padEnd(12)} ${p.key}: ${p.detail}`);
      if (!translation.meta?.nativeReview && locale !== "en") reviews.push(`${name}/${locale}`);
    }
  }
  console.log(`\n${reviews.length} catalog(s) await a native speaker's review${reviews.length ? `: ${reviews.join(", ")}` : ""}.`);
  if (failing > 0) {
    console.error(`\ni18n:check: ${failing} problem(s) must be fixed.`);
    process.exitCode = 1;
  } else {
    console.log("\ni18n:check: every catalog complete.");
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
