import { startListeners } from '../start-listeners.ts';
import { openTinsel, type Tinsel } from '../open-tinsel.ts';
import type { TinselConfig } from '../config/config.ts';
import { parseCommand } from './common-options.ts';
import { ensureWebUi } from './ensure-web-ui.ts';

export async function runServe(args: string[]): Promise<number> {
  const { config } = parseCommand(args, {});
  await serve(config);
  return 0;
}

/** Serves until SIGINT or SIGTERM, then closes the store cleanly. */
export async function serve(config: TinselConfig, tinsel?: Tinsel): Promise<void> {
  await ensureWebUi(logEvent);
  const running = tinsel ?? (await openTinsel(config, logEvent));
  const listeners = await startListeners(config, running, logEvent);
  logEvent({ msg: 'Tinsel is listening', ...listeners.addresses, dataDir: config.dataDir, store: running.store.dialect.name });
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  logEvent({ msg: 'Tinsel is stopping' });
  await listeners.close();
  await running.close();
}

/** Tinsel's own log: one JSON object per line on stderr. */
export function logEvent(event: Record<string, unknown>): void {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), ...event })}\n`);
}
