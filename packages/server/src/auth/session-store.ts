import { createHash, randomBytes } from 'node:crypto';
import type { AuthScope } from './api-key-store.ts';

/** How a session was opened: a user's password or an API key. */
export type SessionKind = 'user' | 'key';

/** A signed-in web UI: who, with what scopes, until when (epoch milliseconds). */
export interface Session {
  name: string;
  kind: SessionKind;
  scopes: ReadonlySet<AuthScope>;
  created: number;
  expires: number;
}

export interface SessionStoreOptions {
  ttlMs: number;
  /** Most sessions held at once; past it the oldest is dropped. */
  max: number;
  now?: () => number;
}

/**
 * Sign-in sessions of the web UI, in memory only: a restart signs everyone
 * out. Each session is found by a random 32-byte token that only the
 * browser's cookie holds; the map is keyed by the token's SHA-256, so the
 * server's memory does not hold a usable token either.
 */
export class SessionStore {
  readonly #sessions = new Map<string, Session>();
  readonly #options: Required<SessionStoreOptions>;

  constructor(options: SessionStoreOptions) {
    this.#options = { now: Date.now, ...options };
  }

  get size(): number {
    return this.#sessions.size;
  }

  get ttlMs(): number {
    return this.#options.ttlMs;
  }

  /** Opens a session and returns its token (base64url), to be set in the cookie. */
  create(principal: { name: string; kind: SessionKind; scopes: ReadonlySet<AuthScope> }): { token: string; session: Session } {
    const now = this.#options.now();
    if (this.#sessions.size >= this.#options.max) this.#makeRoom(now);
    const token = randomBytes(32).toString('base64url');
    const session: Session = { name: principal.name, kind: principal.kind, scopes: new Set(principal.scopes), created: now, expires: now + this.#options.ttlMs };
    this.#sessions.set(idOf(token), session);
    return { token, session };
  }

  /** The live session of a token, or null; an expired one is forgotten here. */
  find(token: string): Session | null {
    const id = idOf(token);
    const session = this.#sessions.get(id);
    if (session === undefined) return null;
    if (session.expires <= this.#options.now()) {
      this.#sessions.delete(id);
      return null;
    }
    return session;
  }

  /** Signs a token out; true when it was signed in. */
  delete(token: string): boolean {
    return this.#sessions.delete(idOf(token));
  }

  /** Ends every session opened under a name (a key revoked, a user removed). */
  deleteWhere(test: (session: Session) => boolean): void {
    for (const [id, session] of this.#sessions) if (test(session)) this.#sessions.delete(id);
  }

  #makeRoom(now: number): void {
    for (const [id, session] of this.#sessions) if (session.expires <= now) this.#sessions.delete(id);
    // Still full: the map keeps creation order, so the first entry is the oldest.
    while (this.#sessions.size >= this.#options.max) {
      const oldest = this.#sessions.keys().next().value;
      if (oldest === undefined) break;
      this.#sessions.delete(oldest);
    }
  }
}

function idOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
