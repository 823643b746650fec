// Launches Debian's Chromium through playwright-core, headless and quiet
// (no first-run, sync or update traffic), with a fresh profile each time.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Where Debian's `chromium` package puts the browser. */
export const CHROMIUM_PATH = process.env.TINSEL_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Why browser tests cannot run here, or false when they can. In CI a missing
 * browser is a failure, not a skip: the test reports it instead of passing quietly.
 */
export function browserSkipReason(): string | false {
  if (existsSync(CHROMIUM_PATH)) return false;
  if (process.env.CI === 'true') return false;
  return `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`;
}

/** A headless Chromium with its own throw-away profile, as one browser context. */
export async function launchChromium(viewport = { width: 1440, height: 900 }): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`browser tests need Chromium at ${CHROMIUM_PATH}; .ci/run installs Debian's chromium package`);
  // Playwright takes the profile folder as a parameter and passes it as --user-data-dir.
  const profile = mkdtempSync(join(tmpdir(), 'tinsel-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
