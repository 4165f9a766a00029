// Headless Chromium for the suites that look at pages (explorer, documents, partner portal): one
// binary, one set of flags, one fresh profile per browser, removed when the browser closes.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { chromium } from "playwright-core";

/** Where CI installs Chromium (apt-get install chromium). */
export const CHROMIUM = "/usr/bin/chromium";

/** CI installs Chromium, so there a missing browser fails; elsewhere the browser suites are skipped. */
export const haveChromium = existsSync(CHROMIUM);

/** Where the browser suites keep their screenshots and files. */
export const ARTIFACTS = join(__dirname, "..", "artifacts");

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** What a browser suite chooses: the window, default headers, downloads. */
export type BrowserOptions = Pick<
  NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>,
  "viewport" | "extraHTTPHeaders" | "acceptDownloads"
>;

export interface OpenBrowser {
  context: BrowserContext;
  /** The first tab. */
  page: Page;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** Starts headless Chromium with a fresh profile and returns it with its first tab. */
export async function openChromium(options: BrowserOptions): Promise<OpenBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), "itsm-chromium-"));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      ...options,
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    return {
      context,
      page,
      async close() {
        try {
          await context.close();
        } finally {
          rmSync(userDataDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
