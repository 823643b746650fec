import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { columnNames, requestsTable, type RequestRecord, type Result } from '@tinsel/model';
import { parseAlbLine } from './parse-alb-line.ts';

// The AWS documentation's HTTPS example (29 fields) plus conn_trace_id and the transform fields.
const FIELDS = [
  'https', '2018-07-02T22:23:00.186641Z', 'app/my-loadbalancer/50dc6c495c0c9188', '192.168.131.39:2817', '10.0.0.1:80',
  '0.086', '0.048', '0.037', '200', '200', '0', '57', '"GET https://www.example.com:443/ HTTP/1.1"', '"curl/7.46.0"',
  'ECDHE-RSA-AES128-GCM-SHA256', 'TLSv1.2', 'arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067',
  '"Root=1-58337281-1d84f3d73c47ec4e58577259"', '"www.example.com"', '"arn:aws:acm:us-east-2:123456789012:certificate/12345678-1234-1234-1234-123456789012"',
  '1', '2018-07-02T22:22:48.364000Z', '"authenticate,forward"', '"-"', '"-"', '"10.0.0.1:80"', '"200"', '"-"', '"-"',
  'TID_dc57cebed65b444ebc8177bb698fe166', '"-"', '"-"', '"-"',
];
const LINE = FIELDS.join(' ');

function withField(index: number, value: string): string {
  return FIELDS.map((f, i) => (i === index ? value : f)).join(' ');
}

function reasonOf(result: Result<RequestRecord>): string {
  assert.equal(result.ok, false, 'expected a failure');
  return result.ok ? '' : result.reason;
}

function valueOf(result: Result<RequestRecord>): RequestRecord {
  if (!result.ok) assert.fail(result.reason);
  return result.value;
}

