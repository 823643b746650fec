import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildTextBloom, decodeTextBloom, encodeTextBloom, textBloomMayContain } from './text-bloom.ts';
import { GramSet, addTextGrams, needleGrams } from './text-grams.ts';

const gramsOf = (...texts: string[]): GramSet => {
  const grams = new GramSet();
  for (const text of texts) addTextGrams(text, grams);
  return grams;
};

describe('text grams', () => {
  it('lowercases and keeps trigrams inside runs of letters and digits', () => {
    assert.equal(gramsOf('Ab-cde').size, 1);
    assert.deepEqual([...gramsOf('CDE')], [...gramsOf('x-cde')]);
    assert.equal(needleGrams('ZXQV7RARE').length, 7);
  });

  it('gives a needle without a three-character run no grams', () => {
    assert.deepEqual(needleGrams('ab cd'), []);
    assert.deepEqual(needleGrams('*a?b*'), []);
  });

  it('finds every gram of any substring of a text among the text grams (lowercased)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', 'z', '7', ' ', '-', 'é', 'K', '_') }), fc.nat(), fc.nat(), (text, i, j) => {
        const lower = text.toLowerCase();
        const needle = lower.slice(Math.min(i, j) % (lower.length + 1), Math.max(i, j) % (lower.length + 1));
        const grams = gramsOf(text);
        for (const gram of needleGrams(needle)) assert.ok(grams.has(gram));
      }),
    );
  });
});

describe('text Bloom filter', () => {
  it('never denies a gram it was built with, and survives its base64 form', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 50_652 }), { maxLength: 3000 }), (codes) => {
        const bloom = decodeTextBloom(encodeTextBloom(buildTextBloom(new Set(codes))));
        for (const code of codes) assert.ok(textBloomMayContain(bloom, [code]));
      }),
      { numRuns: 50 },
    );
  });

  it('denies most grams it was not built with', () => {
    const bloom = buildTextBloom(gramsOf('Request started for order 42'));
    assert.equal(textBloomMayContain(bloom, needleGrams('ZXQV7RARE')), false);
  });

  it('answers true for a filter of a size it never writes', () => {
    assert.ok(textBloomMayContain(new Uint8Array(3), needleGrams('anything')));
  });
});
