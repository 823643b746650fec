import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AsciiWriter, bytesOf } from './ascii-writer.ts';

/** What one call writes, as a string. */
function written(write: (out: AsciiWriter) => void): string {
  const out = new AsciiWriter(Buffer.alloc(256));
  write(out);
  return out.toString();
}

describe('AsciiWriter', () => {
  it('prints integers as String() does, the simulator own range and beyond it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 2 ** 31 + 10 }), fc.maxSafeNat(), fc.double()), (value) => {
        assert.equal(
          written((out) => out.int(value)),
          String(value),
        );
      }),
      { numRuns: 20_000 },
    );
    for (const value of [0, 9, 10, 99, 100, 2 ** 31 - 1, 2 ** 31, -1, 0.5, Number.NaN, Infinity]) assert.equal(written((out) => out.int(value)), String(value));
  });

  it('prints epoch microseconds as seconds exactly as String(µs / 1e6), and milliseconds as String(ms / 1000)', () => {
    const year2200 = Date.UTC(2200, 0, 1) * 1000;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: year2200 }), fc.integer({ min: 0, max: 10 ** 9 }), (micros, millis) => {
        assert.equal(
          written((out) => out.scaled(micros, 6)),
          String(micros / 1e6),
        );
        assert.equal(
          written((out) => out.scaled(millis, 3)),
          String(millis / 1000),
        );
      }),
      { numRuns: 50_000 },
    );
    for (const micros of [0, 1, 10, 1_000_000, 1_795_532_422_580_000, 1_795_532_422_000_001]) assert.equal(written((out) => out.scaled(micros, 6)), String(micros / 1e6));
    assert.equal(
      written((out) => out.scaled(1.5, 3)),
      String(1.5 / 1000),
    );
  });

  it('prints fixed decimals as toFixed() does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 1, max: 6 }), (units, scale) => {
        assert.equal(
          written((out) => out.fixed(units, scale)),
          (units / 10 ** scale).toFixed(scale),
        );
      }),
      { numRuns: 20_000 },
    );
    assert.equal(
      written((out) => out.fixed(-1500, 3)),
      (-1.5).toFixed(3),
    );
  });

  it('writes 32-bit words as eight lowercase hex digits and pads digits with zeros', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 32 - 1 }), (word) => {
        assert.equal(
          written((out) => out.hex(word)),
          word.toString(16).padStart(8, '0'),
        );
      }),
      { numRuns: 20_000 },
    );
    assert.equal(
      written((out) => out.digits(7, 6)),
      '000007',
    );
    assert.equal(
      written((out) => out.digits(3_000_000_123, 6)),
      '000123',
    );
  });

  it('writes text and fragments, falling back to UTF-8 beyond ASCII', () => {
    const text = written((out) => {
      out.text('GET /');
      out.bytes(bytesOf('ä→'));
      out.textRange('xx café yy', 3, 8);
      out.bytes(bytesOf('a fragment longer than eight bytes'));
    });
    assert.equal(text, 'GET /ä→café a fragment longer than eight bytes');
  });

  it('repeats a range written earlier in the same buffer', () => {
    const out = new AsciiWriter(Buffer.alloc(64));
    out.text('[ctx]');
    out.byte(44);
    out.repeat(0, 5);
    assert.equal(out.toString(), '[ctx],[ctx]');
  });
});
