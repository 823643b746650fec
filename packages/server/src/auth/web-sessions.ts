import type { FastifyRequest } from 'fastify';
import type { ApiKeyStore } from './api-key-store.ts';
import { sessionTokenOf } from './session-cookie.ts';
import { SessionStore, type Session } from './session-store.ts';
import { SignInLimiter } from './sign-in-limiter.ts';
import { UserStore, type UserConfig } from './user-store.ts';

/** Sessions last 12 hours unless `auth.sessionHours` says otherwise. */
export const DEFAULT_SESSION_HOURS = 12;
const MAX_SESSIONS = 10_000;

export interface WebSessionsOptions {
  keys: ApiKeyStore;
  users?: readonly UserConfig[];
  sessionHours?: number;
  limiter?: SignInLimiter;
}

/**
 * What the web UI signs in against: the API keys, the users with passwords,
 * the open sessions and the limit on failed attempts. One instance is shared
 * by every listener, so a user alone (no key) still closes the server.
 */
export class WebSessions {
  readonly keys: ApiKeyStore;
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly limiter: SignInLimiter;

  constructor(options: WebSessionsOptions) {
    this.keys = options.keys;
    this.users = new UserStore(options.users ?? []);
    this.sessions = new SessionStore({ ttlMs: (options.sessionHours ?? DEFAULT_SESSION_HOURS) * 3_600_000, max: MAX_SESSIONS });
    this.limiter = options.limiter ?? new SignInLimiter();
  }

  /** Whether anyone must sign in: a key or a user is configured. */
  get required(): boolean {
    return this.keys.enabled || this.users.enabled;
  }

  /** The live session the request's cookie names, or null. A session opened with a key ends when the key is revoked. */
  fromRequest(request: FastifyRequest): { token: string; session: Session } | null {
    const token = sessionTokenOf(request);
    if (token === null) return null;
    const session = this.sessions.find(token);
    if (session === null) return null;
    if (session.kind === 'key' && !this.keys.names.includes(session.name)) {
      this.sessions.delete(token);
      return null;
    }
    return { token, session };
  }
}
