/**
 * A small, fast, seeded pseudo-random source (sfc32, state seeded through
 * splitmix32) with the distributions the benchmark data needs. The same
 * seed gives the same sequence on every machine, which Math.random cannot.
 *
 * @example
 * const random = new SeededRandom(42);
 * random.int(6);               // 0..5
 * random.logNormal(0.035, 0.9); // a latency in seconds, median 35 ms
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** A uniform 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4_294_967_296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** Log-normal with the given median and shape: long-tailed, like latencies and sizes. */
  logNormal(median: number, sigma: number): number {
    // Box–Muller; 1 - next() keeps the logarithm away from 0.
    const normal = Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
    return median * Math.exp(sigma * normal);
  }

  /** Exponential with the given mean: gaps between independent arrivals. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** `digits` lowercase hex digits. */
  hex(digits: number): string {
    // Two digits per table lookup: Number#toString(16) is slow on values past 2^31.
    let out = '';
    let word = 0;
    for (let i = 0; i < digits; i += 2) {
      if ((i & 7) === 0) word = this.uint32();
      const pair = HEX_PAIRS[word & 255]!;
      out += digits - i === 1 ? pair[0] : pair;
      word >>>= 8;
    }
    return out;
  }
}

const HEX_PAIRS = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
