import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { logBlocksTable, logsTable, requestsTable, spansTable } from '@tinsel/model';
import { clickHouseFeatures } from './clickhouse-features.ts';
import { distributedDdl, ledgerDdl, mergeTreeDdl, retentionDaysOf, ttlChange } from './clickhouse-ddl.ts';

const old = clickHouseFeatures('18.16.1');
const current = clickHouseFeatures('24.8.4');
const single = { kind: 'single' } as const;

describe('mergeTreeDdl', () => {
  it('gives 18.16 portable types: Decimal64 time, plain strings, UInt8 bools, no index or TTL', () => {
    const ddl = mergeTreeDdl(spansTable, { features: old, layout: single, retentionDays: 30 });
    assert.match(ddl, /`start_time` Decimal64\(6\)/);
    assert.match(ddl, /`end_time` Nullable\(Decimal64\(6\)\)/);
    assert.match(ddl, /`service` String,/);
    assert.match(ddl, /`in_progress` UInt8/);
    assert.match(ddl, /PARTITION BY toDate\(toDateTime\(toUInt32\(`start_time`\), 'UTC'\)\)/);
    // 18.16 sorts the Float64 image of a Decimal64 time many times faster than the Decimal itself.
    assert.match(ddl, /ORDER BY \(toStartOfHour\(toDateTime\(toUInt32\(`start_time`\), 'UTC'\)\), service, trace_id, toFloat64\(`start_time`\)\) SETTINGS index_granularity = 2048$/);
    assert.doesNotMatch(ddl, /INDEX|TTL|LowCardinality|deduplication/);
  });

  it('gives a current server DateTime64, LowCardinality, Bool, skip indexes, TTL and dedup window', () => {
    const ddl = mergeTreeDdl(logsTable, { features: current, layout: single, retentionDays: 30 });
    assert.match(ddl, /`timestamp` DateTime64\(6, 'UTC'\)/);
    assert.match(ddl, /`level` LowCardinality\(String\)/);
    assert.match(ddl, /`service` LowCardinality\(Nullable\(String\)\)/);
    assert.match(ddl, /INDEX trace_id_bloom trace_id TYPE bloom_filter/);
    assert.match(ddl, /INDEX message_tokens message TYPE tokenbf_v1/);
    assert.match(ddl, /TTL toDate\(toDateTime\(`timestamp`, 'UTC'\)\) \+ INTERVAL 30 DAY/);
    assert.match(ddl, /SETTINGS index_granularity = 2048, non_replicated_deduplication_window = 1000$/);
    assert.match(ddl, /ifNull\(trace_id, ''\), `timestamp`\) TTL/);
    assert.match(mergeTreeDdl(requestsTable, { features: current, layout: single }), /`timing_unavailable` Bool/);
  });

  it('creates local tables and Distributed tables sharded by trace id on a cluster', () => {
    const layout = { kind: 'cluster', cluster: 'logs', database: 'tinsel' } as const;
    assert.match(mergeTreeDdl(spansTable, { features: old, layout }), /^CREATE TABLE IF NOT EXISTS `spans_local`/);
    assert.equal(
      distributedDdl(spansTable, layout),
      'CREATE TABLE IF NOT EXISTS `spans` AS `spans_local` ENGINE = Distributed(`logs`, `tinsel`, `spans_local`, cityHash64(trace_id))',
    );
    assert.match(distributedDdl(requestsTable, layout), /if\(isNull\(trace_id\), toUInt64\(rand\(\)\), cityHash64\(assumeNotNull\(trace_id\)\)\)\)$/);
    assert.equal(ledgerDdl(layout).length, 2);
  });
});

describe('per-table retention', () => {
  const byTable = { retentionDays: 30, retentionDaysByTable: { requests: 90, spans: 14 } };
  const ttlDays = (ddl: string) => /INTERVAL (\d+) DAY/.exec(ddl)?.[1];

  it('gives each table the TTL of its own days, and the rest the common days', () => {
    assert.equal(ttlDays(mergeTreeDdl(requestsTable, { features: current, layout: single, ...byTable })), '90');
    assert.equal(ttlDays(mergeTreeDdl(spansTable, { features: current, layout: single, ...byTable })), '14');
    assert.equal(ttlDays(mergeTreeDdl(logsTable, { features: current, layout: single, ...byTable })), '30');
    assert.equal(ttlDays(mergeTreeDdl(logsTable, { features: current, layout: single, retentionDaysByTable: { logs: 7 } })), '7');
    assert.doesNotMatch(mergeTreeDdl(requestsTable, { features: current, layout: single, retentionDaysByTable: { logs: 7 } }), /TTL/);
  });

  it('keeps the full-text index a day longer than the logs it indexes, whatever it is given', () => {
    assert.equal(retentionDaysOf('log_blocks', { retentionDays: 30, retentionDaysByTable: { logs: 60 } }), 61);
    assert.equal(retentionDaysOf('log_blocks', { retentionDays: 30 }), 31);
    assert.equal(retentionDaysOf('log_blocks', { retentionDays: 30, retentionDaysByTable: { log_blocks: 90, logs: 60 } }), 90);
    assert.equal(retentionDaysOf('log_blocks', { retentionDaysByTable: { log_blocks: 3 } }), undefined, 'logs kept for ever keep their index');
    assert.equal(ttlDays(mergeTreeDdl(logBlocksTable, { features: current, layout: single, retentionDays: 30, retentionDaysByTable: { logs: 60 } })), '61');
  });

  it('moves an existing TTL to the table\'s own days', () => {
    const engine = "MergeTree ORDER BY x TTL toDate(toDateTime(start_time, 'UTC')) + toIntervalDay(30) SETTINGS index_granularity = 8192";
    assert.equal(ttlChange(spansTable, engine, { features: current, layout: single, ...byTable }), "ALTER TABLE `spans` MODIFY TTL toDate(toDateTime(`start_time`, 'UTC')) + INTERVAL 14 DAY");
  });

  it('writes no TTL on 18.16, where retention drops partitions instead', () => {
    assert.doesNotMatch(mergeTreeDdl(requestsTable, { features: old, layout: single, ...byTable }), /TTL/);
    assert.equal(ttlChange(requestsTable, 'MergeTree ORDER BY x', { features: old, layout: single, ...byTable }), undefined);
  });
});

describe('ttlChange', () => {
  const engine = (days: number) => `MergeTree PARTITION BY toDate(toDateTime(timestamp, 'UTC')) ORDER BY (x) TTL toDate(toDateTime(timestamp, 'UTC')) + toIntervalDay(${days}) SETTINGS index_granularity = 8192`;

  it('leaves a table whose TTL matches the retention', () => {
    assert.equal(ttlChange(logsTable, engine(30), { features: current, layout: single, retentionDays: 30 }), undefined);
  });

  it('moves a TTL to a changed retention, and removes it when retention is off', () => {
    assert.equal(ttlChange(logsTable, engine(3), { features: current, layout: single, retentionDays: 30 }), "ALTER TABLE `logs` MODIFY TTL toDate(toDateTime(`timestamp`, 'UTC')) + INTERVAL 30 DAY");
    assert.equal(ttlChange(logsTable, engine(30), { features: current, layout: single }), 'ALTER TABLE `logs` REMOVE TTL');
  });

  it('does nothing on servers without TTL', () => {
    assert.equal(ttlChange(logsTable, 'MergeTree ORDER BY x', { features: old, layout: single, retentionDays: 30 }), undefined);
  });
});
