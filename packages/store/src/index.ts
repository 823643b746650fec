export * from './sql.ts';
export * from './dialect.ts';
export * from './store.ts';
export * from './ingested-file-from-row.ts';
export * from './errors.ts';
export * from './conformance/run-store-conformance.ts';
export * from './conformance/sample-records.ts';
