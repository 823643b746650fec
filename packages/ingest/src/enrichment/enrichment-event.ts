/** Which lookup table an event or statistic is about. */
export type TableName = 'tenants' | 'instances';

/**
 * What the enricher reports about itself, through the `onEvent` callback
 * given to createEnricher (it never writes to the console). The server turns
 * these into structured log lines.
 *
 * @example
 * createEnricher(config, { onEvent: (e) => log.info(e.type, e) });
 */
export type EnrichmentEvent =
  | { type: 'table-loaded'; table: TableName; file: string; size: number; duplicates: number }
  | { type: 'table-load-failed'; table: TableName; file: string; reason: string }
  | { type: 'table-polling'; table: TableName; file: string; reason: string };
