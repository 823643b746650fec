import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AUTH_SCOPES, isKeyHash, type ApiKeyConfig, type AuthScope } from './api-key-store.ts';

/** Where keys created through the admin API are kept: hashes only, beside the store's data. */
export function keyFilePath(dataDir: string): string {
  return join(dataDir, 'api-keys.json');
}

/** The API-created keys; none when the file does not exist. A damaged file stops the start, naming the file. */
export function readKeyFile(path: string): ApiKeyConfig[] {
  if (!existsSync(path)) return [];
  let entries: unknown;
  try {
    entries = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`, { cause: error });
  }
  if (!Array.isArray(entries)) throw new Error(`${path}: expected a list of keys`);
  return entries.map((entry: { name?: unknown; keyHash?: unknown; scopes?: unknown }, i) => {
    const scopes = Array.isArray(entry.scopes) ? entry.scopes.filter((s): s is AuthScope => AUTH_SCOPES.includes(s as AuthScope)) : [];
    if (typeof entry.name !== 'string' || typeof entry.keyHash !== 'string' || !isKeyHash(entry.keyHash) || scopes.length === 0) throw new Error(`${path}: entry ${i} is not a key`);
    return { name: entry.name, keyHash: entry.keyHash, scopes, source: 'api' as const };
  });
}

/** Replaces the file whole (write, then rename), readable by its owner only. */
export function writeKeyFile(path: string, keys: readonly ApiKeyConfig[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(keys.map(({ name, keyHash, scopes }) => ({ name, keyHash, scopes })), null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
}
