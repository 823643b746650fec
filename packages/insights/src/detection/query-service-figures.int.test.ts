import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spansTable } from '@tinsel/model';
import { sampleSpan } from '@tinsel/store';
import { createDuckDbStore } from '@tinsel/store-duckdb';
import { queryServiceFigures } from './query-service-figures.ts';

describe('queryServiceFigures', () => {
  it('counts root spans and X-Ray faults per service and minute, with duration percentiles in seconds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tinsel-service-figures-'));
    const store = await createDuckDbStore({ dataDir: dir, memoryLimit: '256MB' });
    try {
      await store.migrate();
      const minute = Date.UTC(2026, 11, 24, 22, 30) * 1000;
      const spans = Array.from({ length: 10 }, (_, i) => sampleSpan({
        span_id: `00000000000000${String(i).padStart(2, '0')}`, service: 'checkout', start_time: minute + i * 1_000_000, end_time: minute + i * 1_000_000 + 100_000,
        duration_ms: 100 * (i + 1), status: i < 3 ? 'fault' : 'ok', parent_span_id: null,
      }));
      const child = sampleSpan({ span_id: 'ffffffffffffffff', parent_span_id: '0000000000000000', service: 'checkout', start_time: minute, status: 'fault' });
      await store.append(spansTable, [...spans, child]);
      const [figures] = await queryServiceFigures(store, minute, minute + 60_000_000);
      assert.equal(figures?.scopeKind, 'service');
      assert.equal(figures?.scope, 'checkout');
      assert.equal(figures?.minute, minute / 1000);
      assert.equal(figures?.requests, 10);
      assert.equal(figures?.target5xx, 3);
      assert.equal(figures?.p50, 0.55);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
