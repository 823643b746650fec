import { extname, resolve } from 'node:path';
import { fail, ok, type Result } from '@tinsel/model';
import {
  instanceColumns,
  tableFileExtensions,
  tenantColumns,
  type EnrichmentConfig,
  type InstanceTableConfig,
  type TenantTableConfig,
} from './enrichment-config.ts';

type Errors = string[];
type Mapping = Record<string, unknown>;

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkKeys(raw: Mapping, key: string, allowed: readonly string[], errors: Errors): void {
  for (const name of Object.keys(raw)) {
    if (!allowed.includes(name)) errors.push(`${key}.${name}: unknown key (expected ${allowed.join(', ')})`);
  }
}

function readFile(raw: Mapping, key: string, baseDir: string, errors: Errors): string {
  const value = raw['file'];
  if (typeof value !== 'string' || value.trim() === '') {
    errors.push(`${key}.file: expected a string`);
    return '';
  }
  const ext = extname(value).toLowerCase();
  if (!(tableFileExtensions as readonly string[]).includes(ext)) {
    errors.push(`${key}.file: expected a ${tableFileExtensions.join(', ')} file, got "${value}"`);
  }
  return resolve(baseDir, value.trim());
}

function readColumns(raw: Mapping, key: string, allowed: readonly string[], errors: Errors): Record<string, string> {
  const value = raw['columns'];
  if (value === undefined || value === null) return {};
  if (!isMapping(value)) {
    errors.push(`${key}.columns: expected a mapping of column to file column`);
    return {};
  }
  const columns: Record<string, string> = {};
  for (const [name, target] of Object.entries(value)) {
    if (!allowed.includes(name)) errors.push(`${key}.columns.${name}: unknown column (expected ${allowed.join(', ')})`);
    else if (typeof target !== 'string' || target.trim() === '') errors.push(`${key}.columns.${name}: expected a string`);
    else columns[name] = target.trim();
  }
  return columns;
}

function readTenants(raw: unknown, baseDir: string, errors: Errors): TenantTableConfig | undefined {
  const key = 'enrichment.tenants';
  if (!isMapping(raw)) {
    errors.push(`${key}: expected a mapping with a file key`);
    return undefined;
  }
  checkKeys(raw, key, ['file', 'columns'], errors);
  return { file: readFile(raw, key, baseDir, errors), columns: readColumns(raw, key, tenantColumns, errors) };
}

function readInstances(raw: unknown, baseDir: string, errors: Errors): InstanceTableConfig | undefined {
  const key = 'enrichment.instances';
  if (!isMapping(raw)) {
    errors.push(`${key}: expected a mapping with a file key`);
    return undefined;
  }
  checkKeys(raw, key, ['file', 'appVersionTag', 'columns'], errors);
  const tag = raw['appVersionTag'] ?? 'AppVersion';
  if (typeof tag !== 'string' || tag.trim() === '') errors.push(`${key}.appVersionTag: expected a string`);
  return {
    file: readFile(raw, key, baseDir, errors),
    appVersionTag: typeof tag === 'string' ? tag.trim() : 'AppVersion',
    columns: readColumns(raw, key, instanceColumns, errors),
  };
}

/**
 * Validates the `enrichment` section of tinsel.yaml. File paths are resolved
 * against `baseDir` (the directory holding tinsel.yaml) so that the running
 * directory of the server does not matter. Every problem is reported, each
 * naming its key, joined by "; ".
 *
 * @example
 * parseEnrichmentConfig({ tenants: { file: 'tenants.csv' } }, '/etc/tinsel');
 * // → ok({ tenants: { file: '/etc/tinsel/tenants.csv', columns: {} } })
 * parseEnrichmentConfig({ tenants: { file: 3 } }, '/etc/tinsel');
 * // → fail('enrichment.tenants.file: expected a string')
 */
export function parseEnrichmentConfig(raw: unknown, baseDir: string): Result<EnrichmentConfig> {
  if (raw === undefined || raw === null) return ok({});
  if (!isMapping(raw)) return fail('enrichment: expected a mapping with tenants and/or instances');
  const errors: Errors = [];
  checkKeys(raw, 'enrichment', ['tenants', 'instances'], errors);
  const config: { tenants?: TenantTableConfig; instances?: InstanceTableConfig } = {};
  if (raw['tenants'] !== undefined && raw['tenants'] !== null) config.tenants = readTenants(raw['tenants'], baseDir, errors);
  if (raw['instances'] !== undefined && raw['instances'] !== null) config.instances = readInstances(raw['instances'], baseDir, errors);
  return errors.length > 0 ? fail(errors.join('; ')) : ok(config);
}
