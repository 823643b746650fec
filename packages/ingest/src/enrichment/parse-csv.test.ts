import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv } from './parse-csv.ts';

const fields = (text: string): string[][] => {
  const parsed = parseCsv(text);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
  return parsed.value.map((r) => r.fields);
};

describe('parseCsv', () => {
  it('reads a header and rows with CRLF line ends', () => {
    assert.deepEqual(fields('a,b\r\n1,2\r\n'), [['a', 'b'], ['1', '2']]);
  });

  it('reads LF line ends and a last line without a line end', () => {
    assert.deepEqual(fields('a,b\n1,2'), [['a', 'b'], ['1', '2']]);
  });

  it('keeps commas, doubled quotes and line breaks inside quotes', () => {
    assert.deepEqual(fields('"x, y","say ""hi""","two\r\nlines"\r\nz,,""\r\n'), [['x, y', 'say "hi"', 'two\r\nlines'], ['z', '', '']]);
  });

  it('keeps empty fields, leading and trailing', () => {
    assert.deepEqual(fields(',a,\n'), [['', 'a', '']]);
  });

  it('skips blank lines and a byte-order mark', () => {
    assert.deepEqual(fields('\ufeffa\n\n1\r\n\r\n'), [['a'], ['1']]);
  });

  it('keeps a line holding only "" as one empty field', () => {
    assert.deepEqual(fields('a\n""\n'), [['a'], ['']]);
  });

  it('numbers records by the line they start on', () => {
    const parsed = parseCsv('a,b\n"1\n2",3\n4,5\n');
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.value.map((r) => r.line), [1, 2, 4]);
  });

  it('rejects an unterminated quote with its line', () => {
    assert.deepEqual(parseCsv('a\n"open\n'), { ok: false, reason: 'line 2: unterminated quoted field' });
  });

  it('rejects text after a closing quote', () => {
    assert.deepEqual(parseCsv('"a"b,c\n'), { ok: false, reason: 'line 1: unexpected character after a closing quote' });
  });

  it('rejects a quote inside an unquoted field', () => {
    assert.deepEqual(parseCsv('a\nab"c\n'), { ok: false, reason: 'line 2: quote inside an unquoted field' });
  });
});
