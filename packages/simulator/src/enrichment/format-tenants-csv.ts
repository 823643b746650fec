import type { Estate } from '../estate/estate.ts';

/**
 * The tenants table as CSV with the columns Tinsel's tenant enrichment reads
 * by default: `domain,tenant,db_server,db_name,site_tier`.
 *
 * @example
 * formatTenantsCsv(estate); // 'domain,tenant,db_server,db_name,site_tier\nnorthshop.example.com,tenant-0,db-0,tenant_0,gold\n…'
 */
export function formatTenantsCsv(estate: Estate): string {
  const rows = estate.tenants.map((t) => `${t.domain},${t.tenant},${t.dbServer},${t.dbName},${t.siteTier}`);
  return `domain,tenant,db_server,db_name,site_tier\n${rows.join('\n')}\n`;
}
