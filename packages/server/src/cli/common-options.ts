import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig } from '../config/load-config.ts';
import type { TinselConfig } from '../config/config.ts';

export const commonOptions = {
  config: { type: 'string' },
  'data-dir': { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  server: { type: 'string' },
  direct: { type: 'boolean' },
  key: { type: 'string' },
} satisfies ParseArgsConfig['options'];

/** Parses flags and loads the configuration with them applied on top. */
export function parseCommand<O extends ParseArgsConfig['options']>(args: string[], options: O) {
  const parsed = parseArgs({ args, options: { ...commonOptions, ...options }, allowPositionals: true, strict: true });
  const values = parsed.values as Record<string, string | boolean | undefined>;
  // The API key the CLI sends to a running server (serverFetch); the flag wins over TINSEL_KEY.
  if (typeof values.key === 'string') process.env.TINSEL_KEY = values.key;
  const config = loadConfig({
    file: values.config as string | undefined,
    overrides: { dataDir: values['data-dir'] as string | undefined, 'listen.host': values.host as string | undefined, 'listen.port': values.port as string | undefined },
  });
  if (!config.ok) throw new Error(config.reason);
  return { config: config.value as TinselConfig, values, positionals: parsed.positionals };
}
