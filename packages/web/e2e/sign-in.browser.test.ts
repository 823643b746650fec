// Signing in to a Tinsel that has API keys and a user with a password, in a
// real Chromium: the page asked for is replaced by the sign-in form, a wrong
// password is refused aloud, the right one lands on the page asked for with
// its data, and signing out closes it again.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { ensureWebBuild } from '../src/build/ensure-web-build.ts';
import { browserSkipReason, SCREENSHOT_DIR } from './harness.ts';
import { launchChromium } from './launch-chromium.ts';
import { startSecuredServer, type SecuredServer } from './start-secured-server.ts';

describe('sign-in in the browser', { skip: browserSkipReason() }, () => {
  let server: SecuredServer;
  let context: BrowserContext;
  const pageErrors: string[] = [];
  const screenshot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

  before(async () => {
    await ensureWebBuild();
    server = await startSecuredServer();
    context = await launchChromium({ width: 1280, height: 800 });
    context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(error.message)));
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });
  after(async () => {
    await context?.close().catch(() => {});
    await server?.stop();
  });

  it('asks for a password, refuses a wrong one aloud, then opens the search asked for with its data, and signs out', async () => {
    const page = await context.newPage();
    const asked = '/search?q=status%3A%3E%3D500&from=-1h';
    await page.goto(`${server.baseUrl}${asked}`, { waitUntil: 'load' });

    const form = page.getByRole('form', { name: 'Sign in to Tinsel' });
    await form.waitFor();
    assert.equal(await page.getByRole('navigation', { name: 'Sections' }).count(), 0, 'no sections before signing in');
    assert.equal(await page.getByLabel('User name', { exact: true }).evaluate((el) => el === document.activeElement), true, 'the user name has the focus');
    // By keyboard alone: type, Tab, type, Enter.
    await page.keyboard.type(server.user.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type('not the password');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await page.waitForFunction(() => (document.querySelector('[role=alert]')?.textContent ?? '') !== '');
    assert.match(await alert.innerText(), /Sign-in failed: unknown user name or wrong password/);
    assert.equal(await alert.getAttribute('aria-live'), 'assertive');
    assert.equal(await page.getByLabel('Password', { exact: true }).getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('Password', { exact: true }).inputValue(), '', 'the wrong password is cleared');
    assert.equal(await page.getByLabel('Password', { exact: true }).evaluate((el) => el === document.activeElement), true, 'the password has the focus again');
    await screenshot(page, 'sign-in-wrong-password');
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await screenshot(page, 'sign-in-wrong-password-dark');
    await page.getByRole('button', { name: 'Switch to light theme' }).click();

    await page.getByLabel('Password', { exact: true }).fill(server.user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.results-row').first().waitFor();
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, asked, 'the address asked for is kept');
    assert.equal(await page.locator('.tql-input').inputValue(), 'status:>=500');
    const stats = await page.getByTestId('result-stats').innerText();
    assert.match(stats, new RegExp(`^${server.lines.errors} matches`), stats);
    assert.match(await page.getByTestId('signed-in').innerText(), /Signed in as\s+ana/);
    const cookies = await context.cookies(server.baseUrl);
    const session = cookies.find((c) => c.name === 'tinsel_session');
    assert.ok(session && session.httpOnly && session.sameSite === 'Strict', JSON.stringify(cookies));
    assert.ok(!session.value.includes(server.user.password));
    await screenshot(page, 'sign-in-search-signed-in');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await form.waitFor();
    assert.equal(await page.evaluate(async () => (await fetch('/api/stats')).status), 401);
    assert.equal((await context.cookies(server.baseUrl)).find((c) => c.name === 'tinsel_session'), undefined);
    assert.deepEqual(pageErrors, []);
  });

  it('offers an API key as the other way in, with a labelled field', async () => {
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/dashboards`, { waitUntil: 'load' });
    await page.getByRole('radio', { name: 'An API key' }).check();
    const field = page.getByLabel('API key', { exact: true });
    await field.waitFor();
    assert.equal(await field.getAttribute('type'), 'password');
    await field.fill('browser-ingest-key-0123456789abcdef');
    await page.keyboard.press('Enter');
    // An ingest key may sign in, but the dashboards need read: the page says so instead of asking again.
    await page.getByTestId('signed-in').waitFor();
    assert.match(await page.getByTestId('signed-in').innerText(), /shipper/);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('form', { name: 'Sign in to Tinsel' }).waitFor();
  });
});
