import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../config/load-config.ts';
import { validateConfig } from '../config/validate-config.ts';
import { defaultConfig } from '../config/config.ts';
import { ApiKeyStore, hashApiKey } from './api-key-store.ts';
import { ExposedWithoutKeysError, isLoopback, listenerAuth } from './listener-auth.ts';

const SECRET = 'k-0123456789abcdef-xyz';
const reasonOf = (raw: unknown) => {
  const result = validateConfig(raw, '.');
  return result.ok ? null : result.reason;
};

describe('auth section of tinsel.yaml', () => {
  it('reads keys given as secrets or hashes, with their scopes', () => {
    const result = validateConfig({ auth: { keys: [{ name: 'ci', key: SECRET, scopes: ['ingest', 'read'] }, { name: 'ops', keyHash: hashApiKey(SECRET), scopes: 'admin' }] } }, '.');
    assert.ok(result.ok);
    assert.deepEqual(result.value.auth?.keys.map((k) => [k.name, k.scopes]), [['ci', ['ingest', 'read']], ['ops', ['admin']]]);
  });

  it('names the key in every failure and never prints the secret', () => {
    assert.match(reasonOf({ auth: { keys: [{ name: 'a', key: 'short', scopes: ['read'] }] } })!, /^auth\.keys\[0\]\.key: expected a string of at least 16/);
    assert.match(reasonOf({ auth: { keys: [{ name: 'a', key: SECRET, scopes: ['write'] }] } })!, /^auth\.keys\[0\]\.scopes: "write" is not one of ingest, read, admin/);
    assert.match(reasonOf({ auth: { keys: [{ name: 'a', key: SECRET, keyHash: hashApiKey(SECRET), scopes: ['read'] }] } })!, /^auth\.keys\[0\]: expected exactly one of key and keyHash/);
    assert.match(reasonOf({ auth: { keys: [{ name: 'a', keyHash: 'md5:abc', scopes: ['read'] }] } })!, /^auth\.keys\[0\]\.keyHash:/);
    assert.match(reasonOf({ auth: { keys: [{ name: 'a', key: SECRET, scopes: ['read'] }, { name: 'a', key: `${SECRET}2`, scopes: ['read'] }] } })!, /^auth\.keys\[1\]\.name: "a" is used twice/);
    assert.match(reasonOf({ auth: { open: true } })!, /^auth\.open: unknown key/);
    for (const raw of [{ auth: { keys: [{ name: 'a', key: 'short', scopes: ['read'] }] } }]) assert.ok(!reasonOf(raw)!.includes('short'));
  });

  it('takes keys from TINSEL_AUTH_KEYS as name:scope+scope:key', () => {
    const result = loadConfig({ file: undefined, env: { TINSEL_AUTH_KEYS: `ci:ingest+read:${SECRET}, ops:admin:with:colons-0123456789` } });
    assert.ok(result.ok, result.ok ? '' : result.reason);
    assert.deepEqual(result.value.auth?.keys, [{ name: 'ci', key: SECRET, scopes: ['ingest', 'read'] }, { name: 'ops', key: 'with:colons-0123456789', scopes: ['admin'] }]);
    const bad = loadConfig({ file: undefined, env: { TINSEL_AUTH_KEYS: 'ci' } });
    assert.ok(!bad.ok && bad.reason.startsWith('auth.keys[0] (TINSEL_AUTH_KEYS): expected name:scope+scope:key'));
  });
});

