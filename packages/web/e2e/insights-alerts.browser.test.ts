// The Insights and Alerts pages in a real Chromium against a demo Tinsel
// whose bad deploy is still going on: detection runs every 5 s (tinsel.yaml
// below), so the incident opens within seconds of the start, and a rule on
// 5xx by app version fires. The incident is followed to its causes, a
// sample request's story and Search; an alert is silenced and the silence ended.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkipReason, startBrowserHarness, type BrowserHarness } from './harness.ts';

const CONFIG = `insights:
  interval: 5s
  historyMinutes: 10
  sameHourDays: 0
alerts:
  rules:
    - name: deploy-5xx
      query: 'status:5xx | stats count() by app_version'
      condition: "> 0"
      window: 5m
      for: 0s
    - name: teapots
      query: 'status:418 | stats count()'
      condition: "> 100"
      window: 5m
`;

async function switchTheme(page: Page, theme: 'dark' | 'light'): Promise<void> {
  const toggle = page.getByRole('button', { name: `Switch to ${theme} theme` });
  if ((await toggle.count()) > 0) await toggle.click();
  await page.waitForFunction((wanted) => document.documentElement.dataset.theme === wanted, theme);
}

/**
 * Waits until detection has opened the errors incident of the bad deploy (the
 * first cycle runs 5 s after the start). The demo's hourly incident cycle may
 * have another incident going at the same time, so the family is checked.
 */
async function errorsIncident(baseUrl: string): Promise<string> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const answer = (await (await fetch(`${baseUrl}/api/insights?status=open`)).json()) as { incidents: { id: string; family: string }[] };
    const found = answer.incidents.find((i) => i.family === 'errors');
    if (found) return found.id;
    if (Date.now() > deadline) throw new Error(`no errors incident opened within 90 s: ${JSON.stringify(answer)}`);
    await new Promise((wake) => setTimeout(wake, 1000));
  }
}

