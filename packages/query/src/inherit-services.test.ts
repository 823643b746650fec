import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inheritServices } from './inherit-services.ts';

describe('inheritServices', () => {
  it('gives a span without a service the service of its nearest ancestor that has one', () => {
    const spans = [
      { span_id: 'a', parent_span_id: null, service: 'checkout' },
      { span_id: 'b', parent_span_id: 'a', service: '' },
      { span_id: 'c', parent_span_id: 'b', service: '' },
      { span_id: 'd', parent_span_id: 'missing', service: '' },
    ];
    assert.deepEqual(inheritServices(spans).map((s) => s.service), ['checkout', 'checkout', 'checkout', '']);
  });

  it('stops at a cycle instead of looping', () => {
    const spans = [
      { span_id: 'x', parent_span_id: 'y', service: '' },
      { span_id: 'y', parent_span_id: 'x', service: '' },
    ];
    assert.deepEqual(inheritServices(spans).map((s) => s.service), ['', '']);
  });
});
