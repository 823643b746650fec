import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { traceIdFromProperties } from './trace-id-from-properties.ts';

const HEX = '5759e988bd862e3fe1be46a994272793';

describe('traceIdFromProperties', () => {
  it('reads every default name in every form the codec knows', () => {
    const forms = [HEX, HEX.toUpperCase(), '1-5759e988-bd862e3fe1be46a994272793', `Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1`, `00-${HEX}-53995c3f42cd8ad8-01`];
    for (const name of ['TraceId', 'trace_id', 'traceId', 'AmznTraceId', 'X-Amzn-Trace-Id']) {
      for (const value of forms) assert.equal(traceIdFromProperties({ [name]: value })?.traceId, HEX, `${name}=${value}`);
    }
  });

  it('takes the span id from the header Parent, the traceparent, or the span id properties', () => {
    assert.deepEqual(traceIdFromProperties({ AmznTraceId: 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995C3F42CD8AD8;Sampled=1' }), { traceId: HEX, spanId: '53995c3f42cd8ad8' });
    assert.deepEqual(traceIdFromProperties({ traceId: `00-${HEX}-b7ad6b7169203331-01` }), { traceId: HEX, spanId: 'b7ad6b7169203331' });
    assert.deepEqual(traceIdFromProperties({ trace_id: HEX, span_id: 'B7AD6B7169203331' }), { traceId: HEX, spanId: 'b7ad6b7169203331' });
    assert.deepEqual(traceIdFromProperties({ TraceId: HEX, SpanId: 'not-a-span' }), { traceId: HEX, spanId: null });
  });

  it('skips values that are not trace ids and tries the next name', () => {
    assert.deepEqual(traceIdFromProperties({ TraceId: 'order-42', trace_id: HEX }), { traceId: HEX, spanId: null });
    assert.equal(traceIdFromProperties({ TraceId: 42, traceId: '0'.repeat(32) }), null);
    assert.equal(traceIdFromProperties({}), null);
  });

  it('uses only the configured names when given', () => {
    assert.equal(traceIdFromProperties({ TraceId: HEX }, ['RequestTrace']), null);
    assert.equal(traceIdFromProperties({ RequestTrace: HEX }, ['RequestTrace'])?.traceId, HEX);
  });
});
