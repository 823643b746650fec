import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AlbFields, INVALID, NOT_LOGGED } from './alb-fields.ts';

function values(line: string): string[] {
  const fields = new AlbFields();
  fields.scan(line);
  const out: string[] = [];
  for (let i = 0; i < fields.count; i++) out.push(line.slice(fields.starts[i], fields.ends[i]));
  return out;
}

function scanned(line: string): AlbFields {
  const fields = new AlbFields();
  fields.scan(line);
  return fields;
}

describe('AlbFields', () => {
  it('splits on spaces and takes quoted fields whole, without their quotes', () => {
    assert.deepEqual(values('a "b c" d "" "-"'), ['a', 'b c', 'd', '', '-']);
  });

  it('treats runs of spaces as one separator and ignores leading and trailing blanks, CR and LF', () => {
    assert.deepEqual(values('  a   "b"  c \r\n'), ['a', 'b', 'c']);
    assert.deepEqual(values('a b\r'), ['a', 'b']);
    assert.deepEqual(values('   '), []);
    assert.deepEqual(values(''), []);
  });

  it('skips a byte-order mark', () => {
    assert.deepEqual(values('\uFEFFh2 x'), ['h2', 'x']);
  });

  it('ends a quoted field at the first quote not escaped by a backslash', () => {
    assert.deepEqual(values('"a \\" b" c'), ['a \\" b', 'c']);
    assert.deepEqual(values('"a \\\\" c'), ['a \\\\', 'c']);
    assert.deepEqual(values('"x\\x22y" z'), ['x\\x22y', 'z']);
  });

  it('marks a quoted field that never closes and keeps the rest of the line in it', () => {
    const fields = scanned('a "b c');
    assert.equal(fields.count, 2);
    assert.equal(fields.unclosed, 1);
    assert.equal(fields.text(1), 'b c');
    assert.equal(scanned('a "b"').unclosed, -1);
  });

  it('grows past 64 fields', () => {
    const line = Array.from({ length: 300 }, (_, i) => `f${i}`).join(' ');
    const fields = scanned(line);
    assert.equal(fields.count, 300);
    assert.equal(fields.text(299), 'f299');
    assert.equal(fields.jsonFrom(298), '["f298","f299"]');
    assert.equal(fields.jsonFrom(300), null);
  });

  it('reads - as null and absent fields as null', () => {
    const fields = scanned('- "-" x');
    assert.equal(fields.text(0), null);
    assert.equal(fields.text(1), null);
    assert.equal(fields.text(2), 'x');
    assert.equal(fields.text(3), null);
  });

  it('reads seconds exactly as parseFloat does, -1 as written, and flags the rest', () => {
    const fields = scanned('0.000 0.048 12.345678 -1 - 1. .5 -0.5 1e3 0.1.2 abc 1234567890123456');
    assert.deepEqual([0, 1, 2].map((i) => fields.seconds(i)), [0, 0.048, 12.345678]);
    assert.equal(fields.seconds(3), -1);
    assert.equal(fields.seconds(4), NOT_LOGGED);
    for (let i = 5; i < fields.count; i++) assert.equal(fields.seconds(i), INVALID, fields.text(i) ?? '-');
  });

  it('reads statuses, counts and signed integers', () => {
    const fields = scanned('200 - 20 2000 abc 366 -1 0');
    assert.equal(fields.status(0), 200);
    assert.equal(fields.status(1), NOT_LOGGED);
    assert.equal(fields.status(2), INVALID);
    assert.equal(fields.status(3), INVALID);
    assert.equal(fields.status(4), INVALID);
    assert.equal(fields.unsigned(5), 366);
    assert.equal(fields.unsigned(1), NOT_LOGGED);
    assert.equal(fields.unsigned(6), INVALID);
    assert.equal(fields.integerOrNull(6), -1);
    assert.equal(fields.integerOrNull(7), 0);
    assert.equal(fields.integerOrNull(1), null);
    assert.equal(fields.integerOrNull(4), null);
    assert.equal(fields.integerOrNull(8), null);
  });

  it('shows a field for an error message, quoted and shortened', () => {
    const fields = scanned(`abc ${'x'.repeat(100)}`);
    assert.equal(fields.show(0), '"abc"');
    assert.equal(fields.show(1), JSON.stringify(`${'x'.repeat(60)}…`));
  });
});
