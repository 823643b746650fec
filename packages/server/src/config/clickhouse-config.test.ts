import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from './load-config.ts';

const clickhouse = (env: Record<string, string>) => loadConfig({ env: { TINSEL_STORE_BACKEND: 'clickhouse', ...env } });

describe('store.clickhouse configuration', () => {
  it('reads the server, database and credentials from TINSEL_ variables', () => {
    const config = clickhouse({ TINSEL_STORE_CLICKHOUSE_URL: 'http://ch:8123', TINSEL_STORE_CLICKHOUSE_PASSWORD: 's3cret', TINSEL_STORE_RETENTION_DAYS: '30' });
    assert.ok(config.ok);
    assert.equal(config.value.store.backend, 'clickhouse');
    assert.deepEqual(config.value.store.clickhouse, { url: 'http://ch:8123', database: 'tinsel', username: 'default', password: 's3cret', cluster: null, shards: [] });
    assert.equal(config.value.store.retentionDays, 30);
  });

  it('takes a cluster with its shards', () => {
    const config = clickhouse({ TINSEL_STORE_CLICKHOUSE_URL: 'http://ch1:8123', TINSEL_STORE_CLICKHOUSE_CLUSTER: 'logs', TINSEL_STORE_CLICKHOUSE_SHARDS: 'http://ch1:8123, http://ch2:8123' });
    assert.ok(config.ok);
    assert.deepEqual(config.value.store.clickhouse?.shards, ['http://ch1:8123', 'http://ch2:8123']);
  });

  it('names the key when something is missing or wrong', () => {
    const missing = clickhouse({});
    assert.ok(!missing.ok);
    assert.match(missing.reason, /^store\.clickhouse\.url: required/);
    const noShards = clickhouse({ TINSEL_STORE_CLICKHOUSE_URL: 'http://ch:8123', TINSEL_STORE_CLICKHOUSE_CLUSTER: 'logs' });
    assert.ok(!noShards.ok);
    assert.match(noShards.reason, /^store\.clickhouse\.shards:/);
    const badUrl = clickhouse({ TINSEL_STORE_CLICKHOUSE_URL: 'ch:8123' });
    assert.ok(!badUrl.ok);
    assert.match(badUrl.reason, /^store\.clickhouse\.url: expected an http/);
    const badDays = loadConfig({ env: { TINSEL_STORE_RETENTION_DAYS: 'soon' } });
    assert.ok(!badDays.ok);
    assert.match(badDays.reason, /^store\.retentionDays:/);
  });

  it('keeps the embedded store by default and rejects an unknown backend by name', () => {
    const embedded = loadConfig({ env: {} });
    assert.ok(embedded.ok);
    assert.equal(embedded.value.store.clickhouse, undefined);
    const other = loadConfig({ env: { TINSEL_STORE_BACKEND: 'postgres' } });
    assert.ok(!other.ok);
    assert.match(other.reason, /^store\.backend: expected "duckdb" or "clickhouse"/);
  });
});