describe('insights and alerts in the browser', { skip: browserSkipReason() }, () => {
  let h: BrowserHarness;
  let incidentId = '';

  before(async () => {
    h = await startBrowserHarness({ backfill: '15m', incidents: ['bad-deploy@-3m/20m'], configYaml: CONFIG });
    incidentId = await errorsIncident(h.baseUrl);
  });
  after(async () => {
    await h?.close();
  });

  it('lists the open incident, highlighted, with its impact and cause, and counts it in the navigation', async () => {
    const page = await h.open('/insights');
    await switchTheme(page, 'light');
    const row = page.locator(`[data-incident-id="${incidentId}"]`);
    await row.waitFor();
    assert.equal(await row.getAttribute('class'), 'incident-open');
    const text = await row.innerText();
    assert.match(text, /5xx errors/);
    assert.match(text, /\b[a-z_]+:\S+/, 'the top cause is named as a filter');
    assert.match(text, /\d+ \/ [\d,]+ \(/, 'bad requests out of all');
    assert.match(await page.locator('.nav-badge').innerText(), /^[1-9]\d*$/);
    await page.getByLabel('Status').selectOption('resolved');
    await page.waitForURL(/status=resolved/);
    await page.getByText(/No resolved incidents in this range/).waitFor();
    await page.goBack();
    await row.waitFor();
    await h.screenshot(page, 'insights-list');
    await switchTheme(page, 'dark');
    await h.screenshot(page, 'insights-list-dark');
    await switchTheme(page, 'light');
  });

  it('opens the incident: causes ranked with their shares, signals, impact, and a sample request’s story', async () => {
    const page = await h.open('/insights?from=-6h');
    await page.locator(`[data-incident-id="${incidentId}"] a`).click();
    await page.waitForURL(new RegExp(`/insights/${incidentId}\\?from=-6h$`));
    await page.getByRole('heading', { name: 'Likely causes' }).waitFor();
    const top = page.locator('.candidate.top');
    assert.match(await top.innerText(), /\b[a-z_]+:\S+\s+lift/);
    assert.equal(await top.getByRole('img', { name: /of bad requests: \d/ }).count(), 1, 'the bad-share bar is labelled');
    assert.ok((await page.locator('.signals-table tbody tr').count()) >= 1);
    assert.match(await page.locator('.signals-table').innerText(), /5xx from targets/);
    assert.ok((await page.locator('.tenant-list li').count()) >= 1, 'tenants hit are listed');
    assert.match(await page.locator('.incident-timeline').innerText(), /opened/);
    const search = new URL((await page.getByRole('link', { name: 'Bad requests with the top cause in Search' }).getAttribute('href'))!, h.baseUrl);
    assert.match(search.searchParams.get('q') ?? '', /^status:5xx [a-z_]+:\S+/);
    // The bad deploy's version is among the candidates whatever else the demo's hourly incident adds.
    assert.match(await page.locator('.candidates').innerText(), /app_version:4\.\d+\.\d+/);
    assert.ok(Date.parse(search.searchParams.get('from') ?? '') > 0);
    assert.match((await page.getByRole('link', { name: 'Dashboards by app_version' }).first().getAttribute('href')) ?? '', /^\/dashboards\?.*by=app_version/);
    assert.match(await page.locator('.incident-facts').innerText(), /5xx errors/);
    await h.screenshot(page, 'insights-incident');
    await switchTheme(page, 'dark');
    await h.screenshot(page, 'insights-incident-dark');
    await switchTheme(page, 'light');

    const samples = page.locator('.sample-list a');
    assert.ok((await samples.count()) >= 1, 'sample requests are listed');
    await samples.first().click();
    await page.waitForURL(/\/story\/[0-9a-f]{32}$/);
    await page.getByTestId('story-ready').waitFor();
    assert.ok((await page.getByTestId('story-classification').innerText()).length > 0, 'the story says how the request ended');

    await page.goBack();
    await page.getByRole('link', { name: 'Bad requests with the top cause in Search' }).click();
    await page.waitForURL(/\/search\?/);
    await page.locator('a[href^="/story/"]').first().waitFor();
  });

  it('shows the firing rule and its alert, silences it from its labels, and ends the silence', async () => {
    const page = await h.open('/alerts');
    const rule = page.locator('[data-rule="deploy-5xx"]');
    await rule.waitFor();
    assert.match(await rule.locator('.badge').first().innerText(), /firing/);
    assert.match(await rule.locator('.alerts-table').innerText(), /app_version=4\.\d+\.\d+/);
    assert.match(await page.locator('[data-rule="teapots"] .badge').first().innerText(), /ok/);
    assert.equal(await page.locator('.rule').first().getAttribute('data-rule'), 'deploy-5xx', 'firing rules come first');
    await h.screenshot(page, 'alerts');

    await rule.getByRole('button', { name: /^Silence deploy-5xx/ }).first().click();
    await page.waitForURL(/silence=deploy-5xx/);
    const form = page.getByRole('form', { name: 'New silence' });
    await form.getByLabel('Comment', { exact: true }).fill('rolling back the deploy');
    await form.getByLabel('For', { exact: true }).fill('1h');
    await switchTheme(page, 'dark');
    await h.screenshot(page, 'alerts-silence-form-dark');
    await form.getByRole('button', { name: 'Create silence' }).click();
    await page.waitForURL((url) => !url.searchParams.has('silence'));
    const silence = page.locator('[data-silence-id]');
    await silence.waitFor();
    assert.match(await silence.innerText(), /rule deploy-5xx, app_version=4\.\d+\.\d+/);
    assert.match(await silence.innerText(), /rolling back the deploy/);
    assert.match(await rule.locator('.alerts-table tbody tr').first().innerText(), /silenced/, 'the alert shows as silenced');
    await h.screenshot(page, 'alerts-silenced-dark');
    await switchTheme(page, 'light');

    await silence.getByRole('button', { name: /^End the silence/ }).click();
    await page.getByText('No active silence.', { exact: false }).waitFor();

    // A rule added through the form shows up as added through the API, and can be deleted.
    await page.getByText('New alert rule', { exact: true }).click();
    const ruleForm = page.getByRole('form', { name: 'New alert rule' });
    await ruleForm.getByLabel('Name').fill('checkout-any-5xx');
    await ruleForm.getByLabel('Query').fill('status:5xx');
    await ruleForm.getByRole('button', { name: 'Add rule' }).click();
    assert.match(await ruleForm.getByRole('alert').innerText(), /Query: a TQL query ending in \| stats/);
    await ruleForm.getByLabel('Query').fill('status:5xx path:/checkout | stats count()');
    await ruleForm.getByLabel('Condition').fill('> 0');
    await ruleForm.getByRole('button', { name: 'Add rule' }).click();
    const added = page.locator('[data-rule="checkout-any-5xx"]');
    await added.waitFor();
    assert.match(await added.innerText(), /added through the API/);
    await page.getByText('New alert rule', { exact: true }).click();
    await h.screenshot(page, 'alerts-rule-added');
    await added.getByRole('button', { name: 'Delete the rule checkout-any-5xx' }).click();
    await added.waitFor({ state: 'detached' });
    assert.deepEqual(h.pageErrors, [], 'no page threw or logged an error');
  });
});
