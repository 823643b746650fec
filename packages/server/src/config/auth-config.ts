import { AUTH_SCOPES, isKeyHash, type ApiKeyConfig, type AuthScope } from '../auth/api-key-store.ts';

/** The `auth` section of tinsel.yaml, validated. */
export interface AuthConfig {
  /** API keys; none means the server is open, which is allowed on loopback only. */
  keys: ApiKeyConfig[];
  /** Let a server with no key bind a non-loopback host (behind a proxy that authenticates). */
  allowUnauthenticated: boolean;
}

export const defaultAuthConfig: AuthConfig = { keys: [], allowUnauthenticated: false };

/** Shorter keys are refused: a key is a random token, not a word. */
const MIN_KEY_LENGTH = 16;

type Raw = Record<string, unknown>;

/**
 * Reads `auth`: `keys` is a list of `{ name, key | keyHash, scopes }`, or
 * (from TINSEL_AUTH_KEYS) a comma-separated `name:scope+scope:key` list.
 * Every failure names the key, e.g. `auth.keys[1].scopes: …`.
 */
export function parseAuthConfig(value: unknown): AuthConfig {
  if (value === undefined || value === null) return defaultAuthConfig;
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error('auth: expected a mapping');
  const raw = value as Raw;
  const unknownKey = Object.keys(raw).find((k) => k !== 'keys' && k !== 'allowUnauthenticated');
  if (unknownKey) throw new Error(`auth.${unknownKey}: unknown key (known: keys, allowUnauthenticated)`);
  const keys = keysAt(raw.keys);
  const names = new Set<string>();
  for (const [i, key] of keys.entries()) {
    if (names.has(key.name)) throw new Error(`auth.keys[${i}].name: ${JSON.stringify(key.name)} is used twice`);
    names.add(key.name);
  }
  return { keys, allowUnauthenticated: allowAt(raw.allowUnauthenticated) };
}

function allowAt(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 'false') return false;
  if (value === true || value === 'true') return true;
  throw new Error(`auth.allowUnauthenticated: expected true or false, got ${JSON.stringify(value)}`);
}

function keysAt(value: unknown): ApiKeyConfig[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value.split(',').map((entry, i) => keyFromEnv(entry.trim(), i));
  if (!Array.isArray(value)) throw new Error(`auth.keys: expected a list of { name, key | keyHash, scopes }`);
  return value.map((entry, i) => keyAt(entry, `auth.keys[${i}]`));
}

/** `name:scope+scope:key`; the key may itself hold colons. */
function keyFromEnv(entry: string, i: number): ApiKeyConfig {
  const [name, scopes, ...rest] = entry.split(':');
  const path = `auth.keys[${i}] (TINSEL_AUTH_KEYS)`;
  if (!name || scopes === undefined || rest.length === 0) throw new Error(`${path}: expected name:scope+scope:key, got ${JSON.stringify(entry.replace(/:[^:]*$/, ':…'))}`);
  return keyAt({ name, scopes: scopes.split('+'), key: rest.join(':') }, path);
}

function keyAt(entry: unknown, path: string): ApiKeyConfig {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new Error(`${path}: expected a mapping { name, key | keyHash, scopes }`);
  const raw = entry as Raw;
  const unknownKey = Object.keys(raw).find((k) => !['name', 'key', 'keyHash', 'scopes'].includes(k));
  if (unknownKey) throw new Error(`${path}.${unknownKey}: unknown key (known: name, key, keyHash, scopes)`);
  if (typeof raw.name !== 'string' || raw.name === '') throw new Error(`${path}.name: expected a non-empty string`);
  const hasKey = raw.key !== undefined && raw.key !== null;
  const hasHash = raw.keyHash !== undefined && raw.keyHash !== null;
  if (hasKey === hasHash) throw new Error(`${path}: expected exactly one of key and keyHash`);
  // The secret itself never goes into a message.
  if (hasKey && (typeof raw.key !== 'string' || raw.key.length < MIN_KEY_LENGTH)) throw new Error(`${path}.key: expected a string of at least ${MIN_KEY_LENGTH} characters`);
  if (hasHash && (typeof raw.keyHash !== 'string' || !isKeyHash(raw.keyHash))) throw new Error(`${path}.keyHash: expected sha256:<salt hex>:<64 hex digits> (docs/security.md shows how to make one)`);
  return { name: raw.name, ...(hasKey ? { key: raw.key as string } : { keyHash: raw.keyHash as string }), scopes: scopesAt(raw.scopes, `${path}.scopes`) };
}

function scopesAt(value: unknown, path: string): AuthScope[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0) throw new Error(`${path}: expected a non-empty list of ${AUTH_SCOPES.join(', ')}`);
  for (const scope of list) if (!AUTH_SCOPES.includes(scope as AuthScope)) throw new Error(`${path}: ${JSON.stringify(scope)} is not one of ${AUTH_SCOPES.join(', ')}`);
  return [...new Set(list as AuthScope[])];
}
