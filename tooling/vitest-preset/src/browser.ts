import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";

export type { Browser, BrowserContext, Page } from "playwright-core";

/** Debian's Chromium (`apt-get install -y chromium`); playwright never downloads a browser here. */
export const CHROMIUM_PATH = process.env.GHES_OAUTH_CHROMIUM ?? "/usr/bin/chromium";

/** Flags for a quiet, private headless run: no sandbox (root in CI), no GPU, no network of its own. */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export interface TestBrowser {
  readonly browser: Browser;
  close(): Promise<void>;
}

/**
 * Launches Debian's Chromium; playwright gives every launch a fresh temporary profile (its own
 * `--user-data-dir`) and removes it on close. Fails with the command that installs Chromium when it is
 * missing (tooling/bootstrap.sh installs it when it can).
 */
export async function launchChromium(): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\` (as root), or set GHES_OAUTH_CHROMIUM to its executable`,
    );
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  return { browser, close: () => browser.close() };
}

/**
 * Saves a screenshot of `page` as `<package>/test-output/screenshots/<name>.png` (ignored by git): what a
 * person would see, kept for looking at after the run.
 */
export async function saveScreenshot(page: Page, testFileUrl: string, name: string): Promise<string> {
  const packageDir = join(dirname(fileURLToPath(testFileUrl)), "..");
  const folder = join(packageDir, "test-output", "screenshots");
  await mkdir(folder, { recursive: true });
  const path = join(folder, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
