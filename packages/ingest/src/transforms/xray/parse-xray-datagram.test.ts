import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_XRAY_DATAGRAM_BYTES, parseXrayDatagram } from './parse-xray-datagram.ts';

const DOC = '{"trace_id":"1-5759e988-bd862e3fe1be46a994272793","id":"defdfd9912dc5a56","start_time":1,"end_time":2,"name":"a"}';
const parse = (text: string) => parseXrayDatagram(Buffer.from(text, 'utf8'));

describe('parseXrayDatagram', () => {
  it('returns the document after the compact header the node SDK sends', () => {
    assert.deepEqual(parse(`{"format":"json","version":1}\n${DOC}`), { ok: true, value: DOC });
  });

  it('accepts any JSON spelling of the header, format in any case', () => {
    assert.deepEqual(parse(`{ "version" : 1, "format" : "JSON" }\n${DOC}`), { ok: true, value: DOC });
    assert.deepEqual(parse(`{"format":"json","version":1}\r\n${DOC}`), { ok: true, value: DOC });
  });

  it('splits at the first line feed only, leaving a pretty-printed document whole', () => {
    const pretty = '{\n  "name": "a"\n}';
    assert.deepEqual(parse(`{"format":"json","version":1}\n${pretty}`), { ok: true, value: pretty });
  });

  it('rejects a datagram without a line feed, and says when it holds a literal backslash-n', () => {
    assert.deepEqual(parse('{"format":"json","version":1}'), { ok: false, reason: 'datagram has no line feed between header and segment document' });
    const literal = parse(`{"format": "json", "version": 1}\\n${DOC}`);
    assert.equal(literal.ok, false);
    assert.match(!literal.ok ? literal.reason : '', /found the two characters \\n/);
    assert.deepEqual(parse(''), { ok: false, reason: 'datagram is empty' });
  });

  it('rejects an empty or blank document', () => {
    const expected = { ok: false, reason: 'datagram has a header but no segment document after it' };
    assert.deepEqual(parse('{"format":"json","version":1}\n'), expected);
    assert.deepEqual(parse('{"format":"json","version":1}\n \r\n'), expected);
  });

  it('rejects a header that is not JSON, not an object, not json format or not version 1', () => {
    const reasonOf = (header: string) => {
      const r = parse(`${header}\n${DOC}`);
      return r.ok ? 'ok' : r.reason;
    };
    assert.match(reasonOf('format=json'), /^datagram header is not JSON: "format=json"/);
    assert.equal(reasonOf('[1]'), 'datagram header must be a JSON object, got "[1]"');
    assert.equal(reasonOf('{"format":"xml","version":1}'), 'datagram header format must be "json", got "xml"');
    assert.equal(reasonOf('{"version":1}'), 'datagram header format must be "json", got nothing');
    assert.equal(reasonOf('{"format":"json","version":"1"}'), 'datagram header version must be 1, got "1"');
    assert.equal(reasonOf('{"format":"json","version":2}'), 'datagram header version must be 1, got 2');
  });

  it('accepts a datagram of exactly 64 KiB and rejects a larger one, saying why', () => {
    const header = '{"format":"json","version":1}\n';
    const filler = (n: number) => `{"name":"${'x'.repeat(n - header.length - 11)}"}`;
    assert.equal(parse(header + filler(MAX_XRAY_DATAGRAM_BYTES)).ok, true);
    const big = parse(header + filler(MAX_XRAY_DATAGRAM_BYTES + 1));
    assert.deepEqual(big, { ok: false, reason: 'datagram is 65537 bytes, over the 64 KiB (65536 bytes) limit of the X-Ray daemon protocol' });
  });
});
