import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readIncomingTrace } from './incoming-trace.ts';
import { amznTraceHeader, outgoingHeaders } from './outgoing-headers.ts';

describe('readIncomingTrace', () => {
  it('continues X-Amzn-Trace-Id with Root, Parent and Sampled', () => {
    assert.deepEqual(readIncomingTrace({ 'x-amzn-trace-id': 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1' }), {
      traceId: '5759e988bd862e3fe1be46a994272793', parentId: '53995c3f42cd8ad8', sampled: true, form: 'amzn',
    });
  });

  it('leaves the decision open for Sampled=? and for an ALB header with only Root and Self', () => {
    assert.equal(readIncomingTrace({ 'x-amzn-trace-id': 'Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=?' })?.sampled, null);
    const alb = readIncomingTrace({ 'x-amzn-trace-id': 'Self=1-67891233-12456789abcdef012345678;Root=1-67891233-abcdef012345678912345678' });
    assert.deepEqual(alb, { traceId: '67891233abcdef012345678912345678', parentId: null, sampled: null, form: 'amzn' });
  });

  it('reads traceparent when there is no usable X-Amzn-Trace-Id', () => {
    const headers = { 'x-amzn-trace-id': 'Root=garbage', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00' };
    assert.deepEqual(readIncomingTrace(headers), { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', parentId: '00f067aa0ba902b7', sampled: false, form: 'traceparent' });
  });

  it('returns null for missing or malformed headers, so a new trace starts', () => {
    assert.equal(readIncomingTrace({}), null);
    assert.equal(readIncomingTrace({ traceparent: '00-00000000000000000000000000000000-00f067aa0ba902b7-01' }), null);
    assert.equal(readIncomingTrace({ 'x-amzn-trace-id': 'Sampled=1' }), null);
  });
});

describe('outgoingHeaders', () => {
  it('writes both forms, which read back to the same trace and parent', () => {
    const headers = outgoingHeaders('5759e988bd862e3fe1be46a994272793', '53995c3f42cd8ad8', false);
    assert.equal(headers['x-amzn-trace-id'], 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0');
    assert.equal(headers.traceparent, '00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-00');
    const back = readIncomingTrace({ traceparent: headers.traceparent });
    assert.deepEqual([back?.traceId, back?.parentId, back?.sampled], ['5759e988bd862e3fe1be46a994272793', '53995c3f42cd8ad8', false]);
  });

  it('leaves Parent out of the response header', () => {
    assert.equal(amznTraceHeader('5759e988bd862e3fe1be46a994272793', null, true), 'Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1');
  });
});
