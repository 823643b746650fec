import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findTraceId } from './find-trace-id.ts';

describe('findTraceId', () => {
  it('reads an X-Ray id, alone or inside a header', () => {
    assert.equal(findTraceId('1-5759e988-bd862e3fe1be46a994272793'), '1-5759e988-bd862e3fe1be46a994272793');
    assert.equal(findTraceId('X-Amzn-Trace-Id: Self=1-67891234-12456789abcdef012345678;Root=1-5759E988-BD862E3FE1BE46A994272793;Sampled=1'), '1-5759e988-bd862e3fe1be46a994272793');
  });

  it('reads 32 hex digits and a traceparent', () => {
    assert.equal(findTraceId('  5759E988BD862E3FE1BE46A994272793\n'), '5759e988bd862e3fe1be46a994272793');
    assert.equal(findTraceId('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'), '0af7651916cd43dd8448eb211c80319c');
  });

  it('reads a UUID-shaped id without its dashes', () => {
    assert.equal(findTraceId('0af76519-16cd-43dd-8448-eb211c80319c'), '0af7651916cd43dd8448eb211c80319c');
  });

  it('ignores text that holds no id', () => {
    assert.equal(findTraceId('status:>=500 host:web-3'), null);
    assert.equal(findTraceId(''), null);
    assert.equal(findTraceId('abc123'), null);
  });
});
