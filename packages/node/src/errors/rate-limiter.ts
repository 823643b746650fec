/**
 * Allows at most `perSecond` events each second and refuses the rest,
 * counting them; capturing locals or exceptions can then never flood the
 * host or Tinsel.
 */
export class RateLimiter {
  private second = -1;
  private used = 0;
  /** Events refused since creation. */
  refused = 0;

  constructor(private readonly perSecond: number, private readonly now: () => number = Date.now) {}

  tryTake(): boolean {
    const second = Math.floor(this.now() / 1000);
    if (second !== this.second) {
      this.second = second;
      this.used = 0;
    }
    if (this.used >= this.perSecond) {
      this.refused++;
      return false;
    }
    this.used++;
    return true;
  }
}
