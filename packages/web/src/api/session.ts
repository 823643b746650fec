// The web UI's sign-in (docs/security.md): GET, POST and DELETE /api/session.
// The session lives in an HttpOnly cookie the UI never sees; these calls only
// say who is signed in.
import { ApiError } from './api-error.ts';

/** How this server lets people sign in: a user name and password, or an API key. */
export type SignInMethod = 'password' | 'key';

/** What GET /api/session answers. */
export interface SessionInfo {
  authRequired: boolean;
  signedIn: boolean;
  name?: string;
  kind?: 'user' | 'key';
  scopes?: string[];
  expiresAt?: string;
  methods?: SignInMethod[];
}

export type Credentials = { user: string; password: string } | { key: string };

async function sessionCall(method: 'GET' | 'POST' | 'DELETE', body?: Credentials): Promise<SessionInfo> {
  const response = await fetch('/api/session', {
    method,
    headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : null,
  });
  const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) throw new ApiError(response.status, answer);
  return answer as unknown as SessionInfo;
}

/** Whether signing in is needed, and who is signed in. */
export function fetchSession(): Promise<SessionInfo> {
  return sessionCall('GET');
}

/** Opens a session; throws an ApiError (401 wrong credentials, 429 with `retryAfterSeconds` when limited). */
export function signIn(credentials: Credentials): Promise<SessionInfo> {
  return sessionCall('POST', credentials);
}

/** Ends the session and clears its cookie. */
export async function signOut(): Promise<void> {
  await sessionCall('DELETE');
}
