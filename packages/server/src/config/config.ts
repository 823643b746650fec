/** Tinsel's configuration after defaults, `tinsel.yaml`, environment and flags. */
export interface TinselConfig {
  /** Folder of the embedded store. */
  dataDir: string;
  listen: { host: string; port: number };
  store: { backend: 'duckdb'; duckdb: { memoryLimit: string } };
  limits: { bodyBytes: number };
  s3: { endpoint: string | null; region: string | null; forcePathStyle: boolean };
  /** The enrichment section, validated by the enrichment tables themselves. */
  enrichment: unknown;
  /** Folder `tinsel.yaml` was read from; relative paths in it resolve against it. */
  baseDir: string;
}

export const defaultConfig: TinselConfig = {
  dataDir: './data',
  // Loopback unless configured: nothing is exposed by accident.
  listen: { host: '127.0.0.1', port: 5170 },
  store: { backend: 'duckdb', duckdb: { memoryLimit: '256MB' } },
  limits: { bodyBytes: 64 * 1024 * 1024 },
  s3: { endpoint: null, region: null, forcePathStyle: false },
  enrichment: {},
  baseDir: '.',
};
