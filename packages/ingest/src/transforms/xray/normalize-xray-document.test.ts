import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SpanRecord } from '@tinsel/model';
import { normalizeXrayDocument } from './normalize-xray-document.ts';

const TRACE = '1-5759e988-bd862e3fe1be46a994272793';
const NOW = Date.UTC(2025, 0, 1);

function segment(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { trace_id: TRACE, id: 'defdfd9912dc5a56', name: 'shop', start_time: 1461096053.37518, end_time: 1461096053.4042, ...extra };
}

function spansOf(document: unknown): SpanRecord[] {
  const result = normalizeXrayDocument(JSON.stringify(document), 'xray-udp', NOW);
  if (!result.ok) assert.fail(result.reason);
  return result.value.spans;
}

function reasonOf(document: unknown): string {
  const result = normalizeXrayDocument(typeof document === 'string' ? document : JSON.stringify(document), 'xray-udp', NOW);
  return result.ok ? 'ok' : result.reason;
}

describe('normalizeXrayDocument', () => {
  it('maps a segment to one server span with canonical ids and µs times', () => {
    const result = normalizeXrayDocument(JSON.stringify(segment()), 'xray-api', NOW);
    assert.ok(result.ok);
    assert.equal(result.value.documentId, 'defdfd9912dc5a56');
    const [span] = result.value.spans;
    assert.equal(span?.trace_id, '5759e988bd862e3fe1be46a994272793');
    assert.equal(span?.start_time, 1461096053375180);
    assert.equal(span?.end_time, 1461096053404200);
    assert.equal(span?.duration_ms, 29.02);
    assert.equal(span?.kind, 'server');
    assert.equal(span?.service, 'shop');
    assert.equal(span?.source, 'xray-api');
  });

  it('keeps every microsecond of six-decimal times, in plain and E notation', () => {
    for (let micros = 0; micros < 1_000_000; micros += 7919) {
      const fraction = String(micros).padStart(6, '0');
      const text = `{"trace_id":"${TRACE}","id":"defdfd9912dc5a56","name":"a","start_time":1705100000.${fraction},"end_time":1.705100001${fraction}E9}`;
      const result = normalizeXrayDocument(text, 'xray-udp', NOW);
      assert.ok(result.ok);
      assert.equal(result.value.spans[0]?.start_time, 1705100000_000000 + micros);
      assert.equal(result.value.spans[0]?.end_time, 1705100001_000000 + micros);
    }
  });

  it('gives a subsegment the enclosing segment as service and parent, at any depth', () => {
    const leaf = { id: '0000000000000003', name: 'leaf', start_time: 1461096053.38, end_time: 1461096053.39 };
    const middle = { id: '0000000000000002', name: 'middle', start_time: 1461096053.38, end_time: 1461096053.39, subsegments: [leaf] };
    const spans = spansOf(segment({ parent_id: '1111111111111111', subsegments: [middle] }));
    assert.deepEqual(spans.map((s) => [s.span_id, s.parent_span_id, s.service, s.name]), [
      ['defdfd9912dc5a56', '1111111111111111', 'shop', 'shop'],
      ['0000000000000002', 'defdfd9912dc5a56', 'shop', 'middle'],
      ['0000000000000003', '0000000000000002', 'shop', 'leaf'],
    ]);
  });

  it('makes aws and remote subsegments clients and the others internal', () => {
    const sub = (id: string, namespace?: string) => ({ id, name: id, start_time: 1461096053.38, end_time: 1461096053.39, namespace });
    const spans = spansOf(segment({ subsegments: [sub('0000000000000001', 'aws'), sub('0000000000000002', 'remote'), sub('0000000000000003', 'local'), sub('0000000000000004')] }));
    assert.deepEqual(spans.map((s) => s.kind), ['server', 'client', 'client', 'internal', 'internal']);
  });

  it('ranks fault over throttle over error', () => {
    const status = (flags: Record<string, unknown>) => spansOf(segment(flags))[0]?.status;
    assert.equal(status({ error: true, throttle: true, fault: true }), 'fault');
    assert.equal(status({ error: true, throttle: true }), 'throttle');
    assert.equal(status({ error: true }), 'error');
    assert.equal(status({ error: false, fault: 'yes' }), 'ok');
  });

  it('treats an independent subsegment by its own namespace, with an unknown service', () => {
    const [span] = spansOf(segment({ type: 'subsegment', parent_id: '53995c3f42cd8ad8', namespace: 'aws', name: 'DynamoDB' }));
    assert.deepEqual([span?.kind, span?.service, span?.parent_span_id], ['client', '', '53995c3f42cd8ad8']);
  });

  it('copies an exception that a cause id refers to from another subsegment', () => {
    const thrower = { id: '0000000000000002', name: 'db', start_time: 1461096053.38, end_time: 1461096053.39, cause: { exceptions: [{ id: 'aaaaaaaaaaaaaaaa', type: 'Timeout' }] } };
    const spans = spansOf(segment({ fault: true, cause: 'AAAAAAAAAAAAAAAA', subsegments: [thrower] }));
    assert.equal(spans[0]?.exceptions, '[{"id":"aaaaaaaaaaaaaaaa","type":"Timeout","referenced":true}]');
    assert.equal(spans[1]?.exceptions, '[{"id":"aaaaaaaaaaaaaaaa","type":"Timeout"}]');
  });

  it('writes stack frames as "label (path:line)" lines', () => {
    const cause = { exceptions: [{ id: 'aaaaaaaaaaaaaaaa', stack: [{ label: 'save', path: 'app.js', line: 3 }, { label: 'main' }] }] };
    const [span] = spansOf(segment({ cause }));
    assert.deepEqual(JSON.parse(span?.exceptions ?? 'null'), [{ id: 'aaaaaaaaaaaaaaaa', stack: 'save (app.js:3)\nmain' }]);
  });

  it('keeps string, number and boolean annotations and lists the dropped keys', () => {
    const [span] = spansOf(segment({ annotations: { a: 'x', b: 1.5, c: true, d: null, e: [1] } }));
    assert.equal(span?.annotations, '{"a":"x","b":1.5,"c":true}');
    assert.equal(span?.attributes, '{"xray.dropped_annotations":["d","e"]}');
  });

  it('reads a string content_length and status as numbers', () => {
    const [span] = spansOf(segment({ http: { response: { status: '502', content_length: '17' } } }));
    assert.equal(span?.http_status, 502);
    assert.equal(span?.attributes, '{"http.response.content_length":17}');
  });

  it('takes host from aws.ec2.instance_id and passes host and origin down to subsegments', () => {
    const sub = { id: '0000000000000002', name: 'db', start_time: 1461096053.38, end_time: 1461096053.39 };
    const spans = spansOf(segment({ origin: 'AWS::EC2::Instance', aws: { ec2: { instance_id: 'i-0abc' } }, subsegments: [sub] }));
    assert.deepEqual(spans.map((s) => [s.host, s.origin]), [['i-0abc', 'AWS::EC2::Instance'], ['i-0abc', 'AWS::EC2::Instance']]);
    assert.equal(spansOf(segment())[0]?.host, null);
  });

  it('accepts a 32-hex trace id in either case', () => {
    assert.equal(spansOf(segment({ trace_id: '5759E988BD862E3FE1BE46A994272793' }))[0]?.trace_id, '5759e988bd862e3fe1be46a994272793');
  });

  it('names the field, and the nested subsegment by id and path, in failure reasons', () => {
    assert.equal(reasonOf(segment({ id: 'xyz' })), 'segment: id must be 16 hex digits, got "xyz"');
    assert.equal(reasonOf(segment({ end_time: 1461096053 })), 'segment defdfd9912dc5a56: end_time 1461096053 is before start_time 1461096053.37518');
    const bad = { id: '0000000000000009', name: 'x', start_time: 1461096053.38 };
    const nested = { id: '0000000000000002', name: 'db', start_time: 1461096053.38, end_time: 1461096053.39, subsegments: [bad] };
    assert.equal(reasonOf(segment({ subsegments: [nested] })), 'subsegment 0000000000000009 at subsegments[0].subsegments[0]: has neither end_time nor "in_progress": true');
    assert.equal(reasonOf('{"name": "a",'), 'document is not JSON: it ends too early, at line 1 column 14');
  });

  it('flattens subsegments nested thousands of levels deep without recursion', () => {
    const levels = 5000;
    const node = '{"id":"0000000000000001","name":"n","start_time":1461096053.38,"end_time":1461096053.39';
    const chain = `${`${node},"subsegments":[`.repeat(levels - 1)}${node}}${']}'.repeat(levels - 1)}`;
    const text = `{"trace_id":"${TRACE}","id":"defdfd9912dc5a56","name":"a","start_time":1461096053.38,"end_time":1461096053.39,"subsegments":[${chain}]}`;
    const result = normalizeXrayDocument(text, 'xray-udp', NOW);
    assert.equal(result.ok ? result.value.spans.length : result.reason, levels + 1);
  });

  it('rejects, without throwing, metadata nested too deeply to write back as JSON', () => {
    const deep = `${'['.repeat(20000)}1${']'.repeat(20000)}`;
    const text = JSON.stringify(segment()).replace(/}$/, `,"metadata":{"debug":${deep}}}`);
    assert.equal(reasonOf(text), 'segment defdfd9912dc5a56: a value nests too deeply to store (metadata, aws or an unknown field)');
  });
});
