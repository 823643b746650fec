import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStoreConformance } from '@tinsel/store';
import { createDuckDbStore } from './duckdb-store.ts';

for (const appendMode of ['packed', 'chunks'] as const) {
  runStoreConformance({
    name: `DuckDB, ${appendMode} appends`,
    async createStore() {
      const dataDir = mkdtempSync(join(tmpdir(), 'tinsel-duckdb-'));
      return { store: await createDuckDbStore({ dataDir, appendMode }), reopen: () => createDuckDbStore({ dataDir, appendMode }) };
    },
  });
}
