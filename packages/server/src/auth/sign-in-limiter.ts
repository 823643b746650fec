export interface SignInLimiterOptions {
  /** Failed sign-ins allowed per address in one window. */
  failures: number;
  windowMs: number;
  /** Addresses remembered at once; past it the oldest is forgotten. */
  maxAddresses: number;
  now?: () => number;
}

interface Window {
  count: number;
  resetAt: number;
}

/**
 * Counts failed sign-ins per remote address in fixed windows: after
 * `failures` in one window, further attempts from that address are refused
 * until the window ends. An attempt counts as it starts and is taken back
 * if it succeeds, so parallel guesses are limited as well as a series; a
 * success clears nothing else, so a guesser holding one valid account
 * cannot wipe its own count.
 */
export class SignInLimiter {
  readonly #windows = new Map<string, Window>();
  readonly #options: Required<SignInLimiterOptions>;

  constructor(options: Partial<SignInLimiterOptions> = {}) {
    this.#options = { failures: 10, windowMs: 60_000, maxAddresses: 10_000, now: Date.now, ...options };
  }

  /** Seconds until the address may try again; 0 when it may now. */
  retryAfter(address: string): number {
    const window = this.#windows.get(address);
    const now = this.#options.now();
    if (window === undefined || window.resetAt <= now || window.count < this.#options.failures) return 0;
    return Math.max(1, Math.ceil((window.resetAt - now) / 1000));
  }

  /** Records one failed sign-in from the address. */
  fail(address: string): void {
    const now = this.#options.now();
    const window = this.#windows.get(address);
    if (window !== undefined && window.resetAt > now) {
      window.count += 1;
      return;
    }
    this.#windows.delete(address);
    if (this.#windows.size >= this.#options.maxAddresses) this.#forgetOldest(now);
    this.#windows.set(address, { count: 1, resetAt: now + this.#options.windowMs });
  }

  /** Takes back one failure: an attempt counted before its check (so a burst of parallel guesses is limited too) that succeeded. */
  forgive(address: string): void {
    const window = this.#windows.get(address);
    if (window !== undefined && window.count > 0) window.count -= 1;
  }

  #forgetOldest(now: number): void {
    for (const [address, window] of this.#windows) if (window.resetAt <= now) this.#windows.delete(address);
    const oldest = this.#windows.keys().next().value;
    if (this.#windows.size >= this.#options.maxAddresses && oldest !== undefined) this.#windows.delete(oldest);
  }
}
