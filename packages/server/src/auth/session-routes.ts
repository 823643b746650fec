import type { FastifyInstance, FastifyReply } from 'fastify';
import { ApiError, serverErrors } from '../errors.ts';
import type { Session, SessionKind } from './session-store.ts';
import { setSessionCookie } from './session-cookie.ts';
import type { WebSessions } from './web-sessions.ts';

type Credentials = { kind: 'key'; key: string } | { kind: 'user'; user: string; password: string };

const NOT_REQUIRED = { authRequired: false, signedIn: false };

/**
 * Sign-in for the web UI. `POST /api/session` takes `{"user", "password"}`
 * or `{"key"}`, opens a server-side session and sets its random token in an
 * HttpOnly, SameSite=Strict cookie; `GET /api/session` says whether signing
 * in is needed, how (`methods`), and who is signed in; `DELETE /api/session` ends the session.
 * All three are open, so the UI can ask before anyone has signed in. Failed
 * attempts are limited per remote address (429 with Retry-After).
 */
export function registerSessionRoutes(app: FastifyInstance, web: WebSessions | undefined): void {
  app.get('/api/session', async (request) => {
    if (!web?.required) return NOT_REQUIRED;
    const found = web.fromRequest(request);
    return found === null ? { authRequired: true, signedIn: false, methods: methodsOf(web) } : describe(found.session);
  });

  app.post('/api/session', async (request, reply) => {
    const credentials = credentialsOf(request.body);
    if (!web?.required) return NOT_REQUIRED;
    const wait = web.limiter.retryAfter(request.ip);
    if (wait > 0) return refuseForNow(reply, wait);
    // Counted before the check, so parallel guesses cannot all start before the first one fails.
    web.limiter.fail(request.ip);
    const principal = await principalOf(web, credentials);
    if (principal === null) {
      const message = credentials.kind === 'user' ? 'Sign-in failed: unknown user name or wrong password.' : 'Sign-in failed: the API key is not one this server knows.';
      throw new ApiError('TINSEL_ERR_UNAUTHORIZED', message);
    }
    web.limiter.forgive(request.ip);
    const { token, session } = web.sessions.create(principal);
    setSessionCookie(reply, request, token, Math.floor(web.sessions.ttlMs / 1000));
    return describe(session);
  });

  app.delete('/api/session', async (request, reply) => {
    const found = web?.fromRequest(request) ?? null;
    if (found !== null) web!.sessions.delete(found.token);
    setSessionCookie(reply, request, '', 0);
    return { signedIn: false };
  });
}

// Longer is no key, name or password anyone types; refusing it keeps a sign-in from hashing megabytes.
const MAX_FIELD = 1024;
const filled = (value: unknown): value is string => typeof value === 'string' && value !== '' && value.length <= MAX_FIELD;

function credentialsOf(body: unknown): Credentials {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (filled(b.key)) return { kind: 'key', key: b.key };
  if (filled(b.user) && filled(b.password)) return { kind: 'user', user: b.user, password: b.password };
  throw new ApiError('TINSEL_ERR_BAD_REQUEST', 'Expected {"user": "<name>", "password": "<password>"} or {"key": "<API key>"}.');
}

async function principalOf(web: WebSessions, credentials: Credentials): Promise<{ name: string; kind: SessionKind; scopes: Session['scopes'] } | null> {
  if (credentials.kind === 'key') {
    const match = web.keys.match([credentials.key]);
    return match === null ? null : { ...match, kind: 'key' };
  }
  const match = await web.users.verify(credentials.user, credentials.password);
  return match === null ? null : { ...match, kind: 'user' };
}

function refuseForNow(reply: FastifyReply, seconds: number) {
  return reply.status(429).header('retry-after', String(seconds)).send({ error: 'TINSEL_ERR_SIGN_IN_LIMITED', message: serverErrors.TINSEL_ERR_SIGN_IN_LIMITED.message, retryAfterSeconds: seconds });
}

/** How one may sign in here, so the UI offers only what works: `password` (auth.users), `key`. */
function methodsOf(web: WebSessions): string[] {
  return [...(web.users.enabled ? ['password'] : []), ...(web.keys.enabled ? ['key'] : [])];
}

function describe(session: Session) {
  return { authRequired: true, signedIn: true, name: session.name, kind: session.kind, scopes: [...session.scopes], expiresAt: new Date(session.expires).toISOString() };
}
