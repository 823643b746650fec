/** What an instances table knows about the instance behind an IP. */
export interface InstanceEntry {
  readonly instance_id: string | null;
  readonly ami_id: string | null;
  readonly app_version: string | null;
  readonly az: string | null;
  readonly asg: string | null;
}

/** One IP held by one instance over [validFrom, validTo), epoch microseconds; open ends are ±Infinity. */
export interface InstanceRange {
  readonly ip: string;
  readonly validFrom: number;
  readonly validTo: number;
  readonly entry: InstanceEntry;
}

/**
 * The history of one IP as disjoint, sorted segments. Overlaps are resolved
 * once at build time, so a lookup is one binary search with no fix-up.
 */
export interface IpTimeline {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly entries: readonly InstanceEntry[];
}

/**
 * Instances by target IP and time. An IP reused by a newer instance maps to
 * whichever instance held it at the request time; where two ranges overlap
 * (a terminated instance's end time unknown, say) the later valid_from wins.
 *
 * @example
 * const table = new InstanceTable([old, replacement]);
 * const timeline = table.timeline('10.0.1.15');
 * timeline && segmentAt(timeline, requestTimeUs); // index into timeline.entries, or -1
 */
export class InstanceTable {
  readonly size: number;
  private readonly byIp = new Map<string, IpTimeline>();

  constructor(ranges: readonly InstanceRange[]) {
    const grouped = new Map<string, InstanceRange[]>();
    let size = 0;
    for (const range of ranges) {
      if (!(range.validTo > range.validFrom)) continue;
      size++;
      const list = grouped.get(range.ip);
      if (list === undefined) grouped.set(range.ip, [range]);
      else list.push(range);
    }
    for (const [ip, list] of grouped) this.byIp.set(ip, buildTimeline(list));
    this.size = size;
  }

  /** The timeline of an IP as logged, or undefined when the IP is unknown. */
  timeline(ip: string): IpTimeline | undefined {
    return this.byIp.get(ip);
  }

  /** The instance behind `ip` at `timeUs`, or null. */
  lookup(ip: string, timeUs: number): InstanceEntry | null {
    const timeline = this.byIp.get(ip);
    if (timeline === undefined) return null;
    const index = segmentAt(timeline, timeUs);
    return index < 0 ? null : (timeline.entries[index] ?? null);
  }
}

/**
 * Index of the segment covering `timeUs`, or -1.
 *
 * @example
 * segmentAt(timeline, Date.parse('2026-11-20T09:00:00Z') * 1000); // → 0
 */
export function segmentAt(timeline: IpTimeline, timeUs: number): number {
  const { starts, ends } = timeline;
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! <= timeUs) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found >= 0 && timeUs < ends[found]! ? found : -1;
}

function buildTimeline(ranges: InstanceRange[]): IpTimeline {
  // Stable sort: among equal valid_from the row listed last wins, as for duplicates elsewhere.
  const sorted = [...ranges].sort((a, b) => a.validFrom - b.validFrom);
  const bounds = [...new Set(sorted.flatMap((r) => [r.validFrom, r.validTo]))].sort((a, b) => a - b);
  const starts: number[] = [];
  const ends: number[] = [];
  const entries: InstanceEntry[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i]!;
    const winner = latestCovering(sorted, from);
    if (winner === undefined) continue;
    const last = entries.length - 1;
    if (last >= 0 && entries[last] === winner.entry && ends[last] === from) ends[last] = bounds[i + 1]!;
    else {
      starts.push(from);
      ends.push(bounds[i + 1]!);
      entries.push(winner.entry);
    }
  }
  return { starts: Float64Array.from(starts), ends: Float64Array.from(ends), entries };
}

// Bounds include every range end, so whichever ranges cover `at` cover the
// whole elementary segment that starts there.
function latestCovering(sorted: readonly InstanceRange[], at: number): InstanceRange | undefined {
  for (let i = sorted.length - 1; i >= 0; i--) {
    const range = sorted[i]!;
    if (range.validFrom <= at && at < range.validTo) return range;
  }
  return undefined;
}