describe('parseAlbLine', () => {
  it('returns every column of the requests table, in schema order', () => {
    const alb = valueOf(parseAlbLine(LINE, 's'));
    const classic = valueOf(parseAlbLine('2015-05-13T23:39:43.945958Z lb 1.2.3.4:5 - -1 -1 -1 504 - 0 0 "- - - "', 's'));
    assert.deepEqual(Object.keys(alb), columnNames(requestsTable));
    assert.deepEqual(Object.keys(classic), columnNames(requestsTable));
  });

  it('reads every generation from 25 fields on, leaving absent fields null', () => {
    for (let count = 25; count <= FIELDS.length; count++) {
      const record = valueOf(parseAlbLine(FIELDS.slice(0, count).join(' '), 's'));
      assert.equal(record.sent_bytes, 57);
      assert.equal(record.conn_trace_id, count >= 30 ? 'TID_dc57cebed65b444ebc8177bb698fe166' : null);
      assert.equal(record.target_port_list, count >= 26 ? '10.0.0.1:80' : null);
      assert.equal(record.extra_fields, null);
    }
  });

  it('keeps any number of unknown trailing fields instead of rejecting the line', () => {
    const extra = Array.from({ length: 100 }, (_, i) => (i % 2 ? `"x ${i}"` : `v${i}`));
    const record = valueOf(parseAlbLine(`${LINE} ${extra.join(' ')}`, 's'));
    assert.deepEqual(JSON.parse(record.extra_fields!), extra.map((e) => e.replaceAll('"', '')));
  });

  it('keeps a -1 timing apart from 0', () => {
    const record = valueOf(parseAlbLine(withField(6, '-1'), 's'));
    assert.equal(record.request_processing_time, 0.086);
    assert.equal(record.target_processing_time, null);
    assert.equal(record.timing_unavailable, true);
    assert.equal(valueOf(parseAlbLine(withField(6, '0.000'), 's')).timing_unavailable, false);
    assert.equal(valueOf(parseAlbLine(withField(6, '-'), 's')).timing_unavailable, false);
  });

  it('gives blank lines and the logging test line reasons of their own', () => {
    assert.equal(reasonOf(parseAlbLine('', 's')), 'blank line');
    assert.equal(reasonOf(parseAlbLine('  \r', 's')), 'blank line');
    assert.match(reasonOf(parseAlbLine('Enable AccessLog for ELB: app/my-lb/abc123 at 2025-05-30T16:47:00.781Z', 's')), /^ELB access-log test line/);
  });

  it('names the field, the expectation and the value it rejects', () => {
    const cases: [number, string, string][] = [
      [0, '-', 'field 1 type: expected the entry type (http, https, h2, ...), got "-"'],
      [1, '2018-07-02T22:23:00', 'field 2 time: expected an ISO-8601 UTC timestamp like 2018-07-02T22:23:00.186641Z, got "2018-07-02T22:23:00"'],
      [2, '-', 'field 3 elb: expected the load balancer id, got "-"'],
      [3, '-', 'field 4 client:port: expected ip:port, got "-"'],
      [4, '10.0.0.1', 'field 5 target:port: expected ip:port or "-", got "10.0.0.1"'],
      [5, '0,086', 'field 6 request_processing_time: expected seconds, -1 or "-", got "0,086"'],
      [7, '-2', 'field 8 response_processing_time: expected seconds, -1 or "-", got "-2"'],
      [8, 'abc', 'field 9 elb_status_code: expected a 3-digit status or "-", got "abc"'],
      [9, '2000', 'field 10 target_status_code: expected a 3-digit status or "-", got "2000"'],
      [10, '-', 'field 11 received_bytes: expected a byte count, got "-"'],
      [11, '5.7', 'field 12 sent_bytes: expected a byte count, got "5.7"'],
    ];
    for (const [index, value, reason] of cases) assert.equal(reasonOf(parseAlbLine(withField(index, value), 's')), reason);
  });

  it('says how many fields a short line has', () => {
    assert.equal(reasonOf(parseAlbLine(FIELDS.slice(0, 24).join(' '), 's')), 'expected at least 25 fields in an ALB entry, got 24');
    assert.equal(reasonOf(parseAlbLine('hello world', 's')), 'expected at least 25 fields in an ALB entry, got 2');
    assert.equal(reasonOf(parseAlbLine('2015-05-13T23:39:43.945958Z lb', 's')), 'expected at least 12 fields in a Classic ELB entry, got 2');
  });

  it('rejects a quoted field that never closes', () => {
    assert.equal(reasonOf(parseAlbLine(FIELDS.slice(0, 13).join(' ').slice(0, -1), 's')), 'field 13 request: quoted value has no closing quote');
    assert.equal(reasonOf(parseAlbLine(`${FIELDS.slice(0, 30).join(' ')} "-" "-" "open`, 's')), 'field 33 request_transform_status: quoted value has no closing quote');
  });

  it('keeps an unclosed quote in an unknown trailing field', () => {
    assert.equal(valueOf(parseAlbLine(`${LINE} "open`, 's')).extra_fields, '["open"]');
  });

  it('shortens long bad values in reasons', () => {
    const reason = reasonOf(parseAlbLine(withField(8, 'x'.repeat(5000)), 's'));
    assert.ok(reason.length < 150, reason);
  });

  it('tells Classic ELB lines by their leading timestamp', () => {
    const record = valueOf(parseAlbLine('2015-05-13T23:39:43.945958Z my-lb 192.168.131.39:2817 10.0.0.1:80 0.000073 0.001048 0.000057 200 200 0 29 "GET http://www.example.com:80/ HTTP/1.1" "curl/7.38.0" - -', 's'));
    assert.equal(record.type, 'classic');
    assert.equal(record.lb_name, 'my-lb');
    assert.equal(record.request_processing_time, 0.000073);
    assert.equal(record.request_creation_time, null);
  });

  it('never throws on arbitrary text and always answers a record or a reason', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 600 }), (text) => {
        const result = parseAlbLine(text, 's');
        assert.ok(result.ok ? typeof result.value.time === 'number' : result.reason.length > 0);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws when a valid line is mangled field by field', () => {
    const piece = fc.oneof(fc.constantFrom('-', '"', '\\', '"-"', '""', '-1', ' ', '', ':', '\\"', '\r'), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(FIELDS.length + 3), piece), { maxLength: 6 }), fc.nat(FIELDS.length), (edits, cut) => {
        const fields: string[] = [...FIELDS];
        for (const [index, value] of edits) fields[index] = value;
        const line = fields.slice(0, Math.max(cut, 20)).join(' ');
        const result = parseAlbLine(line, 's');
        if (result.ok) assert.deepEqual(Object.keys(result.value), columnNames(requestsTable));
        else assert.ok(result.reason.length > 0);
      }),
      { numRuns: 3000 },
    );
  });
});
