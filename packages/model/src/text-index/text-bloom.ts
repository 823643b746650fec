/** Version of the grams and filter layout below; blocks written under another are always scanned. */
export const TEXT_INDEX_SCHEME = 2;

// Three positions per gram from Fibonacci-style multiplicative hashing: the
// codes are small consecutive integers, which multiplication spreads well.
const MULTIPLIERS = [0x9e3779b1, 0x85ebca77, 0xc2b2ae3d] as const;
/** Bits per distinct gram: about 1.7% false positives per gram with three positions. */
const BITS_PER_GRAM = 10;
const MIN_BITS = 256;
const MAX_BITS = 65_536;

/** Every size a filter of this scheme can have, in bits. */
export const TEXT_BLOOM_SIZES: readonly number[] = Array.from({ length: Math.log2(MAX_BITS / MIN_BITS) + 1 }, (_, i) => MIN_BITS << i);

/** The bits a gram sets in a filter of `bits` bits (a power of two): the top bits of three hashes. */
export function textBloomPositions(gram: number, bits: number): number[] {
  const shift = 32 - Math.log2(bits);
  return MULTIPLIERS.map((multiplier) => (Math.imul(gram, multiplier) >>> 0) >>> shift);
}

/**
 * A Bloom filter of trigram codes, sized to the number of distinct codes
 * (a power of two between 256 and 65,536 bits, so at most 8 KiB however
 * large the block: there are only 50,652 possible codes). Bit `b` is bit
 * `b % 8` (least significant first) of byte `b / 8`.
 *
 * @example
 * const bloom = buildTextBloom(grams); textBloomMayContain(bloom, needleGrams('timeout'));
 */
export function buildTextBloom(grams: Iterable<number> & { readonly size: number }): Uint8Array {
  let bits = MIN_BITS;
  while (bits < grams.size * BITS_PER_GRAM && bits < MAX_BITS) bits *= 2;
  const bloom = new Uint8Array(bits / 8);
  for (const gram of grams) {
    for (const bit of textBloomPositions(gram, bits)) bloom[bit >>> 3]! |= 1 << (bit & 7);
  }
  return bloom;
}

/**
 * False only when the filter proves at least one gram absent; a filter of
 * a size this layout never writes answers true, so it is scanned.
 */
export function textBloomMayContain(bloom: Uint8Array, grams: readonly number[]): boolean {
  const bits = bloom.length * 8;
  if (!TEXT_BLOOM_SIZES.includes(bits)) return true;
  return grams.every((gram) => textBloomPositions(gram, bits).every((bit) => (bloom[bit >>> 3]! & (1 << (bit & 7))) !== 0));
}

/** Bits a character of the stored filter carries (an octal digit). */
export const TEXT_BLOOM_BITS_PER_CHAR = 3;

/**
 * The filter as stored in `log_blocks.bloom`: octal digits, character `i`
 * holding bits 3i (worth 1), 3i+1 (2) and 3i+2 (4). A store tests a bit with
 * `CAST(substr(bloom, i + 1, 1) AS INTEGER) % 2^(k+1) >= 2^k`, plain SQL in
 * every store, instead of sending every filter back (see findTextScope).
 */
export function encodeTextBloom(bloom: Uint8Array): string {
  const bits = bloom.length * 8;
  const chars: string[] = [];
  for (let first = 0; first < bits; first += TEXT_BLOOM_BITS_PER_CHAR) {
    let digit = 0;
    for (let k = 0; k < TEXT_BLOOM_BITS_PER_CHAR && first + k < bits; k++) if (bitOf(bloom, first + k)) digit |= 1 << k;
    chars.push(String(digit));
  }
  return chars.join('');
}

export function decodeTextBloom(text: string, bits: number = textBloomBits(text.length)): Uint8Array {
  const bloom = new Uint8Array(Math.ceil(bits / 8));
  for (let i = 0; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48;
    for (let k = 0; k < TEXT_BLOOM_BITS_PER_CHAR; k++) {
      const bit = i * TEXT_BLOOM_BITS_PER_CHAR + k;
      if ((digit & (1 << k)) !== 0 && bit < bits) bloom[bit >>> 3]! |= 1 << (bit & 7);
    }
  }
  return bloom;
}

/** The size in bits of a stored filter of `length` characters (0 when no size of this scheme has that length). */
export function textBloomBits(length: number): number {
  return TEXT_BLOOM_SIZES.find((bits) => Math.ceil(bits / TEXT_BLOOM_BITS_PER_CHAR) === length) ?? 0;
}

function bitOf(bloom: Uint8Array, bit: number): boolean {
  return (bloom[bit >>> 3]! & (1 << (bit & 7))) !== 0;
}
