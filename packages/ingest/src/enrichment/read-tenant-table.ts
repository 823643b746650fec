import { fail, ok, type Result } from '@tinsel/model';
import type { TenantTableConfig } from './enrichment-config.ts';
import { decodeTableFile } from './decode-table-file.ts';
import type { ReadTable } from './read-table.ts';
import { cellOf } from './table-row.ts';
import { normalizeDomain, TenantTable, type TenantEntry } from './tenant-table.ts';

/**
 * Builds the tenants table from the text of its file (CSV, JSON or YAML, by
 * the configured file's extension). Each row needs a domain; the other
 * columns may be empty.
 *
 * @example
 * readTenantTable('domain,tenant\n*.acme.example,acme\n', { file: 't.csv', columns: {} });
 * // → ok({ table: TenantTable, size: 1, duplicates: 0 })
 */
export function readTenantTable(text: string, config: TenantTableConfig): Result<ReadTable<TenantTable>> {
  const decoded = decodeTableFile(text, config.file);
  if (!decoded.ok) return decoded;
  if (decoded.value.kind !== 'rows') return fail('describe-instances output belongs in enrichment.instances, not tenants');
  const entries = new Map<string, TenantEntry>();
  let duplicates = 0;
  for (const row of decoded.value.rows) {
    const raw = cellOf(row, 'domain', config.columns);
    if (raw === null) {
      const column = (config.columns.domain ?? 'domain').toLowerCase();
      return fail(`${row.where}: ${row.cells.has(column) ? 'domain is empty' : `no "${column}" column`}`);
    }
    const domain = normalizeDomain(raw);
    if (domain.lastIndexOf('*') > 0 || (domain.startsWith('*') && !domain.startsWith('*.'))) {
      return fail(`${row.where}: "${raw}": a wildcard may only open the name, as in *.acme.example`);
    }
    if (entries.has(domain)) duplicates++;
    entries.set(domain, {
      tenant: cellOf(row, 'tenant', config.columns),
      db_server: cellOf(row, 'db_server', config.columns),
      db_name: cellOf(row, 'db_name', config.columns),
      site_tier: cellOf(row, 'site_tier', config.columns),
    });
  }
  return ok({ table: new TenantTable(entries), size: entries.size, duplicates });
}
