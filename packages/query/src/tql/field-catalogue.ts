import { tables, type ColumnSpec, type ColumnType, type Signal, type TableSchema } from '@tinsel/model';
import { ident, sql, type Dialect, type Sql } from '@tinsel/store';

/** How a field compares: numbers numerically, times as times, text as text. */
export type FieldType = 'string' | 'number' | 'timestamp' | 'bool' | 'trace_id' | 'json';

/** A field a query may name: a column, or an expression over columns (`duration`). */
export interface TqlField {
  /** The canonical name, shown in results and explanations. */
  name: string;
  type: FieldType;
  /** Other names that mean this field (`status` for `elb_status_code`). */
  aliases: readonly string[];
  doc: string;
  /** `field:value` matches a word inside the text (ignoring case) rather than the whole value. */
  text: boolean;
  /** The SQL expression; identifiers only from the table schema. */
  expr(dialect: Dialect): Sql;
  /** Puts a typed value in the form the column stores (`ERROR` → `error`), for exact matches. */
  normalize?: (value: string) => string;
}

/** Per signal: the fields, the full-text fields bare words search, and the columns that order rows of equal time. */
export interface SignalCatalogue {
  signal: Signal;
  table: TableSchema;
  fields: readonly TqlField[];
  /** Canonical names of the fields bare words and phrases search. */
  textFields: readonly string[];
  tiebreak: readonly string[];
}

const TYPES: Record<ColumnType, FieldType> = { string: 'string', int32: 'number', int64: 'number', float64: 'number', bool: 'bool', timestamp: 'timestamp', trace_id: 'trace_id', json: 'json' };

interface Extra {
  aliases?: Record<string, string[]>;
  text?: string[];
  computed?: TqlField[];
  normalize?: Record<string, (value: string) => string>;
}

const lower = (value: string) => value.toLowerCase();
const upper = (value: string) => value.toUpperCase();
const LEVELS: Record<string, string> = { warning: 'warn', information: 'info', informational: 'info', err: 'error', critical: 'fatal', verbose: 'trace' };
/** Levels are stored as trace, debug, info, warn, error, fatal; Serilog's and syslog's names find them too. */
const level = (value: string) => LEVELS[value.toLowerCase()] ?? value.toLowerCase();

function build(signal: Signal, extra: Extra, textFields: string[], tiebreak: string[]): SignalCatalogue {
  const table = tables[signal];
  const columns: TqlField[] = Object.entries(table.columns as Record<string, ColumnSpec>).map(([name, spec]) => ({
    name,
    type: TYPES[spec.type],
    aliases: extra.aliases?.[name] ?? [],
    doc: spec.doc,
    text: extra.text?.includes(name) ?? false,
    expr: () => sql`${ident(name)}`,
    ...(extra.normalize?.[name] ? { normalize: extra.normalize[name] } : {}),
  }));
  return { signal, table, fields: [...columns, ...(extra.computed ?? [])], textFields, tiebreak };
}

/** The three processing times, in milliseconds; null when any is unknown (`-1` in the log). */
const requestDuration: TqlField = {
  name: 'duration',
  type: 'number',
  aliases: ['duration_ms', 'latency'],
  doc: 'Milliseconds the load balancer spent on the request: request + target + response processing time. Null when any of them was -1.',
  text: false,
  expr: () => sql`((request_processing_time + target_processing_time + response_processing_time) * 1000)`,
};

const targetDuration: TqlField = {
  name: 'target_duration',
  type: 'number',
  aliases: ['target_ms'],
  doc: 'Milliseconds from sending the request to the target until its response headers came back (target_processing_time × 1000).',
  text: false,
  expr: () => sql`(target_processing_time * 1000)`,
};

const requests = build(
  'requests',
  {
    aliases: {
      elb_status_code: ['status', 'status_code'],
      target_status_code: ['target_status'],
      request_method: ['method'],
      request_path: ['path'],
      request_url: ['url'],
      request_query: ['query'],
      request_host: ['http_host'],
      domain_name: ['domain'],
      client_ip: ['client'],
      target_ip: ['target'],
      instance_id: ['host', 'instance'],
      app_version: ['version'],
      lb_name: ['lb'],
      trace_id: ['trace'],
      user_agent: ['ua'],
    },
    text: ['user_agent'],
    computed: [requestDuration, targetDuration],
    normalize: { request_method: upper },
  },
  ['request_url', 'user_agent', 'domain_name', 'error_reason', 'redirect_url'],
  // A retried request shares time, client and trace id with its first try (AWS's own examples do): the answer tells them apart.
  ['client_ip', 'client_port', 'trace_id', 'elb_status_code', 'target_ip', 'target_port', 'request_url', 'sent_bytes'],
);

const spans = build(
  'spans',
  {
    aliases: {
      duration_ms: ['duration', 'latency'],
      http_method: ['method'],
      http_url: ['url'],
      http_status: ['status_code'],
      sql_query: ['sql'],
      db_server: ['db'],
      span_id: ['span'],
      parent_span_id: ['parent'],
      trace_id: ['trace'],
    },
    text: ['sql_query', 'exceptions'],
    normalize: { status: lower, kind: lower, http_method: upper },
  },
  ['name', 'http_url', 'sql_query', 'exceptions'],
  ['span_id', 'in_progress'],
);

const logs = build(
  'logs',
  {
    aliases: { message: ['msg'], message_template: ['template'], exception: ['error'], span_id: ['span'], trace_id: ['trace'], timestamp: ['time'] },
    text: ['message', 'exception'],
    normalize: { level },
  },
  ['message', 'exception'],
  ['span_id', 'message', 'host', 'properties'],
);

const catalogues: Record<Signal, SignalCatalogue> = { requests, spans, logs };

/** The fields a query over `signal` may name. */
export function catalogueFor(signal: Signal): SignalCatalogue {
  return catalogues[signal];
}
