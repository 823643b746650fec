import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { spansTable } from '@tinsel/model';
import { sampleSpan } from '@tinsel/store';
import { createDuckDbStore } from '@tinsel/store-duckdb';
import { RedeliveryGuard } from './redelivery-guard.ts';

describe('RedeliveryGuard', () => {
  it('drops spans already stored while recovering, keeps new ones and a finished span after its in-progress row', async () => {
    const store = await createDuckDbStore({ dataDir: ':memory:' });
    await store.migrate();
    const stored = sampleSpan({ span_id: 'aaaaaaaaaaaaaaa1' });
    const open = sampleSpan({ span_id: 'aaaaaaaaaaaaaaa2', end_time: null, duration_ms: null });
    await store.append(spansTable, [stored, open]);
    const guard = new RedeliveryGuard(true, 0, 60_000);
    const finished = { ...open, end_time: open.start_time + 1000, duration_ms: 1 };
    const fresh = sampleSpan({ span_id: 'aaaaaaaaaaaaaaa3' });
    const result = await guard.fresh(store, [stored, finished, fresh], 1_000);
    assert.deepEqual(result.fresh.map((s) => s.span_id), ['aaaaaaaaaaaaaaa2', 'aaaaaaaaaaaaaaa3']);
    assert.equal(result.redelivered, 1);
    assert.equal((await guard.fresh(store, [stored], 60_000)).redelivered, 0, 'past the window nothing is looked up');
    assert.equal((await new RedeliveryGuard(false, 0).fresh(store, [stored], 1)).redelivered, 0, 'after a clean shutdown nothing is looked up');
    await store.close();
  });
});
