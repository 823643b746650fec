export * from './sql.ts';
export * from './dialect.ts';
export * from './store.ts';
export * from './errors.ts';
