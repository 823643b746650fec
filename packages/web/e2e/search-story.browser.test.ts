// Search → story → trace → dashboards in a real Chromium against a Tinsel
// filled by the simulator (a bad deploy throwing 500s, hung targets giving 504s).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkipReason, startBrowserHarness, type BrowserHarness } from './harness.ts';

const ignoredConsole = /status of 400/;

async function search(page: Page, query: string): Promise<void> {
  await page.getByLabel('Query (TQL)').fill(query);
  await page.getByLabel('Query (TQL)').press('Enter');
}

describe('search and request story in the browser', { skip: browserSkipReason() }, () => {
  let h: BrowserHarness;

  before(async () => {
    h = await startBrowserHarness();
  });
  after(async () => {
    await h?.close();
  });

  it('searches for 5xx, narrows by a sidebar value, and opens a row and its story with spans and logs', async () => {
    // The demo's printed 500 is one the app failed for good; another 500 may have been retried into a success.
    const failed = h.storyIds['500'];
    assert.ok(failed, `the demo printed a 500 to open:\n${h.demo.output()}`);
    const page = await h.open('/search');
    await search(page, `status:5xx trace:${failed}`);
    await page.getByTestId('query-explanation').waitFor();
    assert.match(await page.getByTestId('query-explanation').innerText(), /5xx/);
    await page.locator('.results-row').first().waitFor();
    assert.match(page.url(), /q=status%3A5xx/);
    await h.screenshot(page, 'search-5xx');

    // Filter in target_status_code 500 from the sidebar: the query is edited and run again.
    await page.getByRole('button', { name: 'target_status_code', exact: true }).click();
    await page.getByRole('button', { name: 'Filter for target_status_code 500' }).click();
    await page.waitForURL(/target_status_code%3A500/);
    assert.equal(await page.getByLabel('Query (TQL)').inputValue(), `status:5xx trace:${failed} target_status_code:500`);
    await page.locator('.results-row .status.error', { hasText: '500' }).first().waitFor();

    await page.locator('.results-row').first().click();
    await page.getByTestId('row-detail').waitFor();
    assert.match(await page.getByTestId('row-detail').innerText(), /elb_status_code\s+500/);
    await h.screenshot(page, 'search-row-detail');

    await page.getByTestId('row-detail').getByRole('link', { name: 'Open story' }).click();
    await page.getByTestId('story-ready').waitFor();
    assert.match(page.url(), /\/story\/[0-9a-f]{32}$/);
    assert.equal(await page.getByTestId('story-classification').innerText(), 'Failed in the app');
    assert.ok((await page.getByTestId('story-span').count()) >= 2, 'the story shows the root span and its calls');
    assert.ok((await page.getByTestId('story-log').count()) >= 1, 'the story shows the log lines');
    assert.equal(await page.getByTestId('story-phases').count(), 1);
    await page.getByTestId('story-log').filter({ hasText: 'Unhandled exception' }).first().getByRole('button').click();
    // Which 500 is newest follows the clock: a bad deploy's or a latent bug's; each has a .NET exception with its stack.
    assert.match(await page.locator('.exception-stack').first().innerText(), /^System\.\w+Exception: .+\n +at /);
    assert.match(await page.getByRole('definition').filter({ hasText: /^4\.\d+\.\d+$/ }).first().innerText(), /^4\./, 'the enrichment header names the app version');
    await h.screenshot(page, 'story-500');
  });

  it('follows the story to the trace view and to the dashboards', async () => {
    const id = h.storyIds['500'];
    assert.ok(id, `the demo printed a 500 to open:\n${h.demo.output()}`);
    const page = await h.open(`/story/${id}`);
    await page.getByTestId('story-ready').waitFor();
    await page.getByTestId('link-trace').click();
    await page.waitForURL(/\/traces\/[0-9a-f]{32}/);
    await page.locator('#main').getByText(/trace/i).first().waitFor();
    await page.waitForTimeout(1500);
    await h.screenshot(page, 'trace-from-story');
    await page.goBack();
    await page.getByTestId('story-ready').waitFor();
    await page.getByTestId('link-dashboards').click();
    await page.waitForURL(/\/dashboards\?from=/);
    await page.waitForTimeout(1500);
    await h.screenshot(page, 'dashboards-from-story');
  });

  it('shows a request that died at the load balancer, in the dark theme', async () => {
    const id = h.storyIds['504'];
    assert.ok(id, `the demo printed a 504 to open:\n${h.demo.output()}`);
    const page = await h.open(`/story/${id}`);
    await page.getByTestId('story-ready').waitFor();
    assert.equal(await page.getByTestId('story-classification').innerText(), 'Died at the load balancer');
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    await h.screenshot(page, 'story-504-dark');
  });

  it('shows a bad query\'s error at the column the API names', async () => {
    const page = await h.open('/search');
    const query = 'status:>=500 AND (tenant:';
    await search(page, query);
    const error = page.getByTestId('query-error');
    await error.waitFor();
    const answer = await page.evaluate(async (q) => (await fetch('/api/query', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q, signal: 'requests' }) })).json(), query);
    assert.equal(answer.error, 'TINSEL_ERR_QUERY_PARSE');
    assert.equal(await error.getAttribute('data-column'), String(answer.column));
    const caret = (await error.locator('.error-caret').innerText()).split('\n')[1]!;
    assert.equal(caret.indexOf('^') + 1, answer.column);
    assert.equal(answer.column, query.length + 1, 'the error is at the end, where a value is missing');
    assert.match(await error.innerText(), new RegExp(`Column ${answer.column}`));
    await h.screenshot(page, 'search-bad-query');
  });

  it('opens a story from a pasted id with Ctrl+K', async () => {
    const id = h.storyIds['500']!;
    const page = await h.open('/search');
    await page.locator('.results-row').first().waitFor();
    await page.keyboard.press('Control+K');
    await page.getByLabel(/Paste a trace id/).fill(`X-Amzn-Trace-Id: Root=${id};Sampled=1`);
    await page.keyboard.press('Enter');
    await page.getByTestId('story-ready').waitFor();
    assert.match(page.url(), new RegExp(`/story/${id}$`));
  });

  it('keeps 10,000 rows scrollable with a bounded DOM, and zooms by dragging on the histogram', async () => {
    const page = await h.open('/search?signal=logs&limit=10000&from=-15m');
    await page.locator('.results-row').first().waitFor();
    const shown = Number((await page.getByTestId('result-stats').innerText()).match(/showing ([\d,]+)/)![1]!.replace(/,/g, ''));
    assert.ok(shown > 2000, `many rows loaded (${shown})`);
    assert.ok((await page.locator('.results-row').count()) < 80, 'only the rows in view are rendered');
    await page.getByTestId('results-body').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.locator(`.results-row[data-index="${shown - 1}"]`).waitFor();

    const chart = page.locator('[data-testid=histogram] .u-over');
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForURL(/from=\d{4}-\d\d-\d\dT/);
    const url = new URL(page.url());
    assert.ok(Date.parse(url.searchParams.get('from')!) < Date.parse(url.searchParams.get('to')!));
    assert.equal(await page.locator('#range-preset').inputValue(), 'absolute');
    // The zoomed search holds part of the rows: fewer than before, more than none.
    const zoomed = await page.waitForFunction((all) => {
      const m = /^([\d,]+) matches/.exec(document.querySelector('[data-testid=result-stats]')?.textContent ?? '');
      const n = m ? Number(m[1]!.replace(/,/g, '')) : 0;
      return n > 0 && n < all ? n : 0;
    }, shown);
    assert.ok(Number(await zoomed.jsonValue()) < shown);
    await h.screenshot(page, 'search-logs-zoomed');
  });

  it('raised no errors in any page', () => {
    assert.deepEqual(h.pageErrors.filter((e) => !ignoredConsole.test(e)), []);
  });
});
