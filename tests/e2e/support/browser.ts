import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { expect } from "vitest";

/*
 * Debian's Chromium driven by playwright-core (scripts/chromium.ts: where it is, how it starts), and
 * axe-core run inside the page for WCAG 2.1 AA checks.
 */

export { chromiumPath, launchChromium } from "../../../scripts/chromium";

/** Collects what the page reports as broken: script errors, failed requests, CSP violations. */
export function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("requestfailed", (request) => {
    // A request the page cancelled itself (a reload, a superseded fetch) is no failure.
    if (request.failure()?.errorText === "net::ERR_ABORTED") return;
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  return problems;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core with the WCAG 2.1 A and AA rules on the page as it is now and fails with a readable
 * list of violations. axe is evaluated through DevTools, not a script tag, so the page's CSP stays on.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  const report = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(report).toEqual([]);
}

/** The element that has the keyboard focus, described well enough to recognise a control by. */
export interface Focused {
  tag: string;
  id: string;
  type: string;
  /** The accessible name as far as the tests need it: aria-label, the label's text, or the text. */
  name: string;
  checked: boolean;
}

export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const input = el as HTMLInputElement | null;
    const label = input?.labels?.[0]?.textContent ?? "";
    const name = el?.getAttribute("aria-label") || label || el?.textContent || "";
    return {
      tag: el?.tagName.toLowerCase() ?? "",
      id: el?.id ?? "",
      type: input?.type ?? "",
      name: name.replace(/\s+/g, " ").trim(),
      checked: !!input?.checked,
    };
  });
}

/**
 * Moves the focus with Tab (Shift+Tab when `backwards`) until `matches` holds for the focused element,
 * as a keyboard user would; fails after `limit` presses.
 */
export async function tabTo(
  page: Page,
  matches: (f: Focused) => boolean,
  { backwards = false, limit = 80 }: { backwards?: boolean; limit?: number } = {},
): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    const f = await focused(page);
    if (matches(f)) return f;
    seen.push(`${f.tag}#${f.id} "${f.name.slice(0, 40)}"`);
  }
  throw new Error(`No matching element within ${limit} presses of Tab. Focus went through:\n  ${seen.join("\n  ")}`);
}

/** How far the page is wider than the screen, in CSS pixels (0: no sideways scrolling). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
