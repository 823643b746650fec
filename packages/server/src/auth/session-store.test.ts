import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SessionStore } from './session-store.ts';

const reader = { name: 'ana', kind: 'user' as const, scopes: new Set(['read' as const]) };

describe('session store', () => {
  it('issues random 32-byte base64url tokens and finds their sessions', () => {
    let now = 1_000_000;
    const store = new SessionStore({ ttlMs: 60_000, max: 10, now: () => now });
    const { token, session } = store.create(reader);
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(Buffer.from(token, 'base64url').length, 32);
    assert.notEqual(store.create(reader).token, token);
    assert.deepEqual({ ...session, scopes: [...session.scopes] }, { name: 'ana', kind: 'user', scopes: ['read'], created: 1_000_000, expires: 1_060_000 });
    now += 59_999;
    assert.equal(store.find(token)?.name, 'ana');
    const other = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    assert.equal(store.find(other), null);
  });

  it('forgets a session when it expires or is deleted', () => {
    let now = 0;
    const store = new SessionStore({ ttlMs: 1000, max: 10, now: () => now });
    const a = store.create(reader).token;
    const b = store.create(reader).token;
    assert.equal(store.delete(a), true);
    assert.equal(store.delete(a), false);
    assert.equal(store.find(a), null);
    now = 1000;
    assert.equal(store.find(b), null);
    assert.equal(store.size, 0);
  });

  it('holds at most max sessions, dropping expired ones first, then the oldest', () => {
    let now = 0;
    const store = new SessionStore({ ttlMs: 1000, max: 3, now: () => now });
    const expiring = store.create(reader).token;
    now = 500;
    const [b, c] = [store.create(reader).token, store.create(reader).token];
    now = 1200;
    const d = store.create(reader).token;
    assert.deepEqual([expiring, b, c, d].map((t) => store.find(t) !== null), [false, true, true, true]);
    const e = store.create(reader).token;
    assert.equal(store.size, 3);
    assert.deepEqual([b, c, d, e].map((t) => store.find(t) !== null), [false, true, true, true]);
  });

  it('ends every session a test picks out', () => {
    const store = new SessionStore({ ttlMs: 1000, max: 10 });
    const user = store.create(reader).token;
    const key = store.create({ ...reader, kind: 'key' }).token;
    store.deleteWhere((s) => s.kind === 'key');
    assert.deepEqual([store.find(user) !== null, store.find(key) !== null], [true, false]);
  });
});
