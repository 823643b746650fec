import type { SeededRandom } from './seeded-random.ts';

/**
 * Picks items in proportion to their weights, by binary search over the
 * running totals.
 *
 * @example
 * const routes = new WeightedPicker([home, search], [10, 2]);
 * routes.pick(random); // home five times as often as search
 */
export class WeightedPicker<T> {
  private readonly totals: number[];
  private readonly total: number;

  constructor(private readonly items: readonly T[], weights: readonly number[]) {
    let sum = 0;
    this.totals = weights.map((weight) => (sum += weight));
    this.total = sum;
  }

  pick(random: SeededRandom): T {
    const target = random.next() * this.total;
    let low = 0;
    let high = this.totals.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.totals[mid]! > target) high = mid;
      else low = mid + 1;
    }
    return this.items[low]!;
  }
}
