import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../errors.ts';
import type { ApiKeyStore } from './api-key-store.ts';

/** The cookie the web UI signs in with; it holds the key, so it is HttpOnly and never sent cross-site. */
export const SESSION_COOKIE = 'tinsel_key';

const WEEK_SECONDS = 7 * 24 * 3600;

/**
 * Sign-in for the web UI: `POST /api/session` with `{"key": "…"}` checks the
 * key and sets it in an HttpOnly, SameSite=Strict cookie that every later
 * request presents; `DELETE /api/session` signs out; `GET /api/session`
 * says whether a key is needed and who is signed in. All three are open, so
 * the UI can ask before it has a key.
 */
export function registerSessionRoutes(app: FastifyInstance, keys: ApiKeyStore | undefined): void {
  app.get('/api/session', async (request) => {
    if (!keys?.enabled) return { authRequired: false, signedIn: false };
    const cookie = sessionCookieOf(request);
    const match = cookie === null ? null : keys.match([cookie]);
    return { authRequired: true, signedIn: match !== null, ...(match ? { name: match.name, scopes: [...match.scopes] } : {}) };
  });

  app.post('/api/session', async (request, reply) => {
    const key = (request.body as { key?: unknown } | undefined)?.key;
    if (typeof key !== 'string' || key === '') throw new ApiError('TINSEL_ERR_BAD_REQUEST', 'Expected {"key": "<API key>"}.');
    if (!keys?.enabled) return { authRequired: false, signedIn: false };
    const match = keys.match([key]);
    if (match === null) throw new ApiError('TINSEL_ERR_UNAUTHORIZED');
    setCookie(reply, request, encodeURIComponent(key), WEEK_SECONDS);
    return { authRequired: true, signedIn: true, name: match.name, scopes: [...match.scopes] };
  });

  app.delete('/api/session', async (request, reply) => {
    setCookie(reply, request, '', 0);
    return { signedIn: false };
  });
}

function setCookie(reply: FastifyReply, request: FastifyRequest, value: string, maxAge: number): void {
  // Secure when the page came over TLS (directly or through a proxy that says so).
  const secure = request.protocol === 'https' || request.headers['x-forwarded-proto'] === 'https' ? '; Secure' : '';
  reply.header('set-cookie', `${SESSION_COOKIE}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure}`);
}

/** The key in the sign-in cookie, or null. */
export function sessionCookieOf(request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    try {
      const value = decodeURIComponent(part.slice(eq + 1).trim());
      return value === '' ? null : value;
    } catch {
      return null;
    }
  }
  return null;
}
