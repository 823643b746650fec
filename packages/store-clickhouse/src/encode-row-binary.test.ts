import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { col, defineTable } from '@tinsel/model';
import { encodeRowBinary } from './encode-row-binary.ts';

const table = defineTable({
  name: 't',
  timeColumn: 'at',
  doc: 'test',
  columns: { at: col.timestamp.required('time'), text: col.string.nullable('text'), n: col.int64.required('n'), ok: col.bool.required('flag') },
});

describe('encodeRowBinary', () => {
  it('writes little-endian numbers, a null flag before nullable values and LEB128 string lengths', () => {
    const [chunk] = encodeRowBinary(table, [{ at: 1_500_000_000_123_456, text: null, n: -2, ok: true }, { at: 0, text: 'é'.repeat(100), n: 2 ** 40, ok: false }]);
    const b = chunk!;
    assert.equal(b.readBigInt64LE(0), 1_500_000_000_123_456n);
    assert.equal(b[8], 1, 'null flag');
    assert.equal(b.readBigInt64LE(9), -2n);
    assert.equal(b[17], 1);
    assert.equal(b.readBigInt64LE(18), 0n);
    assert.equal(b[26], 0, 'not null');
    assert.deepEqual([b[27], b[28]], [200 & 0x7f | 0x80, 1], '200 bytes as LEB128');
    assert.equal(b.subarray(29, 229).toString('utf8'), 'é'.repeat(100));
    assert.equal(b.readBigInt64LE(229), 2n ** 40n);
    assert.equal(b[237], 0);
    assert.equal(b.length, 238);
  });

  it('writes short text in UTF-8 whether or not it is ASCII', () => {
    const [chunk] = encodeRowBinary(table, [{ at: 0, text: 'zaïre ✓', n: 0, ok: false }, { at: 0, text: 'plain', n: 0, ok: false }]);
    const b = chunk!;
    const utf8 = Buffer.from('zaïre ✓', 'utf8');
    assert.equal(b[9], utf8.length);
    assert.deepEqual(b.subarray(10, 10 + utf8.length), utf8);
    const second = 10 + utf8.length + 9 + 8;
    assert.equal(b[second + 1], 5);
    assert.equal(b.subarray(second + 2, second + 7).toString('latin1'), 'plain');
  });

  it('cuts chunks between rows, never inside one', () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({ at: i, text: `row ${i}`, n: i, ok: i % 2 === 0 }));
    const chunks = encodeRowBinary(table, rows, 64);
    assert.ok(chunks.length > 1);
    const whole = Buffer.concat(chunks);
    assert.deepEqual(whole, Buffer.concat(encodeRowBinary(table, rows)));
    const rowEnds = new Set<number>();
    rows.reduce((end, r) => {
      const next = end + 8 + 1 + 1 + r.text.length + 8 + 1;
      rowEnds.add(next);
      return next;
    }, 0);
    let offset = 0;
    for (const chunk of chunks) {
      offset += chunk.length;
      assert.ok(rowEnds.has(offset), `chunk ends at ${offset}, inside a row`);
    }
    assert.equal(whole.length, Math.max(...rowEnds));
  });
});
