import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { encodeOtlpTraceResponse } from './encode-otlp-trace-response.ts';

describe('encodeOtlpTraceResponse', () => {
  it('answers a full success with {} or no bytes', () => {
    assert.equal(encodeOtlpTraceResponse(0, '', 'json'), '{}');
    assert.equal(encodeOtlpTraceResponse(0, '', 'protobuf').length, 0);
  });

  it('writes a partial success in OTLP/JSON with the count as a string', () => {
    assert.equal(
      encodeOtlpTraceResponse(3, 'span 2: span has no name', 'json'),
      '{"partialSuccess":{"rejectedSpans":"3","errorMessage":"span 2: span has no name"}}',
    );
    assert.equal(encodeOtlpTraceResponse(0, 'sampled down', 'json'), '{"partialSuccess":{"rejectedSpans":"0","errorMessage":"sampled down"}}');
  });

  it('writes protobuf that OpenTelemetry JS reads back', () => {
    const body = encodeOtlpTraceResponse(3, 'bad ids', 'protobuf');
    const response = ProtobufTraceSerializer.deserializeResponse(body);
    assert.equal(Number(response.partialSuccess?.rejectedSpans), 3);
    assert.equal(response.partialSuccess?.errorMessage, 'bad ids');
  });
});
