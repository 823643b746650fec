import { columnNames, requestsTable, type RequestRecord } from '@tinsel/model';

/**
 * A request row with every column null (or its zero), overlaid with
 * `fields`, for tests of enrichment. Built key by key, these rows are slower
 * to read and write than the parser's, so do not time enrichment with them.
 *
 * @example
 * makeRequestRow({ domain_name: 'shop.acme.example', target_ip: '10.0.1.15', time: 1795168800000000 });
 */
export function makeRequestRow(fields: Partial<RequestRecord>): RequestRecord {
  const row: Record<string, unknown> = {};
  for (const name of columnNames(requestsTable)) row[name] = null;
  Object.assign(row, { time: 0, type: 'https', elb: 'app/web/50dc6c495c0c9188', client_ip: '192.0.2.10' });
  Object.assign(row, { timing_unavailable: false, received_bytes: 0, sent_bytes: 0, source: 'test' }, fields);
  return row as RequestRecord;
}
