import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IngestCounters } from '@tinsel/ingest';
import { StoreError, type Store } from '@tinsel/store';
import { duckDbDialect } from '@tinsel/store-duckdb';
import { createApp } from './create-app.ts';

// A store whose every call fails the way a broken database would: the one
// failure a real DuckDB cannot be made to produce on demand.
const failing = (): never => {
  throw new StoreError('TINSEL_ERR_STORE_QUERY', { cause: new Error('Binder Error: SELECT secret FROM requests') });
};
const brokenStore = new Proxy({ dialect: duckDbDialect } as Store, {
  get: (target, name) => (name === 'dialect' ? target.dialect : async () => failing()),
});

describe('API error handling', () => {
  it('answers 500 with a code, keeps SQL and stacks out of the answer, and logs the detail', async () => {
    const events: Record<string, unknown>[] = [];
    const app = createApp({ store: brokenStore, enricher: { enrich() {} }, counters: new IngestCounters(), limits: { bodyBytes: 1024 }, log: (e) => events.push(e) });
    const response = await app.inject({ method: 'GET', url: '/api/stats' });
    assert.equal(response.statusCode, 500);
    assert.deepEqual(response.json(), { error: 'TINSEL_ERR_INTERNAL', message: 'Tinsel failed to handle the request; the server log has the details.' });
    assert.doesNotMatch(response.body, /SELECT|at /);
    assert.equal(events.length, 1);
    assert.match(String(events[0]?.cause), /Binder Error/);
    await app.close();
  });

  it('answers an unknown route with 404 and a code', async () => {
    const app = createApp({ store: brokenStore, enricher: { enrich() {} }, counters: new IngestCounters(), limits: { bodyBytes: 1024 } });
    const response = await app.inject({ method: 'GET', url: '/api/nope' });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error, 'TINSEL_ERR_NOT_FOUND');
    await app.close();
  });
});
