import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStoreConformance } from '@tinsel/store';
import { createDuckDbStore } from './duckdb-store.ts';

runStoreConformance({
  name: 'DuckDB',
  async createStore() {
    const dataDir = mkdtempSync(join(tmpdir(), 'tinsel-duckdb-'));
    return { store: await createDuckDbStore({ dataDir }), reopen: () => createDuckDbStore({ dataDir }) };
  },
});
