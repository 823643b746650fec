/** Columns a tenants table may carry; `domain` is the key. */
export const tenantColumns = ['domain', 'tenant', 'db_server', 'db_name', 'site_tier'] as const;
export type TenantColumn = (typeof tenantColumns)[number];

/** Columns an instances table may carry; `ip` is the key, the range is [valid_from, valid_to). */
export const instanceColumns = ['ip', 'instance_id', 'ami_id', 'app_version', 'az', 'asg', 'valid_from', 'valid_to'] as const;
export type InstanceColumn = (typeof instanceColumns)[number];

/** The file extensions a lookup table may have; the extension picks the reader. */
export const tableFileExtensions = ['.csv', '.json', '.yaml', '.yml'] as const;

/** Lookup table by `domain_name` (or the request Host). */
export interface TenantTableConfig {
  /** Absolute path, resolved against the directory of tinsel.yaml. */
  readonly file: string;
  /** Tinsel column → column name in the file, for files whose headers differ. */
  readonly columns: Readonly<Partial<Record<TenantColumn, string>>>;
}

/** Lookup table by `target_ip` at the request time. */
export interface InstanceTableConfig {
  /** Absolute path, resolved against the directory of tinsel.yaml. */
  readonly file: string;
  /** EC2 tag holding the application version, read from describe-instances output. */
  readonly appVersionTag: string;
  /** Tinsel column → column name in the file (tabular files only). */
  readonly columns: Readonly<Partial<Record<InstanceColumn, string>>>;
}

/**
 * The validated `enrichment` section of tinsel.yaml. Both tables are
 * optional; with neither, enrichment does nothing.
 *
 * @example
 * const config: EnrichmentConfig = {
 *   tenants: { file: '/etc/tinsel/tenants.csv', columns: {} },
 *   instances: { file: '/etc/tinsel/instances.json', appVersionTag: 'AppVersion', columns: {} },
 * };
 */
export interface EnrichmentConfig {
  readonly tenants?: TenantTableConfig;
  readonly instances?: InstanceTableConfig;
}
