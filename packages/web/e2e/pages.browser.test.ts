// The trace view, the ops dashboards and the service map in a real Chromium
// against a Tinsel filled by the simulator (a bad deploy throwing 500s, hung
// targets giving 504s, an overloaded database), each followed to where its
// clicks lead.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkipReason, startBrowserHarness, type BrowserHarness } from './harness.ts';

async function switchTheme(page: Page, theme: 'dark' | 'light'): Promise<void> {
  const toggle = page.getByRole('button', { name: `Switch to ${theme} theme` });
  if ((await toggle.count()) > 0) await toggle.click();
  await page.waitForFunction((wanted) => document.documentElement.dataset.theme === wanted, theme);
}

describe('trace view, dashboards and service map in the browser', { skip: browserSkipReason() }, () => {
  let h: BrowserHarness;

  before(async () => {
    h = await startBrowserHarness();
  });
  after(async () => {
    await h?.close();
  });

  it('draws a failed trace as a waterfall with its critical path, folds it, and shows the failing span', async () => {
    const id = h.storyIds['500'];
    assert.ok(id, `the demo printed a 500 to open:\n${h.demo.output()}`);
    const page = await h.open(`/traces/${id}`);
    const rows = page.getByRole('treeitem');
    await rows.first().waitFor();
    const spans = await rows.count();
    assert.ok(spans >= 2, `the waterfall shows the root and its calls (${spans} rows)`);
    assert.ok((await page.locator('.wf-critical').count()) >= 1, 'the critical path is drawn');
    assert.ok((await page.locator('.wf-tick').count()) >= 2, 'the time ruler has ticks');
    await page.locator('.wf-log.level-error').first().waitFor();
    assert.match(await page.locator('.trace-header').innerText(), /answered 500/, 'the header tells what the load balancer saw');
    const canonical = id.replace(/^1-/, '').replace(/-/g, '');
    assert.equal(await page.getByRole('link', { name: 'Open the request story' }).getAttribute('href'), `/story/${canonical}`);

    // Keyboard: the root folds with ArrowLeft and opens again with ArrowRight.
    await rows.first().focus();
    await page.keyboard.press('ArrowLeft');
    assert.equal(await rows.count(), 1);
    assert.equal(await rows.first().getAttribute('aria-expanded'), 'false');
    await page.keyboard.press('ArrowRight');
    assert.equal(await rows.count(), spans);

    // The fault span's details show its exception with the stack.
    await page.locator('.wf-row.status-fault').last().click();
    await page.waitForURL(/[?&]span=[0-9a-f]{16}/);
    const details = page.locator('.span-details');
    await details.waitFor();
    assert.match(await details.innerText(), /Exception/);
    assert.ok((await details.locator('.sd-pre').count()) >= 1, 'the stack (or SQL) is shown');
    assert.match(await details.getByRole('region', { name: 'Log lines' }).innerText(), /Unhandled exception/);
    await h.screenshot(page, 'trace-waterfall');

    // Dragging across the ruler zooms in; the button shows the whole trace again.
    const ruler = (await page.locator('.wf-ruler-track').boundingBox())!;
    await page.mouse.move(ruler.x + ruler.width * 0.1, ruler.y + ruler.height / 2);
    await page.mouse.down();
    await page.mouse.move(ruler.x + ruler.width * 0.4, ruler.y + ruler.height / 2, { steps: 4 });
    await page.mouse.up();
    await page.waitForURL(/[?&]zoom=[\d.]+-[\d.]+/);
    await page.getByRole('button', { name: 'Show the whole trace' }).click();
    await page.waitForURL((url) => !url.searchParams.has('zoom'));

    await page.getByLabel('Find').fill('zz-no-such-span');
    assert.equal(await page.locator('.wf-row.dimmed').count(), spans);
  });

  it('draws the dashboards and opens the requests behind a point in Search, then a request in its story', async () => {
    const page = await h.open('/dashboards?from=-15m&to=now');
    const charts = page.locator('.time-chart canvas');
    await charts.nth(3).waitFor();
    assert.ok((await charts.count()) >= 4, 'volume, latency, 5xx and 4xx charts are drawn');
    const tiles = await page.locator('.dash-tiles').innerText();
    assert.match(tiles, /5xx from the target/);
    assert.match(await page.getByRole('region', { name: 'Top error answers' }).innerText(), /50\d/);
    await page.waitForTimeout(300);
    await h.screenshot(page, 'dashboards');

    const fiveHundreds = page.locator('.dash-panel', { hasText: '5xx share of requests' }).locator('.u-over');
    const box = (await fiveHundreds.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.85, box.y + box.height * 0.9);
    await page.mouse.click(box.x + box.width * 0.85, box.y + box.height * 0.9);
    await page.waitForURL(/\/search\?/);
    const url = new URL(page.url());
    assert.match(url.searchParams.get('q') ?? '', /elb_status_code:5xx/);
    assert.equal(url.searchParams.get('signal'), 'requests');
    const from = Date.parse(url.searchParams.get('from') ?? '');
    const to = Date.parse(url.searchParams.get('to') ?? '');
    assert.equal(to - from, 10_000, 'the range is the clicked 10-second bucket');

    // The same filter over the whole range lists 5xx requests; one opens its story.
    const legend = await h.open('/dashboards?from=-15m&to=now');
    await legend.getByRole('link', { name: '5xx from the target' }).first().click();
    await legend.waitForURL(/\/search\?/);
    await legend.locator('a[href^="/story/"]').first().click();
    await legend.waitForURL(/\/story\/[0-9a-f]{32}/);
  });

  it('breaks the dashboards down by host in the dark theme', async () => {
    const page = await h.open('/dashboards?from=-15m&to=now&by=instance_id');
    await switchTheme(page, 'dark');
    await page.locator('.time-chart canvas').nth(3).waitFor();
    assert.ok((await page.locator('.dash-panel').filter({ hasText: 'by host (instance)' }).count()) >= 6);
    assert.match(await page.getByRole('region', { name: '5xx by host (instance)' }).innerText(), /i-[0-9a-f]+/);
    await page.waitForTimeout(300);
    await h.screenshot(page, 'dashboards-by-host-dark');
  });

  it('maps the load balancer, the service and its databases, and opens the traces behind a node', async () => {
    const page = await h.open('/service-map?from=-15m&to=now');
    await switchTheme(page, 'light');
    const balancer = page.locator('[data-node-id^="load-balancer:"]');
    await balancer.waitFor();
    assert.ok((await page.locator('[data-edge-id]').count()) >= 3, 'calls from the load balancer, to the databases and to payments');
    assert.match((await page.locator('.map-edge-label').first().textContent()) ?? '', /\/min/);
    assert.ok((await page.locator('.map-node.type-remote').count()) >= 2);
    await h.screenshot(page, 'service-map');

    // Keyboard: Tab reaches the nodes; Enter selects the service.
    await page.locator('[data-node-id="shop-web"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/node=shop-web/);
    await page.getByRole('link', { name: 'Traces with a fault' }).click();
    await page.waitForURL(/\/traces\?/);
    assert.match(page.url(), /service=shop-web/);
    assert.match(page.url(), /status=fault/);
    await page.locator('.trace-table tbody tr').first().waitFor();
    await h.screenshot(page, 'traces-from-map');
    await page.locator('.trace-table tbody tr a').first().click();
    await page.waitForURL(/\/traces\/[0-9a-f]{32}/);
    await page.getByRole('treeitem').first().waitFor();
  });

  it('shows the map folded by database server off, in the dark theme, with an edge selected', async () => {
    const page = await h.open('/service-map?from=-15m&to=now&group=off');
    await switchTheme(page, 'dark');
    const edge = page.locator('[data-edge-id^="load-balancer:"]');
    await edge.waitFor();
    await edge.click();
    await page.waitForURL(/node=edge/);
    assert.match(await page.locator('.map-details').innerText(), /calls/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await h.screenshot(page, 'service-map-dark');
    assert.deepEqual(h.pageErrors, [], 'no page threw or logged an error');
  });
});