describe('users in the auth section', () => {
  const HASH = 'scrypt$1024$8$1$c2FsdHNhbHRzYWx0c2FsdA$' + 'A'.repeat(43);
  const userReason = (users: unknown, extra: Record<string, unknown> = {}) => reasonOf({ auth: { users, ...extra } });

  it('reads users with a password hash and scopes, and a session lifetime', () => {
    const result = validateConfig({ auth: { users: [{ name: 'ana', passwordHash: HASH, scopes: ['read'] }], sessionHours: 8 } }, '.');
    assert.ok(result.ok, result.ok ? '' : result.reason);
    assert.deepEqual(result.value.auth?.users, [{ name: 'ana', passwordHash: HASH, scopes: ['read'] }]);
    assert.equal(result.value.auth?.sessionHours, 8);
  });

  it('names the key in every failure and never prints a password', () => {
    assert.match(userReason([{ name: 'ana', password: 'hunter2-hunter2', scopes: ['read'] }])!, /^auth\.users\[0\]\.password: unknown key: store only its hash, from `tinsel hash-password`/);
    assert.ok(!userReason([{ name: 'ana', password: 'hunter2-hunter2', scopes: ['read'] }])!.includes('hunter2'));
    assert.match(userReason([{ name: 'ana', passwordHash: 'hunter2', scopes: ['read'] }])!, /^auth\.users\[0\]\.passwordHash: expected scrypt\$N\$r\$p/);
    assert.match(userReason([{ name: 'ana', passwordHash: HASH.replace('$1024$', '$1000$'), scopes: ['read'] }])!, /^auth\.users\[0\]\.passwordHash: N must be a power of two/);
    assert.match(userReason([{ name: 'ana', passwordHash: HASH, scopes: [] }])!, /^auth\.users\[0\]\.scopes: expected a non-empty list/);
    assert.match(userReason([{ name: 'a b', passwordHash: HASH, scopes: ['read'] }])!, /^auth\.users\[0\]\.name: expected 1 to 64 characters/);
    assert.match(userReason([{ name: 'ana', passwordHash: HASH, scopes: ['read'] }, { name: 'ana', passwordHash: HASH, scopes: ['admin'] }])!, /^auth\.users\[1\]\.name: "ana" is used twice/);
    assert.match(userReason({ ana: HASH })!, /^auth\.users: expected a list/);
    assert.match(userReason([], { sessionHours: 0 })!, /^auth\.sessionHours: expected a number of hours/);
  });

  it('takes users from TINSEL_AUTH_USERS as name:scope+scope:passwordHash', () => {
    const result = loadConfig({ file: undefined, env: { TINSEL_AUTH_USERS: `ana:read+admin:${HASH}, bo:read:${HASH}`, TINSEL_AUTH_SESSION_HOURS: '2' } });
    assert.ok(result.ok, result.ok ? '' : result.reason);
    assert.deepEqual(result.value.auth?.users?.map((u) => [u.name, u.scopes]), [['ana', ['read', 'admin']], ['bo', ['read']]]);
    assert.equal(result.value.auth?.sessionHours, 2);
    const bad = loadConfig({ file: undefined, env: { TINSEL_AUTH_USERS: 'ana:read' } });
    assert.ok(!bad.ok && bad.reason.startsWith('auth.users[0] (TINSEL_AUTH_USERS): expected name:scope+scope:passwordHash'));
  });

  it('closes a server that has users but no key, even on every interface', () => {
    const config = { ...defaultConfig, listen: { ...defaultConfig.listen, host: '0.0.0.0' }, auth: { keys: [], allowUnauthenticated: false, users: [{ name: 'ana', passwordHash: HASH, scopes: ['read' as const] }] } };
    const warnings: Record<string, unknown>[] = [];
    const auth = listenerAuth(config, (e) => warnings.push(e));
    assert.equal(auth.keys.enabled, false);
    assert.equal(auth.sessions.required, true);
    assert.deepEqual(warnings, []);
  });
});

describe('key store', () => {
  it('matches a secret to its key whether configured plain or hashed, and nothing else', () => {
    const store = new ApiKeyStore([{ name: 'plain', key: SECRET, scopes: ['read'] }, { name: 'hashed', keyHash: hashApiKey(`${SECRET}-h`), scopes: ['ingest'] }]);
    assert.equal(store.match([SECRET])?.name, 'plain');
    assert.equal(store.match(['nope', `${SECRET}-h`])?.name, 'hashed');
    assert.equal(store.match([`${SECRET}x`, SECRET.slice(1), '']), null);
    assert.equal(new ApiKeyStore([]).enabled, false);
  });
});

describe('no key configured', () => {
  const log: Record<string, unknown>[] = [];
  const withHost = (host: string, allowUnauthenticated = false) => ({ ...defaultConfig, listen: { ...defaultConfig.listen, host }, auth: { keys: [], allowUnauthenticated } });

  it('runs open on loopback, with a warning', () => {
    assert.equal(listenerAuth(withHost('127.0.0.1'), (e) => log.push(e)).keys.enabled, false);
    assert.match(String(log.at(-1)?.msg), /no API key is configured.*loopback only/);
  });

  it('refuses to start on a host other machines reach, unless told to run open', () => {
    for (const host of ['0.0.0.0', '::', '10.0.0.5']) assert.throws(() => listenerAuth(withHost(host), () => {}), ExposedWithoutKeysError);
    listenerAuth(withHost('0.0.0.0', true), (e) => log.push(e));
    assert.match(String(log.at(-1)?.msg), /REACHABLE FROM THE NETWORK/);
  });

  it('knows loopback hosts', () => {
    assert.deepEqual(['127.0.0.1', '127.3.2.1', 'localhost', '::1', '[::1]', '0.0.0.0', '::', '192.168.1.2', 'example.com'].map(isLoopback), [true, true, true, true, true, false, false, false, false]);
  });
});
