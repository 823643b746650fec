// The public face of enrichment: validate the config, create the enricher,
// and the types a caller sees. Table internals stay private to this folder.
export { parseEnrichmentConfig } from './parse-enrichment-config.ts';
export { tenantColumns, instanceColumns } from './enrichment-config.ts';
export type { EnrichmentConfig, TenantTableConfig, InstanceTableConfig, TenantColumn, InstanceColumn } from './enrichment-config.ts';
export { createEnricher, type EnricherOptions } from './create-enricher.ts';
export type { Enricher, EnricherStats } from './enricher.ts';
export type { EnrichmentEvent, TableName } from './enrichment-event.ts';
export type { TableStats } from './reloadable-table.ts';
