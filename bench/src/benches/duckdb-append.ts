// `npm run bench -- duckdb-append [--rows N]`: ways of getting request rows
// into DuckDB, side by side on the same rows (medians of three runs).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { requestsTable, type RequestRecord } from '@tinsel/model';
import { createDuckDbStore } from '@tinsel/store-duckdb';
import { syntheticRequests } from '../alb/synthetic-requests.ts';
import { median, option, printFigures } from '../report.ts';
import { appendValueByValue } from '../alb/append-value-by-value.ts';
import { toTsv } from '../alb/to-tsv.ts';

type Method = (dir: string, rows: RequestRecord[]) => Promise<void>;

const methods: Record<string, Method> = {
  'packed rows, split in SQL': (dir, rows) => viaStore(dir, rows, 'packed'),
  'data chunks, column by column': (dir, rows) => viaStore(dir, rows, 'chunks'),
  'value-by-value appender': async (dir, rows) => {
    const store = await createDuckDbStore({ dataDir: dir });
    await store.migrate();
    await store.close();
    await withConnection(dir, (c) => appendValueByValue(c, rows));
  },
  'TSV file + COPY': async (dir, rows) => {
    const store = await createDuckDbStore({ dataDir: dir });
    await store.migrate();
    await store.close();
    await withConnection(dir, async (c) => {
      for (let i = 0; i < rows.length; i += 50_000) {
        const file = join(dir, 'batch.tsv');
        writeFileSync(file, toTsv(rows.slice(i, i + 50_000)));
        await c.run(`COPY requests FROM '${file}' (FORMAT csv, DELIMITER '\t', HEADER false, NULLSTR '\\N', QUOTE '', ESCAPE '')`);
      }
    });
  },
};

async function viaStore(dir: string, rows: RequestRecord[], appendMode: 'packed' | 'chunks'): Promise<void> {
  const store = await createDuckDbStore({ dataDir: dir, appendMode });
  await store.migrate();
  for (let i = 0; i < rows.length; i += 50_000) await store.append(requestsTable, rows.slice(i, i + 50_000));
  await store.close();
}

async function withConnection(dir: string, work: (c: DuckDBConnection) => Promise<void>): Promise<void> {
  const instance = await DuckDBInstance.create(join(dir, 'tinsel.duckdb'));
  const connection = await instance.connect();
  await work(connection);
  await connection.run('CHECKPOINT');
  connection.closeSync();
  instance.closeSync();
}

export async function run(args: string[]): Promise<void> {
  const count = option(args, 'rows', 200_000);
  const rows = syntheticRequests(count, Date.UTC(2026, 10, 25) * 1000);
  const figures = [];
  for (const [name, method] of Object.entries(methods)) {
    const rates: number[] = [];
    for (let i = 0; i < 3; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'tinsel-append-'));
      const started = performance.now();
      await method(dir, rows);
      rates.push(count / ((performance.now() - started) / 1000));
      rmSync(dir, { recursive: true, force: true });
    }
    figures.push({ name, measured: median(rates), unit: 'rows/s', target: 'fastest wins', met: true });
  }
  const best = Math.max(...figures.map((f) => f.measured));
  printFigures(`DuckDB append, ${count.toLocaleString('en-US')} typed request rows (median of 3)`, figures.map((f) => ({ ...f, met: f.measured === best })));
}
