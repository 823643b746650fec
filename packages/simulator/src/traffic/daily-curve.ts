const DAY_MS = 86_400_000;

/**
 * Share of the peak rate at an instant: a quiet night (20 % at 03:00 UTC)
 * and a busy afternoon (100 % at 15:00 UTC).
 *
 * @example
 * dailyCurve(Date.UTC(2026, 10, 24, 15)); // 1
 */
export function dailyCurve(epochMs: number): number {
  const hour = ((epochMs % DAY_MS) + DAY_MS) % DAY_MS / 3_600_000;
  return 0.6 - 0.4 * Math.cos((2 * Math.PI * (hour - 3)) / 24);
}
