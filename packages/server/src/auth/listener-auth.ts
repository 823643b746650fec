import type { TinselConfig } from '../config/config.ts';
import { ApiKeyStore, type ApiKeyConfig } from './api-key-store.ts';
import { keyFilePath, readKeyFile, writeKeyFile } from './key-file.ts';
import { WebSessions } from './web-sessions.ts';

/** What every listener is given: the key store, the web UI's users and sessions, and the logs settings its Seq route reads. */
export interface ListenerAuth {
  keys: ApiKeyStore;
  sessions: WebSessions;
  logs: TinselConfig['logs'];
}

/** Thrown when a server with no key would be reachable from other machines. */
export class ExposedWithoutKeysError extends Error {}

/**
 * The keys the listeners check, from `auth.keys` and those created through
 * the admin API (`<dataDir>/api-keys.json`), and the users of `auth.users`,
 * who sign in to the web UI with a password. Once there are keys,
 * the older `logs.seqApiKeys` join them as `ingest` keys (a sink keeps its
 * key) and the Seq route's own check steps aside. With no key: open, which
 * is allowed only on a loopback host (or with `auth.allowUnauthenticated`),
 * and said at start. A user alone closes the server too: the web UI asks
 * for a password, and machines are refused until they get a key.
 */
export function listenerAuth(config: TinselConfig, log: (event: Record<string, unknown>) => void): ListenerAuth {
  const file = keyFilePath(config.dataDir);
  const save = (keys: ApiKeyConfig[]) => writeKeyFile(file, keys);
  const configured = [...(config.auth?.keys ?? []), ...readKeyFile(file)];
  const users = config.auth?.users ?? [];
  const sessionsWith = (keys: ApiKeyStore) => new WebSessions({ keys, users, ...(config.auth?.sessionHours === undefined ? {} : { sessionHours: config.auth.sessionHours }) });
  if (configured.length === 0 && users.length === 0) {
    if (!isLoopback(config.listen.host) && config.auth?.allowUnauthenticated !== true) {
      throw new ExposedWithoutKeysError(
        `listen.host is ${config.listen.host}, which other machines can reach, and auth.keys and auth.users are empty: configure API keys (docs/security.md) or bind 127.0.0.1; auth.allowUnauthenticated: true runs it open anyway`,
      );
    }
    const open = isLoopback(config.listen.host) ? 'loopback only' : 'REACHABLE FROM THE NETWORK (auth.allowUnauthenticated)';
    log({ level: 'warn', msg: `no API key is configured (auth.keys): every listener is open, ${open}`, host: config.listen.host });
    const keys = new ApiKeyStore([], { save });
    return { keys, sessions: sessionsWith(keys), logs: config.logs };
  }
  const legacy: ApiKeyConfig[] = config.logs.seqApiKeys.map((key, i) => ({ name: `logs.seqApiKeys[${i}]`, key, scopes: ['ingest'] }));
  const keys = new ApiKeyStore([...configured, ...legacy], { save });
  return { keys, sessions: sessionsWith(keys), logs: { ...config.logs, seqApiKeys: [] } };
}

/** 127.0.0.0/8, ::1 and localhost; `0.0.0.0` and `::` listen on every interface. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || /^::ffff:127\./.test(h);
}
