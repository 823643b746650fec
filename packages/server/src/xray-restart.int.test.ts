// A segment stored in progress before a restart is still replaced by its
// complete version afterwards, so it is never counted twice.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from '@tinsel/store';
import { openTinsel } from './open-tinsel.ts';
import { startListeners } from './start-listeners.ts';
import { testConfig } from './test-support.ts';

describe('X-Ray in-progress segments across a restart', () => {
  it('replaces the in-progress row an earlier run stored', async () => {
    const config = testConfig({ listen: { ...testConfig().listen, xrayUdpPort: false, otlpPort: false, esPort: false, seqPort: false } });
    const started = Date.now() / 1000 - 60;
    const base = { trace_id: `1-${Math.floor(started).toString(16)}-0261934633ac27e41986b851`, id: '70de5b6f19ff9a0b', name: 'slow-job', start_time: started };
    const send = (api: string, doc: object) => fetch(`${api}/TraceSegments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ TraceSegmentDocuments: [JSON.stringify(doc)] }) });
    for (const doc of [{ ...base, in_progress: true }, { ...base, end_time: started + 1.75 }]) {
      const tinsel = await openTinsel(config);
      const listeners = await startListeners(config, tinsel, () => {});
      try {
        assert.equal((await send(listeners.addresses.api!, doc)).status, 200);
        const rows = await tinsel.store.query(sql`SELECT in_progress, duration_ms FROM spans WHERE span_id = ${base.id}`);
        assert.equal(rows.length, 1, 'one row for the span, whichever version');
      } finally {
        await listeners.close();
        await tinsel.close();
      }
    }
    const tinsel = await openTinsel(config);
    const [row] = await tinsel.store.query(sql`SELECT in_progress, duration_ms FROM spans WHERE span_id = ${base.id}`);
    await tinsel.close();
    assert.deepEqual(row, { in_progress: false, duration_ms: 1750 });
  });
});
