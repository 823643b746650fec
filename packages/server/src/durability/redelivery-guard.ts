import type { SpanRecord } from '@tinsel/model';
import { join, sql, type Store } from '@tinsel/store';

/** Longer than the OpenTelemetry exporters' retries last (their export timeout, 10 s by default). */
const WINDOW_MS = 2 * 60_000;
const CHUNK = 500;

/**
 * Exactly once across a crash for spans. A span request committed just
 * before the server died never got its answer, and the exporter resends
 * the same spans once the server is back (OTLP exporters retry a reset
 * connection). For a while after start-up, incoming spans whose
 * (trace id, span id, finished or not) are already stored are dropped as redelivered;
 * afterwards no lookup is made, so steady-state ingest pays nothing, and
 * none is made at all after a clean shutdown (`recovering` false).
 * Only spans carry ids that make this safe: two log lines alike may both
 * be real.
 */
export class RedeliveryGuard {
  private readonly until: number;

  constructor(recovering: boolean, startedAt = Date.now(), windowMs = WINDOW_MS) {
    this.until = recovering ? startedAt + windowMs : 0;
  }

  /** The spans not already stored (all of them once the window has passed). */
  async fresh(store: Pick<Store, 'query' | 'dialect'>, spans: readonly SpanRecord[], now = Date.now()): Promise<{ fresh: readonly SpanRecord[]; redelivered: number }> {
    if (now >= this.until || spans.length === 0) return { fresh: spans, redelivered: 0 };
    const stored = new Set<string>();
    for (let i = 0; i < spans.length; i += CHUNK) {
      const chunk = spans.slice(i, i + CHUNK);
      const traceIds = [...new Set(chunk.map((s) => s.trace_id))].map((id) => store.dialect.traceId(id));
      const spanIds = [...new Set(chunk.map((s) => s.span_id))];
      const rows = await store.query(sql`SELECT span_id, CASE WHEN end_time IS NULL THEN 1 ELSE 0 END AS open FROM spans WHERE trace_id IN (${join(traceIds)}) AND span_id IN (${join(spanIds)})`);
      for (const row of rows) stored.add(`${String(row.span_id)} ${Number(row.open)}`);
    }
    if (stored.size === 0) return { fresh: spans, redelivered: 0 };
    const fresh = spans.filter((s) => !stored.has(`${s.span_id} ${s.end_time === null ? 1 : 0}`));
    return { fresh, redelivered: spans.length - fresh.length };
  }
}
