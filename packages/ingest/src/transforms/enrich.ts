import type { RequestRecord } from '@tinsel/model';
import type { Enricher } from '../enrichment/enricher.ts';

/**
 * The enrich stage of the request pipeline: fills tenant and instance columns
 * of a parsed batch from the lookup tables and hands the same array on. It
 * writes into the rows rather than copying them (see Enricher.enrich), so the
 * returned batch is the one passed in.
 *
 * @example
 * const rows = enrichRequests(parsedRows, enricher);
 * await store.append(requestsTable, rows);
 */
export function enrichRequests(rows: RequestRecord[], enricher: Pick<Enricher, 'enrich'>): RequestRecord[] {
  if (rows.length > 0) enricher.enrich(rows);
  return rows;
}
