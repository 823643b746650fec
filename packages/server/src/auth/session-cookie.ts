import type { FastifyReply, FastifyRequest } from 'fastify';

/** The cookie the web UI signs in with: a random session token, never a key or a password. */
export const SESSION_COOKIE = 'tinsel_session';

/**
 * Sets (or, with maxAge 0, clears) the session cookie: HttpOnly so page
 * scripts cannot read it, SameSite=Strict so no other site's page sends it,
 * Secure when the page came over TLS (directly, or through a proxy that says so).
 */
export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, token: string, maxAgeSeconds: number): void {
  const secure = request.protocol === 'https' || request.headers['x-forwarded-proto'] === 'https' ? '; Secure' : '';
  reply.header('set-cookie', `${SESSION_COOKIE}=${token}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict${secure}`);
}

/** The session token in the request's cookie, or null. */
export function sessionTokenOf(request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    // Tokens are base64url; anything else was not issued here.
    return /^[A-Za-z0-9_-]{16,128}$/.test(value) ? value : null;
  }
  return null;
}
