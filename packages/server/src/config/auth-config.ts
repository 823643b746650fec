import { AUTH_SCOPES, isKeyHash, type ApiKeyConfig, type AuthScope } from '../auth/api-key-store.ts';
import { passwordHashProblem } from '../auth/password-hash.ts';
import type { UserConfig } from '../auth/user-store.ts';

/** The `auth` section of tinsel.yaml, validated. */
export interface AuthConfig {
  /** API keys; none means the server is open, which is allowed on loopback only. */
  keys: ApiKeyConfig[];
  /** Let a server with no key bind a non-loopback host (behind a proxy that authenticates). */
  allowUnauthenticated: boolean;
  /** People who sign in to the web UI with a password; absent is none. */
  users?: UserConfig[];
  /** How long a web UI session lasts; absent is 12 hours. */
  sessionHours?: number;
}

export const defaultAuthConfig: AuthConfig = { keys: [], allowUnauthenticated: false, users: [] };

const KNOWN = ['keys', 'users', 'allowUnauthenticated', 'sessionHours'];

/** Shorter keys are refused: a key is a random token, not a word. */
const MIN_KEY_LENGTH = 16;

type Raw = Record<string, unknown>;

/**
 * Reads `auth`: `keys` is a list of `{ name, key | keyHash, scopes }`, or
 * (from TINSEL_AUTH_KEYS) a comma-separated `name:scope+scope:key` list;
 * `users` a list of `{ name, passwordHash, scopes }`, or (from
 * TINSEL_AUTH_USERS) `name:scope+scope:passwordHash`.
 * Every failure names the key, e.g. `auth.keys[1].scopes: …`.
 */
export function parseAuthConfig(value: unknown): AuthConfig {
  if (value === undefined || value === null) return defaultAuthConfig;
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error('auth: expected a mapping');
  const raw = value as Raw;
  const unknownKey = Object.keys(raw).find((k) => !KNOWN.includes(k));
  if (unknownKey) throw new Error(`auth.${unknownKey}: unknown key (known: ${KNOWN.join(', ')})`);
  const keys = keysAt(raw.keys);
  const users = usersAt(raw.users);
  uniqueNames(keys, 'auth.keys');
  uniqueNames(users, 'auth.users');
  const sessionHours = sessionHoursAt(raw.sessionHours);
  return { keys, allowUnauthenticated: allowAt(raw.allowUnauthenticated), users, ...(sessionHours === undefined ? {} : { sessionHours }) };
}

function uniqueNames(entries: readonly { name: string }[], path: string): void {
  const names = new Set<string>();
  for (const [i, entry] of entries.entries()) {
    if (names.has(entry.name)) throw new Error(`${path}[${i}].name: ${JSON.stringify(entry.name)} is used twice`);
    names.add(entry.name);
  }
}

function sessionHoursAt(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !(n > 0) || n > 24 * 90) throw new Error(`auth.sessionHours: expected a number of hours above 0 and at most 2160 (90 days), got ${JSON.stringify(value)}`);
  return n;
}

function usersAt(value: unknown): UserConfig[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value.split(',').map((entry, i) => userFromEnv(entry.trim(), i));
  if (!Array.isArray(value)) throw new Error('auth.users: expected a list of { name, passwordHash, scopes }');
  return value.map((entry, i) => userAt(entry, `auth.users[${i}]`));
}

/** `name:scope+scope:passwordHash`; scrypt hashes hold no colon. */
function userFromEnv(entry: string, i: number): UserConfig {
  const [name, scopes, hash, ...rest] = entry.split(':');
  const path = `auth.users[${i}] (TINSEL_AUTH_USERS)`;
  if (!name || scopes === undefined || hash === undefined || rest.length > 0) throw new Error(`${path}: expected name:scope+scope:passwordHash`);
  return userAt({ name, scopes: scopes.split('+'), passwordHash: hash }, path);
}

function userAt(entry: unknown, path: string): UserConfig {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new Error(`${path}: expected a mapping { name, passwordHash, scopes }`);
  const raw = entry as Raw;
  const unknownKey = Object.keys(raw).find((k) => !['name', 'passwordHash', 'scopes'].includes(k));
  if (unknownKey) {
    const hint = unknownKey === 'password' ? ': store only its hash, from `tinsel hash-password`' : ' (known: name, passwordHash, scopes)';
    throw new Error(`${path}.${unknownKey}: unknown key${hint}`);
  }
  if (typeof raw.name !== 'string' || !/^[^\s:,]{1,64}$/.test(raw.name)) throw new Error(`${path}.name: expected 1 to 64 characters without spaces, colons or commas`);
  if (typeof raw.passwordHash !== 'string') throw new Error(`${path}.passwordHash: expected the string \`tinsel hash-password\` prints`);
  const problem = passwordHashProblem(raw.passwordHash);
  if (problem !== null) throw new Error(`${path}.passwordHash: ${problem}`);
  return { name: raw.name, passwordHash: raw.passwordHash, scopes: scopesAt(raw.scopes, `${path}.scopes`) };
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
