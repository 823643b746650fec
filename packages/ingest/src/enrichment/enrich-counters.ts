/**
 * Running totals of one enricher. A miss is a row that had a key (a domain,
 * a target IP) the table does not know; rows without a key are not misses.
 * `lookups` counts every key looked up, hits and misses alike.
 *
 * @example
 * const counters: EnrichCounters = { lookups: 0, tenantMisses: 0, instanceMisses: 0 };
 */
export interface EnrichCounters {
  lookups: number;
  tenantMisses: number;
  instanceMisses: number;
}
