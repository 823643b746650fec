// The browser-test harness: the UI built once, a Tinsel filled by the
// simulator, and a headless Chromium pointed at it. Browser tests are files
// named *.browser.test.ts; they skip only when Chromium is missing outside CI.
//
// @example
// const reason = browserSkipReason();
// describe('search', { skip: reason }, () => {
//   let h: BrowserHarness;
//   before(async () => (h = await startBrowserHarness()));
//   after(() => h?.close());
//   it('lists 5xx', async () => { const page = await h.open('/search?q=status:>=500'); … await h.screenshot(page, 'search'); });
// });
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ensureWebBuild, webRoot } from '../src/build/ensure-web-build.ts';
import { launchChromium } from './launch-chromium.ts';
import { startDemoServer, type DemoOptions, type DemoServer } from './start-demo-server.ts';

export { browserSkipReason, CHROMIUM_PATH } from './launch-chromium.ts';

/** Where screenshots are saved (git-ignored): `<repo>/.artifacts/screenshots/`. */
export const SCREENSHOT_DIR = join(webRoot, '..', '..', '.artifacts', 'screenshots');

export interface BrowserHarness {
  /** The Tinsel serving the UI and the API, e.g. `http://127.0.0.1:41234`. */
  baseUrl: string;
  /** Trace ids the demo printed as worth a look, by status: `500`, `504`, `460`. */
  storyIds: Record<string, string>;
  demo: DemoServer;
  context: BrowserContext;
  /** Errors thrown in any page, and console errors; a test can assert there are none. */
  pageErrors: string[];
  /** Opens a new tab at a UI path (`/search?q=…`) and waits for it to load. */
  open(path: string): Promise<Page>;
  /** Saves a full-page PNG as `<name>.png` in SCREENSHOT_DIR and returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Builds the UI when stale, starts `tinsel demo` on a temporary data folder
 * and ephemeral ports (backfilled with incidents), and launches Chromium.
 */
export async function startBrowserHarness(options: DemoOptions & { viewport?: { width: number; height: number } } = {}): Promise<BrowserHarness> {
  await ensureWebBuild();
  const dir = mkdtempSync(join(tmpdir(), 'tinsel-browser-'));
  const demo = await startDemoServer(join(dir, 'data'), options);
  let context: BrowserContext;
  try {
    context = await launchChromium(options.viewport);
  } catch (error) {
    await demo.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const pageErrors: string[] = [];
  context.on('page', (page) => watchErrors(page, pageErrors));
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    baseUrl: demo.baseUrl,
    storyIds: demo.storyIds,
    demo,
    context,
    pageErrors,
    async open(path) {
      const page = await context.newPage();
      await page.goto(`${demo.baseUrl}${path}`, { waitUntil: 'load' });
      return page;
    },
    async screenshot(page, name) {
      const file = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await context.close().catch(() => {});
      await demo.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function watchErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: console: ${message.text()}`);
  });
}

