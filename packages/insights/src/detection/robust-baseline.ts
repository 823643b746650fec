/** What a series usually looks like: its median and a spread that outliers do not inflate. */
export interface Baseline {
  median: number;
  /** 1.4826 × the median absolute deviation: the standard deviation of a normal series, robustly. */
  spread: number;
  points: number;
}

/** The median of some numbers; NaN when there are none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Median and scaled MAD of a series: a handful of incident minutes in the
 * window moves neither, where a mean and a standard deviation would follow them.
 *
 * @example
 * robustBaseline([0.001, 0.002, 0.001, 0.4]); // → { median: 0.0015, spread: ≈0.00074, points: 4 }
 */
export function robustBaseline(values: readonly number[]): Baseline | null {
  if (values.length === 0) return null;
  const m = median(values);
  const mad = median(values.map((v) => Math.abs(v - m)));
  return { median: m, spread: 1.4826 * mad, points: values.length };
}

/**
 * How many standard deviations `errors` out of `requests` lies above what a
 * rate of `expected` would give (a binomial z-score, with one count of slack
 * so that a near-zero expected rate does not make one error look huge).
 */
export function binomialZ(errors: number, requests: number, expected: number): number {
  const mean = requests * expected;
  return (errors - mean) / Math.sqrt(mean * (1 - expected) + 1);
}
