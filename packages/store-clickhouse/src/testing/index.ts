// Test support: real clickhouse-server processes on loopback, for Tinsel's
// own integration tests and benchmarks. Not part of the store's runtime.
export * from './start-clickhouse-server.ts';
export * from './clickhouse-test-gate.ts';
