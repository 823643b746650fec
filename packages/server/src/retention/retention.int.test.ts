// Per-signal retention on the embedded store: enforced when the server
// starts, visible in /api/stats and `tinsel stats`, counted on /metrics.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { logsTable, requestsTable, spansTable } from '@tinsel/model';
import { ident, sampleLog, sampleRequest, sampleSpan, sql } from '@tinsel/store';
import { openTinsel, type Tinsel } from '../open-tinsel.ts';
import { startListeners, type Listeners } from '../start-listeners.ts';
import { testConfig } from '../test-support.ts';

const DAY_US = 86_400_000_000;
const CLI = new URL('../cli/main.ts', import.meta.url).pathname;

describe('retention on the embedded store', () => {
  let tinsel: Tinsel;
  let listeners: Listeners | null = null;
  const now = Date.now() * 1000;

  before(async () => {
    const config = testConfig();
    tinsel = await openTinsel({ ...config, store: { ...config.store, retention: { requests: 30, logs: 7 } } });
    await tinsel.store.append(requestsTable, [sampleRequest({ source: 'old', time: now - 40 * DAY_US }), sampleRequest({ source: 'new', time: now - 2 * DAY_US })]);
    await tinsel.store.append(logsTable, [sampleLog({ message: 'old', timestamp: now - 8 * DAY_US }), sampleLog({ message: 'new', timestamp: now - DAY_US })]);
    await tinsel.store.append(spansTable, [sampleSpan({ start_time: now - 400 * DAY_US, end_time: now - 400 * DAY_US + 1000 })]);
  });
  after(async () => {
    await listeners?.close();
    await tinsel.close();
  });

  it('removes each signal\'s expired rows when the server starts, and keeps signals without retention', async () => {
    listeners = await startListeners(tinsel.config, tinsel, () => {});
    await waitFor(async () => tinsel.retention.status().lastRunAt !== null);
    const messages = async (table: string, column: string) => (await tinsel.store.query(sql`SELECT ${ident(column)} AS v FROM ${ident(table)} ORDER BY 1`)).map((r) => r.v);
    assert.deepEqual(await messages('requests', 'source'), ['new']);
    assert.deepEqual(await messages('logs', 'message'), ['new']);
    assert.equal((await messages('spans', 'span_id')).length, 1, 'spans have no retention here');
  });

  it('shows the policy and the last pass in /api/stats and /metrics', async () => {
    const stats = (await (await fetch(`${listeners!.addresses.api}/api/stats`)).json()) as { retention: { days: Record<string, number>; lastOutcomes: { table: string; removedRows: number }[]; removedRows: Record<string, number> } };
    assert.deepEqual(stats.retention.days, { requests: 30, logs: 7 });
    assert.equal(stats.retention.removedRows.requests, 1);
    assert.equal(stats.retention.removedRows.logs, 1);
    const metrics = await (await fetch(`${listeners!.addresses.api}/metrics`)).text();
    assert.match(metrics, /^tinsel_retention_rows_removed_total 2$/m);
  });

  it('prints the policy in `tinsel stats`', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CLI, 'stats', '--server', listeners!.addresses.api!]);
    assert.match(stdout, /^retention\s+requests 30 d · spans kept · logs 7 d · dead letters kept · last pass \S+: 2 rows removed$/m);
  });
});

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail('the condition never held');
}
