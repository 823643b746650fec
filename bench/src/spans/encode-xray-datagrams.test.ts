import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeXrayDocument, parseXrayDatagram } from '@tinsel/ingest';
import { SeededRandom } from '../alb/seeded-random.ts';
import { encodeXrayDatagrams } from './encode-xray-datagrams.ts';
import { generateTrace } from './generate-trace.ts';

describe('encodeXrayDatagrams', () => {
  const random = new SeededRandom(3);
  const start = Date.UTC(2026, 0, 5, 12) * 1000;
  const traces = Array.from({ length: 500 }, (_, i) => generateTrace(random, start + i * 4_000));

  it('writes datagrams the X-Ray UDP source stores as the same spans, parents and statuses', () => {
    for (const trace of traces) {
      const stored = encodeXrayDatagrams(trace).flatMap((datagram) => {
        const document = parseXrayDatagram(datagram.bytes);
        assert.ok(document.ok, document.ok ? '' : document.reason);
        const spans = normalizeXrayDocument(document.value, 'xray-udp', start / 1000);
        assert.ok(spans.ok, spans.ok ? '' : spans.reason);
        assert.equal(spans.value.spans.length, datagram.spans);
        return spans.value.spans;
      });
      const byId = new Map(stored.map((row) => [row.span_id, row]));
      assert.equal(stored.length, trace.length);
      for (const span of trace) {
        const row = byId.get(span.spanId)!;
        assert.deepEqual([row.trace_id, row.parent_span_id, row.service, row.kind, row.status, row.start_time, row.end_time], [span.traceId, span.parentSpanId, span.service, span.kind, span.status, span.startMicros, span.endMicros]);
      }
    }
  });

  it('keeps every datagram within the daemon protocol', () => {
    const sizes = traces.flatMap((trace) => encodeXrayDatagrams(trace).map((d) => d.bytes.length));
    assert.ok(Math.max(...sizes) < 64 * 1024);
  });
});
