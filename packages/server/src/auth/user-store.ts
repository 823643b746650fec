import { randomBytes } from 'node:crypto';
import type { AuthScope } from './api-key-store.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';

/** A person who signs in to the web UI with a name and a password (`auth.users` in tinsel.yaml). */
export interface UserConfig {
  name: string;
  /** `scrypt$N$r$p$salt$hash`, as `tinsel hash-password` prints. */
  passwordHash: string;
  scopes: AuthScope[];
}

/** Who signed in with a password. */
export interface UserMatch {
  name: string;
  scopes: ReadonlySet<AuthScope>;
}

/**
 * The configured users, checked by their scrypt hashes. An unknown name
 * costs the same scrypt run as a known one, so the answer's timing does not
 * tell which names exist.
 */
export class UserStore {
  readonly #users: Map<string, UserConfig>;
  #decoy: Promise<string> | null = null;

  constructor(users: readonly UserConfig[]) {
    this.#users = new Map(users.map((u) => [u.name, u]));
  }

  get enabled(): boolean {
    return this.#users.size > 0;
  }

  /** The user the name and password belong to, or null. */
  async verify(name: string, password: string): Promise<UserMatch | null> {
    const user = this.#users.get(name);
    if (user === undefined) {
      this.#decoy ??= hashPassword(randomBytes(16).toString('hex'));
      await verifyPassword(password, await this.#decoy);
      return null;
    }
    return (await verifyPassword(password, user.passwordHash)) ? { name: user.name, scopes: new Set(user.scopes) } : null;
  }
}
