// Debian's Chromium driven by playwright-core (never `npx playwright install`: it downloads
// a browser and fails offline). Each context gets a fresh profile directory, removed on close.
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { chromium, type BrowserContext } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The flags CI uses (issue 9): no sandbox in containers, no background traffic of its own. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A task pane in Excel is about this wide. */
export const PANE_VIEWPORT = { width: 350, height: 900 };

let available: boolean | undefined;

export function chromiumAvailable(): boolean {
  if (available === undefined) {
    const r = existsSync(CHROMIUM_PATH)
      ? spawnSync(CHROMIUM_PATH, ["--version"], { encoding: "utf8", timeout: 30000 })
      : null;
    available = r !== null && r.status === 0 && /chrom/i.test(r.stdout ?? "");
  }
  return available;
}

export interface PaneBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A browser with a fresh profile (--user-data-dir), downloads allowed. */
export async function launchPane(): Promise<PaneBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), "scrutiny-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    viewport: PANE_VIEWPORT,
    locale: "en-GB",
    timezoneId: "Europe/London",
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * describe() for tests that need Chromium: skipped with a message when it is missing
 * locally, a failing test when it is missing in CI (CI=true).
 */
export function describeWithChromium(name: string, fn: () => void): void {
  if (chromiumAvailable()) {
    describe(name, fn);
    return;
  }
  if (process.env.CI === "true") {
    describe(name, () => {
      test("Chromium is installed", () => {
        throw new Error(
          `Chromium is required in CI (CI=true) but ${CHROMIUM_PATH} --version failed`
        );
      });
    });
    return;
  }

  console.warn(`skipped "${name}": Chromium (${CHROMIUM_PATH}) is not installed`);
  describe.skip(name, fn);
}
