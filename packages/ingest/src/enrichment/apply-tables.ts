import type { RequestRecord } from '@tinsel/model';
import type { EnrichCounters } from './enrich-counters.ts';
import { segmentAt, type InstanceTable, type IpTimeline } from './instance-table.ts';
import type { TenantTable } from './tenant-table.ts';

/**
 * Fills the enrichment columns of a batch in one pass over the rows.
 *
 * - Tenant columns are keyed by domain_name (the TLS SNI name) or, when that
 *   is null or unknown, by the Host of the request line.
 * - Instance columns are keyed by target_ip at the request time. The last
 *   IP's timeline and segment are reused while the next row has the same IP
 *   and a time inside that segment, sparing the hash and the binary search.
 *   (The domain gets no such cache: the table's memo already answers in one
 *   Map lookup, and measured, an extra comparison per row cost more than it
 *   saved.)
 * - On a miss the row is left as it was, so a value set upstream (the Node
 *   SDK knows its tenant) survives.
 *
 * One pass over the rows rather than one per table, so each row object is
 * loaded once.
 *
 * @example
 * applyTables(rows, tenantTable, instanceTable, counters);
 */
export function applyTables(rows: RequestRecord[], tenants: TenantTable | null, instances: InstanceTable | null, counters: EnrichCounters): void {
  let lookups = 0;
  let tenantMisses = 0;
  let instanceMisses = 0;
  let lastIp: string | null = null;
  let timeline: IpTimeline | undefined;
  let segment = -1;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (tenants !== null) {
      const sni = row.domain_name;
      const host = row.request_host;
      if (sni !== null || host !== null) {
        lookups++;
        let entry = sni === null ? null : tenants.lookup(sni);
        if (entry === null && host !== null && host !== sni) entry = tenants.lookup(host);
        if (entry === null) tenantMisses++;
        else {
          row.tenant = entry.tenant;
          row.db_server = entry.db_server;
          row.db_name = entry.db_name;
          row.site_tier = entry.site_tier;
        }
      }
    }
    const ip = row.target_ip;
    if (instances === null || ip === null) continue;
    lookups++;
    if (ip !== lastIp) {
      lastIp = ip;
      timeline = instances.timeline(ip);
      segment = -1;
    }
    if (timeline === undefined) {
      instanceMisses++;
      continue;
    }
    const time = row.time;
    if (segment < 0 || time < timeline.starts[segment]! || time >= timeline.ends[segment]!) segment = segmentAt(timeline, time);
    const entry = segment < 0 ? undefined : timeline.entries[segment];
    if (entry === undefined) {
      instanceMisses++;
      continue;
    }
    row.instance_id = entry.instance_id;
    row.ami_id = entry.ami_id;
    row.app_version = entry.app_version;
    row.az = entry.az;
    row.asg = entry.asg;
  }
  counters.lookups += lookups;
  counters.tenantMisses += tenantMisses;
  counters.instanceMisses += instanceMisses;
}
