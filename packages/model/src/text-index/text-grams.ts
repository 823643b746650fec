// Letters and digits get codes 1..36; everything else (spaces, punctuation,
// non-ASCII) ends a run and never appears inside a gram.
const ALPHABET = 37;
const charCode = new Uint8Array(128);
for (let c = 0; c < 10; c++) charCode[48 + c] = 1 + c;
for (let c = 0; c < 26; c++) charCode[97 + c] = 11 + c;

/** Shortest run of letters and digits that yields a gram: a needle without one cannot use the index. */
export const MIN_GRAM_RUN = 3;
/** Gram codes lie in 1..GRAM_CODES - 1. */
export const GRAM_CODES = ALPHABET * ALPHABET * ALPHABET;

/**
 * A set of gram codes as a bitmap over every possible code (6.3 KiB): adding
 * is a bit test, several times cheaper than a Set's hashing on the ingest
 * path, and the distinct codes are kept in insertion order.
 */
export class GramSet implements Iterable<number> {
  private readonly bits = new Uint8Array(Math.ceil(GRAM_CODES / 8));
  private readonly codes: number[] = [];

  add(code: number): void {
    const byte = code >>> 3;
    const mask = 1 << (code & 7);
    if ((this.bits[byte]! & mask) !== 0) return;
    this.bits[byte]! |= mask;
    this.codes.push(code);
  }

  /** Adds every code of `other`. */
  addAll(other: GramSet): void {
    for (const code of other.codes) this.add(code);
  }

  has(code: number): boolean {
    return (this.bits[code >>> 3]! & (1 << (code & 7))) !== 0;
  }

  get size(): number {
    return this.codes.length;
  }

  [Symbol.iterator](): Iterator<number> {
    return this.codes[Symbol.iterator]();
  }
}

/**
 * Adds the trigram codes of a text to `into`: the text is lowercased (as
 * the full-text predicate lowercases it), split into runs of ASCII letters
 * and digits, and every three consecutive characters of a run make one
 * code in 1..50,652. Any needle that occurs in the lowercased text has all
 * of its own trigrams among the text's, which is what lets the index prune
 * a substring search without ever dropping a match.
 *
 * @example
 * const grams = new GramSet(); addTextGrams('Timeout expired', grams); // 'tim', 'ime', … 'red'
 */
export function addTextGrams(text: string, into: GramSet): void {
  const lower = text.toLowerCase();
  let a = 0;
  let b = 0;
  for (let i = 0; i < lower.length; i++) {
    const unit = lower.charCodeAt(i);
    const c = unit < 128 ? (charCode[unit] ?? 0) : 0;
    if (c === 0) {
      a = 0;
      b = 0;
      continue;
    }
    if (a !== 0) into.add(a * ALPHABET * ALPHABET + b * ALPHABET + c);
    a = b;
    b = c;
  }
}

/**
 * The distinct trigram codes a needle requires of any text that contains
 * it (wildcards and punctuation split it into runs); empty when no run is
 * at least three characters long, in which case only a scan can answer.
 *
 * @example
 * needleGrams('ZXQV7RARE').length // 7
 */
export function needleGrams(needle: string): number[] {
  const grams = new GramSet();
  addTextGrams(needle, grams);
  return [...grams];
}
