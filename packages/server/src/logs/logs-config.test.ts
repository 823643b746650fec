import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../config/load-config.ts';
import { validateConfig } from '../config/validate-config.ts';

describe('log settings in the configuration', () => {
  it('defaults to the Seq port 5341, the usual trace-id properties and any Seq key', () => {
    const config = validateConfig({}, '.');
    assert.ok(config.ok);
    assert.equal(config.value.listen.seqPort, 5341);
    assert.deepEqual(config.value.logs, { traceIdProperties: ['TraceId', 'trace_id', 'traceId', 'AmznTraceId', 'X-Amzn-Trace-Id'], seqApiKeys: [] });
  });

  it('reads them from TINSEL_ variables, lists comma-separated, and switches the Seq port off with false', () => {
    const fromEnv = loadConfig({ env: { TINSEL_LISTEN_SEQ_PORT: 'false', TINSEL_LOGS_TRACE_ID_PROPERTIES: 'RequestTrace, trace', TINSEL_LOGS_SEQ_API_KEYS: 'k1,k2' } });
    assert.ok(fromEnv.ok);
    assert.equal(fromEnv.value.listen.seqPort, false);
    assert.deepEqual(fromEnv.value.logs, { traceIdProperties: ['RequestTrace', 'trace'], seqApiKeys: ['k1', 'k2'] });
  });

  it('names the key of a bad value', () => {
    const badList = validateConfig({ logs: { traceIdProperties: [3] } }, '.');
    assert.ok(!badList.ok && badList.reason.startsWith('logs.traceIdProperties: expected a list of non-empty strings'));
    const badPort = validateConfig({ listen: { seqPort: 'seq' } }, '.');
    assert.ok(!badPort.ok && badPort.reason.startsWith('listen.seqPort:'));
  });
});
