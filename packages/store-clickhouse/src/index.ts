export * from './clickhouse-store.ts';
export * from './clickhouse-features.ts';
export * from './clickhouse-dialect.ts';
export * from './clickhouse-versioned-dialect.ts';
