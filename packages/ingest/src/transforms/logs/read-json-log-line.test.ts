import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readJsonLogLine } from './read-json-log-line.ts';

const options = { source: 'ndjson', receivedAt: 1_700_000_000_000_000 };
const HEX = '5759e988bd862e3fe1be46a994272793';

describe('readJsonLogLine', () => {
  it('reads winston JSON: string level, message, ISO timestamp, stack', () => {
    const row = readJsonLogLine({ level: 'warn', message: 'slow', timestamp: '2024-03-01T10:15:30.123Z', service: 'cart', stack: 'Error: slow\n    at y', trace_id: HEX }, options);
    assert.ok(row.ok);
    assert.equal(row.value.level, 'warn');
    assert.equal(row.value.message, 'slow');
    assert.equal(row.value.timestamp, 1709288130123000);
    assert.equal(row.value.service, 'cart');
    assert.equal(row.value.exception, 'Error: slow\n    at y');
    assert.equal(row.value.trace_id, HEX);
    assert.deepEqual(JSON.parse(row.value.properties ?? ''), { service: 'cart', stack: 'Error: slow\n    at y', trace_id: HEX });
  });

  it('reads bunyan JSON and keeps its fields, the logger name as the service', () => {
    const row = readJsonLogLine({ name: 'api', hostname: 'h1', pid: 3, level: 30, msg: 'hi', time: '2024-03-01T10:15:30.000Z', v: 0, req: { method: 'GET', url: '/' } }, options);
    assert.ok(row.ok);
    assert.equal(row.value.service, 'api');
    assert.equal(row.value.host, 'h1');
    assert.deepEqual(JSON.parse(row.value.properties ?? '').req, { method: 'GET', url: '/' });
  });

  it('uses the receive time and Information when the line has neither', () => {
    const row = readJsonLogLine({ message: 'bare' }, options);
    assert.ok(row.ok);
    assert.equal(row.value.timestamp, options.receivedAt);
    assert.equal(row.value.level, 'info');
    assert.equal(row.value.properties, null);
  });

  it('keeps a level it cannot name in the properties', () => {
    const row = readJsonLogLine({ level: 'LOUD', msg: 'x' }, options);
    assert.ok(row.ok);
    assert.equal(row.value.level, 'info');
    assert.deepEqual(JSON.parse(row.value.properties ?? ''), { level: 'LOUD' });
  });

  it('rejects a time of the wrong type or an impossible one', () => {
    const wrongType = readJsonLogLine({ time: true }, options);
    assert.ok(!wrongType.ok && /^time: must be a string or a number/.test(wrongType.reason));
    const impossible = readJsonLogLine({ timestamp: '2024-02-31T00:00:00Z' }, options);
    assert.ok(!impossible.ok && /timestamp: impossible/.test(impossible.reason));
  });
});
