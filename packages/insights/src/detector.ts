import { ident, sql, type Store } from '@tinsel/store';
import { badPredicate, queryContrast, sampleBadTraces } from './contrast/query-contrast.ts';
import { defaultDetectionSettings, type Anomaly, type AnomalyFamily, type DetectionSettings } from './detection/anomaly.ts';
import { FigureCache } from './detection/figure-cache.ts';
import { findFleetAnomalies } from './detection/find-fleet-anomalies.ts';
import { findHistoryAnomalies } from './detection/find-history-anomalies.ts';
import { bucketMs, type MinuteFigures } from './detection/minute-figures.ts';
import { queryFleetFigures } from './detection/query-fleet-figures.ts';
import type { Incident } from './incidents/incident.ts';
import { IncidentBook } from './incidents/incident-book.ts';
import type { IncidentRepository } from './incidents/incident-repository.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface DetectorOptions {
  store: Store;
  /** Where incidents are kept; none in tests that only look at the cycle's answer. */
  repository?: IncidentRepository;
  settings?: Partial<DetectionSettings>;
  /** Recent minutes the baseline is taken from. */
  historyMinutes?: number;
  /** Previous days whose same hour also forms a baseline, when the store has them. */
  sameHourDays?: number;
  /** Prefix of incident ids. */
  idPrefix?: string;
}

/** What one detection cycle did. */
export interface CycleReport {
  /** The minute judged (epoch ms): the last whole minute before now. */
  minute: number;
  anomalies: Anomaly[];
  /** Incidents opened, updated or resolved by this cycle. */
  changed: Incident[];
  elapsedMs: number;
}

/**
 * Anomaly detection over the enriched requests (and root spans): once a
 * minute, judge the last whole minute of the estate, each target group,
 * route and service against their own history, and each host and app
 * version against its peers; contrast bad and good requests to name the
 * likely cause; keep incidents. The clock is a parameter, so tests drive
 * it through simulated time.
 *
 * @example
 * const detector = new Detector({ store, repository: new IncidentRepository(store) });
 * setInterval(() => void detector.runCycle(Date.now()), 60_000);
 */
export class Detector {
  readonly settings: DetectionSettings;
  private readonly cache: FigureCache;
  private readonly book: IncidentBook;
  private readonly historyMinutes: number;
  private readonly sameHourDays: number;
  private adopted = false;

  constructor(private readonly options: DetectorOptions) {
    this.settings = { ...defaultDetectionSettings, ...options.settings };
    this.cache = new FigureCache(options.store);
    this.book = new IncidentBook(options.idPrefix ?? 'inc');
    this.historyMinutes = options.historyMinutes ?? 60;
    this.sameHourDays = options.sameHourDays ?? 7;
  }

  openIncidents(): Incident[] {
    return this.book.openIncidents();
  }

  /** Judges the last whole minute before `nowMs`. */
  async runCycle(nowMs: number): Promise<CycleReport> {
    const started = performance.now();
    await this.adoptOpenIncidents();
    const minute = Math.floor(nowMs / MINUTE) * MINUTE - MINUTE;
    const recent = await this.cache.range(minute - this.historyMinutes * MINUTE, minute + MINUTE, nowMs);
    const sameHour = await this.sameHourFigures(minute, nowMs);
    this.cache.prune((m) => m >= minute - this.historyMinutes * MINUTE || sameHour.windows.some(([a, b]) => m >= a && m < b));
    const fleet = await queryFleetFigures(this.options.store, minute);
    const anomalies = [...historyAnomalies(minute, recent, sameHour.figures, this.settings), ...findFleetAnomalies(fleet, this.settings)];
    const changed = await this.track(minute, anomalies, nowMs);
    await this.options.repository?.save(changed);
    return { minute, anomalies, changed, elapsedMs: performance.now() - started };
  }

  private async track(minute: number, anomalies: Anomaly[], nowMs: number): Promise<Incident[]> {
    const families = new Set<AnomalyFamily>(anomalies.map((a) => a.family));
    const changed: Incident[] = [];
    for (const family of families) {
      const bad = badPredicate(family);
      const contrast = await queryContrast(this.options.store, minute * 1000, (minute + MINUTE) * 1000, bad);
      const incident = this.book.record({ family, minute, anomalies: anomalies.filter((a) => a.family === family), contrast }, nowMs);
      const top = incident.candidates[0];
      incident.sampleTraceIds = await sampleBadTraces(this.options.store, incident.onset * 1000, (minute + MINUTE) * 1000, bad, top ?? null);
      changed.push(incident);
    }
    changed.push(...this.book.resolveQuiet(minute, families, nowMs));
    return changed;
  }

  private async sameHourFigures(minute: number, nowMs: number): Promise<{ figures: MinuteFigures[]; windows: [number, number][] }> {
    const [row] = await this.options.store.query(sql`SELECT min(${ident('time')}) AS first FROM ${ident('requests')}`);
    const first = row?.first === null || row?.first === undefined ? Number.POSITIVE_INFINITY : bucketMs(row.first);
    const windows: [number, number][] = [];
    const figures: MinuteFigures[] = [];
    for (let day = 1; day <= this.sameHourDays; day++) {
      const from = minute - day * DAY - 30 * MINUTE;
      const to = minute - day * DAY + 30 * MINUTE;
      if (to <= first) break;
      windows.push([from, to]);
      figures.push(...(await this.cache.range(from, to, nowMs)));
    }
    return { figures, windows };
  }

  private async adoptOpenIncidents(): Promise<void> {
    if (this.adopted) return;
    this.adopted = true;
    if (this.options.repository) this.book.adopt(await this.options.repository.open());
  }
}

function historyAnomalies(minute: number, recent: readonly MinuteFigures[], sameHour: readonly MinuteFigures[], settings: DetectionSettings): Anomaly[] {
  const key = (f: MinuteFigures) => `${f.scopeKind}\u0000${f.scope}`;
  const past = new Map<string, MinuteFigures[]>();
  const older = new Map<string, MinuteFigures[]>();
  for (const f of recent) if (f.minute < minute) past.set(key(f), [...(past.get(key(f)) ?? []), f]);
  for (const f of sameHour) older.set(key(f), [...(older.get(key(f)) ?? []), f]);
  return recent
    .filter((f) => f.minute === minute)
    .flatMap((current) => findHistoryAnomalies({ current, recent: past.get(key(current)) ?? [], sameHour: older.get(key(current)) ?? [] }, settings));
}
