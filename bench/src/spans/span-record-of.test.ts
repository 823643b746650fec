import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeOtlpTraces } from '@tinsel/ingest';
import { SeededRandom } from '../alb/seeded-random.ts';
import { encodeOtlpRequest } from './encode-otlp-request.ts';
import { generateTrace } from './generate-trace.ts';
import { spanRecordOf } from './span-record-of.ts';
import type { SyntheticSpan } from './synthetic-span.ts';

function traces(count: number): SyntheticSpan[] {
  const random = new SeededRandom(7);
  const spans: SyntheticSpan[] = [];
  for (let i = 0; i < count; i++) spans.push(...generateTrace(random, Date.UTC(2026, 0, 5, 12) * 1000 + i * 2_500));
  return spans;
}

describe('spanRecordOf', () => {
  // Enough traces to hold every operation, 4xx and 5xx among them.
  const spans = traces(3_000);

  it('builds the row the OTLP path stores for the same span', () => {
    const decoded = decodeOtlpTraces(Buffer.from(encodeOtlpRequest(spans)), 'protobuf');
    assert.ok(decoded.ok, decoded.ok ? '' : decoded.reason);
    assert.equal(decoded.value.rejected.length, 0);
    const stored = new Map(decoded.value.spans.map((row) => [row.span_id, row]));
    for (const span of spans) assert.deepEqual(spanRecordOf(span), stored.get(span.spanId));
  });

  it('covers faults, client errors and every kind', () => {
    const statuses = new Set(spans.map((s) => `${s.kind}/${s.status}`));
    for (const expected of ['server/ok', 'server/error', 'server/fault', 'client/ok', 'client/fault', 'internal/ok']) assert.ok(statuses.has(expected), expected);
  });
});
