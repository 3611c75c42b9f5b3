/*
 * Debian's Chromium driven by playwright-core (`npx playwright install` cannot download browsers
 * here): for the browser tests (tests/e2e/support/browser.ts) and the bench's layout-shift runs.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];

export function chromiumPath(): string {
  const found = CANDIDATES.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      "Chromium was not found, so the browser tests cannot run.\n" +
        "  Debian/Ubuntu:  sudo apt-get install -y chromium\n" +
        "  elsewhere:      install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chromium",
    );
  }
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      // Prefers German, as the office's PCs do: pages that start in the browser's language (the staff
      // board, the residents' pages) start in German. A test of another language sets its context's
      // `locale` ("tr-TR"), which wins over this.
      "--accept-lang=de-DE,de",
    ],
  });
}
