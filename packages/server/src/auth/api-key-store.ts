import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a key may do: send telemetry, read it, or change the server's rules. */
export type AuthScope = 'ingest' | 'read' | 'admin';

export const AUTH_SCOPES: readonly AuthScope[] = ['ingest', 'read', 'admin'];

/** A key as configured: the secret itself, or only its hash (`sha256:<salt hex>:<digest hex>`). */
export interface ApiKeyConfig {
  name: string;
  key?: string;
  keyHash?: string;
  scopes: AuthScope[];
  /** `config` (tinsel.yaml, environment) unless created through the admin API. */
  source?: KeySource;
}

/** Where a key comes from: only keys created through the API can be revoked through it. */
export type KeySource = 'config' | 'api';

/** A key as listed: never its secret or hash. */
export interface KeyInfo {
  name: string;
  scopes: AuthScope[];
  source: KeySource;
}

interface StoredKey {
  name: string;
  salt: Buffer;
  digest: Buffer;
  scopes: ReadonlySet<AuthScope>;
  source: KeySource;
}

/** Who a presented secret belongs to. */
export interface KeyMatch {
  name: string;
  scopes: ReadonlySet<AuthScope>;
}

const HASH_PATTERN = /^sha256:([0-9a-f]{32,}):([0-9a-f]{64})$/;

/**
 * The hash form of a key for `auth.keys[].keyHash`: SHA-256 over a random
 * salt and the key. A fast hash is enough because keys are long random
 * tokens, not passwords a person chose; and every ingest request checks one.
 *
 * @example
 * hashApiKey('s3cret') // 'sha256:9f1c…:4b2a…'
 */
export function hashApiKey(key: string, salt: Buffer = randomBytes(16)): string {
  return `sha256:${salt.toString('hex')}:${digestOf(salt, key).toString('hex')}`;
}

/** A new random key, 32 bytes in base64url. */
export function generateApiKey(): string {
  return randomBytes(32).toString('base64url');
}

function digestOf(salt: Buffer, key: string): Buffer {
  return createHash('sha256').update(salt).update(key, 'utf8').digest();
}

/**
 * The configured API keys, held only as salted hashes. A presented secret is
 * compared with every key in constant time, so neither the answer's timing
 * nor an early exit tells how close a guess was.
 */
export class ApiKeyStore {
  readonly #keys: StoredKey[];
  readonly #save: ((keys: ApiKeyConfig[]) => void) | undefined;

  /** `save` is given the API-created keys, as hashes, after each change. */
  constructor(keys: readonly ApiKeyConfig[], options: { save?: (keys: ApiKeyConfig[]) => void } = {}) {
    this.#keys = keys.map(storedKeyOf);
    this.#save = options.save;
  }

  /** No key configured: the server is open (loopback only, see startListeners). */
  get enabled(): boolean {
    return this.#keys.length > 0;
  }

  get names(): string[] {
    return this.#keys.map((k) => k.name);
  }

  list(): KeyInfo[] {
    return this.#keys.map((k) => ({ name: k.name, scopes: [...k.scopes], source: k.source }));
  }

  /** A new random key under a new name; its secret is returned once and kept only as a hash. */
  create(name: string, scopes: AuthScope[]): string | 'exists' {
    if (this.#keys.some((k) => k.name === name)) return 'exists';
    const key = generateApiKey();
    this.#keys.push(storedKeyOf({ name, keyHash: hashApiKey(key), scopes, source: 'api' }));
    this.#persist();
    return key;
  }

  /** Forgets a key created through the API; keys from the configuration stay until it changes. */
  revoke(name: string): 'revoked' | 'not-found' | 'from-config' {
    const index = this.#keys.findIndex((k) => k.name === name);
    if (index < 0) return 'not-found';
    if (this.#keys[index]!.source === 'config') return 'from-config';
    this.#keys.splice(index, 1);
    this.#persist();
    return 'revoked';
  }

  #persist(): void {
    const keys = this.#keys.filter((k) => k.source === 'api');
    this.#save?.(keys.map((k) => ({ name: k.name, keyHash: `sha256:${k.salt.toString('hex')}:${k.digest.toString('hex')}`, scopes: [...k.scopes] })));
  }

  /** The key one of the candidate secrets is, or null. */
  match(candidates: readonly string[]): KeyMatch | null {
    let found: StoredKey | null = null;
    for (const candidate of candidates) {
      for (const stored of this.#keys) {
        // No early exit: every stored key is compared for every candidate.
        if (timingSafeEqual(digestOf(stored.salt, candidate), stored.digest) && found === null) found = stored;
      }
    }
    return found ? { name: found.name, scopes: found.scopes } : null;
  }
}

function storedKeyOf(config: ApiKeyConfig): StoredKey {
  const scopes = new Set(config.scopes);
  const source = config.source ?? 'config';
  if (config.key !== undefined) {
    const salt = randomBytes(16);
    return { name: config.name, salt, digest: digestOf(salt, config.key), scopes, source };
  }
  const parts = HASH_PATTERN.exec(config.keyHash ?? '');
  if (!parts) throw new Error(`auth key ${config.name}: keyHash must look like sha256:<salt hex>:<64 hex digits>`);
  return { name: config.name, salt: Buffer.from(parts[1]!, 'hex'), digest: Buffer.from(parts[2]!, 'hex'), scopes, source };
}

/** Whether a keyHash value has the form hashApiKey writes. */
export function isKeyHash(value: string): boolean {
  return HASH_PATTERN.test(value);
}
