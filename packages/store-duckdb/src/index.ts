export * from './duckdb-store.ts';
export * from './duckdb-dialect.ts';
