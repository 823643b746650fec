import { sql, type ResultRow } from '@tinsel/store';
import { openTinsel, type Tinsel } from '../open-tinsel.ts';
import { startListeners, type Listeners } from '../start-listeners.ts';
import { testConfig } from '../test-support.ts';
import type { TinselConfig } from '../config/config.ts';

/** A running Tinsel on loopback ports, with helpers to read back the logs it stored. */
export interface LogTestServer {
  tinsel: Tinsel;
  listeners: Listeners;
  /** Stored log rows whose message contains `marker`, oldest first. */
  logsWith(marker: string): Promise<ResultRow[]>;
  deadLetters(): Promise<ResultRow[]>;
  close(): Promise<void>;
}

/** Opens Tinsel on a new data folder with every listener on an ephemeral port. */
export async function startLogTestServer(overrides: Partial<TinselConfig> = {}): Promise<LogTestServer> {
  const tinsel = await openTinsel(testConfig(overrides));
  const listeners = await startListeners(tinsel.config, tinsel, () => {});
  return {
    tinsel,
    listeners,
    async logsWith(marker) {
      return tinsel.store.query(sql`SELECT * FROM logs WHERE contains(message, ${marker}) ORDER BY timestamp`);
    },
    async deadLetters() {
      return tinsel.store.query(sql`SELECT * FROM dead_letters WHERE signal = 'logs' ORDER BY position`);
    },
    async close() {
      await listeners.close();
      await tinsel.close();
    },
  };
}

/** The properties column of a stored row as an object. */
export function propertiesOf(row: ResultRow | undefined): Record<string, unknown> {
  const value = row?.properties;
  if (typeof value === 'string') return JSON.parse(value) as Record<string, unknown>;
  return (value ?? {}) as Record<string, unknown>;
}
