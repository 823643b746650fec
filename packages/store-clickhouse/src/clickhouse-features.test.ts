import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clickHouseFeatures, parseClickHouseVersion } from './clickhouse-features.ts';

describe('clickHouseFeatures', () => {
  it('gives Debian 18.16 only the portable forms', () => {
    const features = clickHouseFeatures('18.16.1');
    assert.deepEqual(features, {
      version: '18.16.1',
      dateTime64: false,
      lowCardinality: false,
      skipIndexes: false,
      ttl: false,
      queryParameters: false,
      mutationsSync: false,
      insertDeduplicationToken: false,
      boolType: false,
      jsonExtract: false,
      positionalArguments: false,
      skipUnusedShards: false,
    });
  });

  it('gives a current release every feature', () => {
    const features = clickHouseFeatures('24.8.4.13');
    assert.equal(Object.entries(features).every(([name, value]) => name === 'version' || value === true), true);
  });

  it('draws each line at its release', () => {
    const v19 = clickHouseFeatures('19.11.3.11');
    assert.equal(v19.queryParameters, true);
    assert.equal(v19.lowCardinality, true);
    assert.equal(v19.ttl, true);
    assert.equal(v19.dateTime64, false);
    assert.equal(clickHouseFeatures('22.1.3').insertDeduplicationToken, false);
    assert.equal(clickHouseFeatures('22.2.1').insertDeduplicationToken, true);
  });

  it('treats an unreadable version as the oldest server', () => {
    assert.deepEqual(parseClickHouseVersion('unknown'), [0, 0]);
    assert.equal(clickHouseFeatures('').dateTime64, false);
  });
});
