// The web UI's sign-in over real sockets: users with passwords and API keys
// open server-side sessions, the cookie holds only a random token, the auth
// hook takes the session within its scopes, sign-out ends it, and failed
// attempts are limited per address.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTinsel, type Tinsel } from '../open-tinsel.ts';
import { startListeners, type Listeners } from '../start-listeners.ts';
import { testConfig } from '../test-support.ts';
import { hashPassword } from './password-hash.ts';

const ADMIN_KEY = 'admin-key-0123456789abcdef';
const PASSWORD = 'correct horse battery staple';
const COOKIE = /^tinsel_session=([A-Za-z0-9_-]{43}); Path=\/; Max-Age=(\d+); HttpOnly; SameSite=Strict$/;

describe('web UI sign-in with users and keys', () => {
  let tinsel: Tinsel;
  let listeners: Listeners;
  const at = (path: string, listener = 'api') => `${listeners.addresses[listener]}${path}`;
  const json = { 'content-type': 'application/json' };
  const signIn = (body: unknown) => fetch(at('/api/session'), { method: 'POST', headers: json, body: JSON.stringify(body) });
  const jarOf = (response: Response) => ({ cookie: (response.headers.get('set-cookie') ?? '').split(';')[0]! });

  before(async () => {
    const cheap = { N: 1024, r: 8, p: 1 };
    const users = [
      { name: 'ana', passwordHash: await hashPassword(PASSWORD, cheap), scopes: ['read' as const] },
      { name: 'root', passwordHash: await hashPassword(`${PASSWORD}!`, cheap), scopes: ['read' as const, 'admin' as const] },
    ];
    tinsel = await openTinsel(testConfig({ auth: { keys: [{ name: 'ops', key: ADMIN_KEY, scopes: ['admin', 'read'] }], users, allowUnauthenticated: false, sessionHours: 2 } }));
    listeners = await startListeners(tinsel.config, tinsel, () => {});
  });
  after(async () => {
    await listeners.close();
    await tinsel.close();
  });

  it('signs a user in with a password into a session cookie that holds neither the password nor a key', async () => {
    assert.deepEqual(await (await fetch(at('/api/session'))).json(), { authRequired: true, signedIn: false, methods: ['password', 'key'] });
    const response = await signIn({ user: 'ana', password: PASSWORD });
    assert.equal(response.status, 200);
    const cookie = response.headers.get('set-cookie') ?? '';
    const [, token, maxAge] = COOKIE.exec(cookie) ?? [];
    assert.ok(token, cookie);
    assert.equal(Number(maxAge), 2 * 3600);
    assert.ok(!cookie.includes(PASSWORD) && !cookie.includes(ADMIN_KEY));
    const body = (await response.json()) as Record<string, unknown>;
    assert.deepEqual({ ...body, expiresAt: typeof body.expiresAt }, { authRequired: true, signedIn: true, name: 'ana', kind: 'user', scopes: ['read'], expiresAt: 'string' });
    const session = (await (await fetch(at('/api/session'), { headers: jarOf(response) })).json()) as Record<string, unknown>;
    assert.deepEqual([session.signedIn, session.name, session.kind], [true, 'ana', 'user']);
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    const wrong = await signIn({ user: 'ana', password: 'not the password' });
    const unknown = await signIn({ user: 'nobody', password: PASSWORD });
    assert.deepEqual([wrong.status, unknown.status], [401, 401]);
    assert.equal(wrong.headers.get('set-cookie'), null);
    const [a, b] = [(await wrong.json()) as { error: string; message: string }, (await unknown.json()) as { error: string; message: string }];
    assert.deepEqual(a, b);
    assert.equal(a.error, 'TINSEL_ERR_UNAUTHORIZED');
    assert.equal((await signIn({ user: 'ana' })).status, 400);
    assert.equal((await signIn({ user: 'ana', password: 'x'.repeat(5000) })).status, 400);
    assert.equal((await fetch(at('/api/session'), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: `{"user":"ana","password":"${PASSWORD}"}` })).status, 400);
  });

  it('lets the session through the routes of its scopes only, and only on the API listener', async () => {
    const jar = jarOf(await signIn({ user: 'ana', password: PASSWORD }));
    const query = await fetch(at('/api/query'), { method: 'POST', headers: { ...jar, ...json }, body: JSON.stringify({ query: '', signal: 'requests' }) });
    assert.equal(query.status, 200);
    assert.equal((await fetch(at('/api/stats'), { headers: jar })).status, 200);
    const admin = await fetch(at('/api/keys'), { headers: jar });
    assert.equal(admin.status, 403);
    assert.match(((await admin.json()) as { message: string }).message, /user ana lacks the admin scope/);
    assert.equal((await fetch(at('/api/ingest/logs'), { method: 'POST', headers: jar, body: '{}' })).status, 403);
    assert.equal((await fetch(at('/v1/traces', 'otlp'), { method: 'POST', headers: { ...jar, ...json }, body: '{}' })).status, 401);
    const root = jarOf(await signIn({ user: 'root', password: `${PASSWORD}!` }));
    assert.equal((await fetch(at('/api/keys'), { headers: root })).status, 200);
    assert.equal((await fetch(at('/api/stats'), { headers: { cookie: `tinsel_session=${'A'.repeat(43)}` } })).status, 401);
  });

  it('signs out: the cookie is cleared and its token no longer works anywhere', async () => {
    const jar = jarOf(await signIn({ user: 'ana', password: PASSWORD }));
    const out = await fetch(at('/api/session'), { method: 'DELETE', headers: jar });
    assert.equal(out.status, 200);
    assert.match(out.headers.get('set-cookie') ?? '', /^tinsel_session=; Path=\/; Max-Age=0; HttpOnly; SameSite=Strict$/);
    assert.equal((await fetch(at('/api/stats'), { headers: jar })).status, 401);
    assert.deepEqual(await (await fetch(at('/api/session'), { headers: jar })).json(), { authRequired: true, signedIn: false, methods: ['password', 'key'] });
  });

  it('signs in with an API key too, and ends that session when the key is revoked', async () => {
    const created = await fetch(at('/api/keys'), { method: 'POST', headers: { 'x-tinsel-key': ADMIN_KEY, ...json }, body: JSON.stringify({ name: 'laptop', scopes: ['read'] }) });
    const { key } = (await created.json()) as { key: string };
    const response = await signIn({ key });
    assert.equal(response.status, 200);
    assert.ok(!(response.headers.get('set-cookie') ?? '').includes(key));
    const jar = jarOf(response);
    assert.equal(((await response.json()) as { kind: string }).kind, 'key');
    assert.equal((await fetch(at('/api/stats'), { headers: jar })).status, 200);
    assert.equal((await fetch(at('/api/keys/laptop'), { method: 'DELETE', headers: { 'x-tinsel-key': ADMIN_KEY } })).status, 204);
    assert.equal((await fetch(at('/api/stats'), { headers: jar })).status, 401);
  });

  // Last: it leaves 127.0.0.1 limited for a minute.
  it('answers 429 with Retry-After once an address has failed 10 times in a minute, even for the right password', async () => {
    let failures = 0;
    for (; failures < 20; failures += 1) {
      const response = await signIn({ user: 'ana', password: `guess ${failures}` });
      if (response.status === 429) break;
      assert.equal(response.status, 401);
    }
    // Earlier tests failed a few times already within the same minute.
    assert.ok(failures >= 5 && failures <= 10, `limited after ${failures} more failures`);
    const limited = await signIn({ user: 'ana', password: PASSWORD });
    assert.equal(limited.status, 429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, String(retryAfter));
    assert.equal(((await limited.json()) as { error: string }).error, 'TINSEL_ERR_SIGN_IN_LIMITED');
    assert.equal((await fetch(at('/api/stats'), { headers: { 'x-tinsel-key': ADMIN_KEY } })).status, 200);
  });
});
