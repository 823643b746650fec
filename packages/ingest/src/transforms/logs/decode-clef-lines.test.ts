import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeClefLines } from './decode-clef-lines.ts';

const options = { source: 'seq-clef', receivedAt: 1_700_000_000_000_000 };
const good = '{"@t":"2024-03-01T10:15:30Z","@mt":"ok {N}","N":1}';

describe('decodeClefLines', () => {
  it('skips blank lines and a byte order mark, counting lines as written, CRLF or LF', () => {
    const decoded = decodeClefLines(`\uFEFF${good}\r\n\r\n  \n${good}\n`, options);
    assert.equal(decoded.records.length, 2);
    assert.deepEqual(decoded.rejected, []);
  });

  it('rejects each bad line with its line number, reason and text', () => {
    const lines = [
      good,
      '{"@t":"2024-03-01T10:15:30Z"',
      '[1,2]',
      '{"@mt":"no time"}',
      '{"@t":"2024-02-30T10:15:30Z","@mt":"impossible"}',
      '{"@t":1709288130,"@mt":"number time"}',
      '{"@t":"2024-03-01T10:15:30Z","@l":3}',
      '{"@t":"2024-03-01T10:15:30Z","@mt":{"not":"text"}}',
      '{"@t":"2024-03-01T10:15:30Z","@x":["no"]}',
      '{"@t":"2024-03-01T10:15:30Z","@r":"no"}',
      '"just a string"',
    ];
    const decoded = decodeClefLines(lines.join('\n'), options);
    assert.equal(decoded.records.length, 1);
    assert.deepEqual(decoded.rejected.map((r) => r.position), [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    assert.deepEqual(decoded.rejected.map((r) => r.raw), lines.slice(1));
    const reasons = decoded.rejected.map((r) => r.reason);
    assert.match(reasons[0]!, /^invalid JSON/);
    assert.match(reasons[1]!, /expected a JSON object, got an array/);
    assert.match(reasons[2]!, /no @t/);
    assert.match(reasons[3]!, /impossible timestamp .*no day 30/);
    assert.match(reasons[4]!, /@t must be an ISO-8601 string/);
    assert.match(reasons[5]!, /@l must be a string/);
    assert.match(reasons[6]!, /@mt must be a string/);
    assert.match(reasons[7]!, /@x must be a string/);
    assert.match(reasons[8]!, /@r must be an array/);
  });

  it('rejects an event over the size limit', () => {
    const big = `{"@t":"2024-03-01T10:15:30Z","Blob":"${'x'.repeat(300 * 1024)}"}`;
    assert.match(decodeClefLines(big, options).rejected[0]?.reason ?? '', /larger than/);
  });

  it('reads lines without @t as plain JSON logs only when asked', () => {
    const pino = '{"level":50,"time":1709288130123,"msg":"boom","pid":1,"hostname":"web-3","err":{"type":"Error","message":"boom","stack":"Error: boom\\n    at x"}}';
    assert.equal(decodeClefLines(pino, options).rejected.length, 1);
    const decoded = decodeClefLines(`${pino}\n${good}`, { ...options, source: 'ndjson', plainJson: true });
    assert.equal(decoded.rejected.length, 0);
    const [row] = decoded.records;
    assert.equal(row?.level, 'error');
    assert.equal(row?.message, 'boom');
    assert.equal(row?.timestamp, 1709288130123000);
    assert.equal(row?.host, 'web-3');
    assert.equal(row?.exception, 'Error: boom\n    at x');
    assert.deepEqual(JSON.parse(row?.properties ?? ''), { pid: 1, hostname: 'web-3', err: { type: 'Error', message: 'boom', stack: 'Error: boom\n    at x' } });
    assert.equal(decoded.records[1]?.source, 'ndjson');
  });
});
