import type { TinselConfig } from '../config/config.ts';
import { ApiKeyStore, type ApiKeyConfig } from './api-key-store.ts';
import { keyFilePath, readKeyFile, writeKeyFile } from './key-file.ts';

/** What every listener is given: the key store, and the logs settings its Seq route reads. */
export interface ListenerAuth {
  keys: ApiKeyStore;
  logs: TinselConfig['logs'];
}

/** Thrown when a server with no key would be reachable from other machines. */
export class ExposedWithoutKeysError extends Error {}

/**
 * The keys the listeners check, from `auth.keys` and those created through
 * the admin API (`<dataDir>/api-keys.json`). Once there are keys,
 * the older `logs.seqApiKeys` join them as `ingest` keys (a sink keeps its
 * key) and the Seq route's own check steps aside. With no key: open, which
 * is allowed only on a loopback host (or with `auth.allowUnauthenticated`),
 * and said at start.
 */
export function listenerAuth(config: TinselConfig, log: (event: Record<string, unknown>) => void): ListenerAuth {
  const file = keyFilePath(config.dataDir);
  const save = (keys: ApiKeyConfig[]) => writeKeyFile(file, keys);
  const configured = [...(config.auth?.keys ?? []), ...readKeyFile(file)];
  if (configured.length === 0) {
    if (!isLoopback(config.listen.host) && config.auth?.allowUnauthenticated !== true) {
      throw new ExposedWithoutKeysError(
        `listen.host is ${config.listen.host}, which other machines can reach, and auth.keys is empty: configure API keys (docs/security.md) or bind 127.0.0.1; auth.allowUnauthenticated: true runs it open anyway`,
      );
    }
    const open = isLoopback(config.listen.host) ? 'loopback only' : 'REACHABLE FROM THE NETWORK (auth.allowUnauthenticated)';
    log({ level: 'warn', msg: `no API key is configured (auth.keys): every listener is open, ${open}`, host: config.listen.host });
    return { keys: new ApiKeyStore([], { save }), logs: config.logs };
  }
  const legacy: ApiKeyConfig[] = config.logs.seqApiKeys.map((key, i) => ({ name: `logs.seqApiKeys[${i}]`, key, scopes: ['ingest'] }));
  return { keys: new ApiKeyStore([...configured, ...legacy], { save }), logs: { ...config.logs, seqApiKeys: [] } };
}

/** 127.0.0.0/8, ::1 and localhost; `0.0.0.0` and `::` listen on every interface. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || /^::ffff:127\./.test(h);
}
