// The trace view's own shape of a span: times as epoch microseconds and the
// JSON columns (exceptions, annotations, attributes, resource) parsed, so the
// waterfall does its arithmetic once.
import type { TraceSpan } from '../../api/index.ts';

/** One span as the waterfall draws it. */
export interface WaterfallSpan {
  id: string;
  parentId: string | null;
  service: string;
  /** What the bar's colour stands for: the service, or the remote thing a client span calls. */
  colorKey: string;
  name: string;
  kind: string;
  status: string;
  startUs: number;
  /** End in microseconds; an in-progress span ends at the last time the trace shows. */
  endUs: number;
  inProgress: boolean;
  raw: TraceSpan;
}

/** An exception recorded on a span (X-Ray `cause` or an OTel exception event). */
export interface SpanException {
  type: string | null;
  message: string | null;
  stack: string | null;
}

/**
 * Epoch microseconds of an ISO-8601 UTC time with up to six fractional digits;
 * Date.parse keeps only milliseconds, so the rest is added back.
 *
 * @example isoToMicros('2026-11-26T05:08:05.857013Z') // 1795669685857013
 */
export function isoToMicros(iso: string): number {
  const match = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:?\d\d)?$/.exec(iso);
  if (!match) return Date.parse(iso) * 1000;
  const fraction = (match[2] ?? '').padEnd(6, '0').slice(0, 6);
  return Date.parse(`${match[1]}${match[3] ?? 'Z'}`) * 1000 + Number(fraction);
}

/** Reads a JSON column, which the API sends as text (or already parsed). */
export function parseJsonField(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** The exceptions of a span, whatever shape the column holds. */
export function spanExceptions(span: TraceSpan): SpanException[] {
  const parsed = parseJsonField(span.exceptions);
  const list = Array.isArray(parsed) ? parsed : parsed && typeof parsed === 'object' ? [parsed] : [];
  return list.map((item) => {
    const e = (item ?? {}) as Record<string, unknown>;
    const text = (key: string) => (typeof e[key] === 'string' ? (e[key] as string) : null);
    return { type: text('type'), message: text('message'), stack: Array.isArray(e.stack) ? e.stack.map(String).join('\n') : text('stack') };
  });
}

/** Flattens a JSON object into dotted paths, for a key/value list. */
export function flattenObject(value: unknown, prefix = ''): [string, string][] {
  if (value === null || value === undefined) return [];
  if (typeof value !== 'object' || Array.isArray(value)) return [[prefix || 'value', typeof value === 'string' ? value : JSON.stringify(value)]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? flattenObject(inner, path) : [[path, typeof inner === 'string' ? inner : JSON.stringify(inner)] as [string, string]];
  });
}

/** Converts the API's spans; in-progress spans stretch to the end of the latest span seen. */
export function toWaterfallSpans(spans: TraceSpan[]): WaterfallSpan[] {
  const converted = spans.map((raw) => {
    const startUs = isoToMicros(raw.start_time);
    const endUs = raw.end_time ? isoToMicros(raw.end_time) : raw.duration_ms !== null ? startUs + raw.duration_ms * 1000 : null;
    return { raw, startUs, endUs };
  });
  const lastUs = Math.max(...converted.map((s) => s.endUs ?? s.startUs));
  return converted.map(({ raw, startUs, endUs }) => ({
    id: raw.span_id,
    parentId: raw.parent_span_id,
    service: raw.service || '(unknown service)',
    colorKey: peerOf(raw) ?? (raw.service || '(unknown service)'),
    name: raw.name,
    kind: typeof raw.kind === 'string' ? raw.kind : '',
    status: raw.status,
    startUs,
    endUs: endUs ?? lastUs,
    inProgress: endUs === null || raw.in_progress === true,
    raw,
  }));
}

/**
 * The remote a client span calls: its database server's host, else its name
 * (X-Ray names a remote subsegment after the host it calls).
 *
 * @example peerOf({ kind: 'client', db_server: 'postgresql://db-0.internal:5432/tenant_0', … }) // 'db-0.internal'
 */
export function peerOf(span: TraceSpan): string | null {
  if (span.kind !== 'client') return null;
  if (typeof span.db_server === 'string' && span.db_server !== '') {
    const host = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^:/?#]+)/i.exec(span.db_server);
    return host?.[1] ?? span.db_server;
  }
  return span.name;
}
