// `npm run bench -- web [--stories N]`: the web UI's budgets. Builds the UI
// (when stale), weighs the JavaScript a first visit loads, then starts a
// Tinsel filled by the simulator (`tinsel demo` on a temporary folder) and
// times in Chromium how long the story page takes to be rendered: after an
// in-app navigation (the Search page's link), and on a cold page load.
import { cpus, loadavg } from 'node:os';
import { ensureWebBuild, webDistDir } from '@tinsel/web';
import { browserSkipReason, startBrowserHarness } from '../../../packages/web/e2e/harness.ts';
import { median, option, printFigures, type Figure } from '../report.ts';
import { measureInitialJs } from '../web/initial-js-size.ts';

const JS_BUDGET_KB = 400;
const STORY_BUDGET_MS = 1000;

export async function run(args: string[]): Promise<void> {
  const stories = option(args, 'stories', 10);
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  const started = performance.now();
  const built = await ensureWebBuild();
  console.log(built ? `built the UI in ${((performance.now() - started) / 1000).toFixed(1)} s` : 'the UI build is up to date');
  const js = measureInitialJs(webDistDir);
  for (const f of js.files) console.log(`  ${f.path}: ${(f.bytes / 1024).toFixed(1)} KB, ${(f.gzipBytes / 1024).toFixed(1)} KB gzipped`);
  console.log(`  CSS: ${(js.cssGzipBytes / 1024).toFixed(1)} KB gzipped (not counted)`);
  const figures: Figure[] = [{ name: 'initial JavaScript, gzipped', measured: js.gzipBytes / 1024, unit: 'KB', target: `<= ${JS_BUDGET_KB}`, met: js.gzipBytes / 1024 <= JS_BUDGET_KB }];

  const skip = browserSkipReason();
  if (skip) {
    console.log(`story timing skipped: ${skip}`);
    printFigures('Web UI budgets', figures);
    return;
  }
  const h = await startBrowserHarness();
  try {
    const ids = await storyIds(h.baseUrl, stories);
    console.log(`demo at ${h.baseUrl}; timing ${ids.length} stories (5xx and 2xx, every request traced)`);
    const page = await h.open('/search');
    await page.locator('.results-row').first().waitFor();
    const inApp: number[] = [];
    const cold: number[] = [];
    for (const id of ids) {
      inApp.push(Number(await page.evaluate(navigateAndWait(id))));
      const fresh = await h.context.newPage();
      await fresh.goto(`${h.baseUrl}/story/${id}`);
      cold.push(Number(await (await fresh.waitForFunction(STORY_ON_SCREEN)).jsonValue()));
      await fresh.close();
    }
    console.log(`  in-app navigation: ${inApp.map((m) => m.toFixed(0)).join(', ')} ms`);
    console.log(`  cold page load (from navigation start): ${cold.map((m) => m.toFixed(0)).join(', ')} ms`);
    figures.push(
      { name: `story rendered after in-app navigation, median of ${inApp.length}`, measured: median(inApp), unit: 'ms', target: `<= ${STORY_BUDGET_MS}`, met: median(inApp) <= STORY_BUDGET_MS },
      { name: `story rendered after in-app navigation, worst`, measured: Math.max(...inApp), unit: 'ms', target: `<= ${STORY_BUDGET_MS}`, met: Math.max(...inApp) <= STORY_BUDGET_MS },
      { name: `story rendered on a cold page load, median of ${cold.length}`, measured: median(cold), unit: 'ms', target: `<= ${STORY_BUDGET_MS}`, met: median(cold) <= STORY_BUDGET_MS },
    );
  } finally {
    await h.close();
  }
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} after timing`);
  printFigures('Web UI budgets', figures);
}

/**
 * Runs in the page (as text: this file is type-checked without the DOM):
 * goes to the story as a link click would, and resolves when it is on screen.
 */
function navigateAndWait(id: string): string {
  return `new Promise((resolve) => {
    const start = performance.now();
    window.history.pushState(null, '', '/story/${id}');
    window.dispatchEvent(new PopStateEvent('popstate'));
    const check = () => {
      const ready = document.querySelector('[data-testid=story-ready] .story-header');
      if (ready && ready.textContent.includes('${id}')) requestAnimationFrame(() => resolve(performance.now() - start));
      else requestAnimationFrame(check);
    };
    check();
  })`;
}

const STORY_ON_SCREEN = "document.querySelector('[data-testid=story-ready]') ? performance.now() : 0";

async function storyIds(baseUrl: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (const query of ['status:5xx target_status_code:500', 'status:5xx', 'status:200 request_path:/checkout', 'status:200']) {
    const response = await fetch(`${baseUrl}/api/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, signal: 'requests', from: '-1h', limit: count }) });
    const body = (await response.json()) as { rows?: { trace_id?: string }[] };
    for (const row of body.rows ?? []) if (row.trace_id && !ids.includes(row.trace_id)) ids.push(row.trace_id);
    if (ids.length >= count) break;
  }
  return ids.slice(0, count);
}
