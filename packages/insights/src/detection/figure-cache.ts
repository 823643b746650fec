import type { Store } from '@tinsel/store';
import type { MinuteFigures } from './minute-figures.ts';
import { queryMinuteFigures } from './query-minute-figures.ts';
import { queryServiceFigures } from './query-service-figures.ts';

const MINUTE = 60_000;

/**
 * Per-minute figures already read, so a cycle only asks the store for the
 * minutes it has not seen plus the last few (which late rows may still change).
 */
export class FigureCache {
  private readonly minutes = new Map<number, MinuteFigures[]>();

  constructor(private readonly store: Store, private readonly settleMinutes = 3) {}

  /** Figures of every minute in [from, to) (epoch ms, whole minutes), reading only what is missing or unsettled. */
  async range(fromMs: number, toMs: number, nowMs: number): Promise<MinuteFigures[]> {
    const settledBefore = nowMs - this.settleMinutes * MINUTE;
    let gapStart: number | null = null;
    const gaps: [number, number][] = [];
    for (let m = fromMs; m < toMs; m += MINUTE) {
      const missing = !this.minutes.has(m) || m >= settledBefore;
      if (missing && gapStart === null) gapStart = m;
      if (!missing && gapStart !== null) {
        gaps.push([gapStart, m]);
        gapStart = null;
      }
    }
    if (gapStart !== null) gaps.push([gapStart, toMs]);
    for (const [from, to] of gaps) await this.fill(from, to);
    const out: MinuteFigures[] = [];
    for (let m = fromMs; m < toMs; m += MINUTE) out.push(...(this.minutes.get(m) ?? []));
    return out;
  }

  /** Forgets minutes before `beforeMs` that no window will ask for again. */
  prune(keep: (minute: number) => boolean): void {
    for (const m of this.minutes.keys()) if (!keep(m)) this.minutes.delete(m);
  }

  private async fill(fromMs: number, toMs: number): Promise<void> {
    const [requests, services] = await Promise.all([
      queryMinuteFigures(this.store, fromMs * 1000, toMs * 1000),
      queryServiceFigures(this.store, fromMs * 1000, toMs * 1000),
    ]);
    for (let m = fromMs; m < toMs; m += MINUTE) this.minutes.set(m, []);
    for (const f of [...requests, ...services]) this.minutes.get(f.minute)?.push(f);
  }
}
