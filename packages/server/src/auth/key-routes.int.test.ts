// Keys created and revoked through the admin API: kept as hashes in the
// data folder, enforced at once, and still there after a restart.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { TinselConfig } from '../config/config.ts';
import { openTinsel, type Tinsel } from '../open-tinsel.ts';
import { startListeners, type Listeners } from '../start-listeners.ts';
import { testConfig } from '../test-support.ts';
import { keyFilePath } from './key-file.ts';

const CONFIGURED = 'configured-key-0123456789abcdef';

describe('key management through the admin API', () => {
  let config: TinselConfig;
  let tinsel: Tinsel;
  let listeners: Listeners;
  let adminKey = '';
  const call = (method: string, path: string, key?: string, body?: unknown) =>
    fetch(`${listeners.addresses.api}${path}`, {
      method,
      headers: { ...(key ? { 'x-tinsel-key': key } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const start = async (c: TinselConfig) => {
    tinsel = await openTinsel(c);
    listeners = await startListeners(tinsel.config, tinsel, () => {});
  };
  const stop = async () => {
    await listeners.close();
    await tinsel.close();
  };

  before(() => start((config = testConfig())));
  after(() => stop());

  it('lets an open loopback server create its first key, and enforces it from then on', async () => {
    assert.equal((await call('GET', '/api/stats')).status, 200);
    const created = await call('POST', '/api/keys', undefined, { name: 'ops', scopes: ['admin', 'read'] });
    assert.equal(created.status, 201);
    adminKey = ((await created.json()) as { key: string }).key;
    assert.ok(adminKey.length >= 40);
    assert.equal((await call('GET', '/api/stats')).status, 401);
    assert.equal((await call('GET', '/api/stats', adminKey)).status, 200);
  });

  it('creates, lists and revokes keys, showing a secret only once and storing only its hash', async () => {
    const created = await call('POST', '/api/keys', adminKey, { name: 'shipper', scopes: ['ingest'] });
    const { key } = (await created.json()) as { key: string };
    const listed = (await (await call('GET', '/api/keys', adminKey)).json()) as { keys: Record<string, unknown>[] };
    assert.deepEqual(listed.keys, [{ name: 'ops', scopes: ['admin', 'read'], source: 'api' }, { name: 'shipper', scopes: ['ingest'], source: 'api' }]);
    const file = readFileSync(keyFilePath(config.dataDir), 'utf8');
    assert.ok(!file.includes(key) && !file.includes(adminKey));
    assert.equal(statSync(keyFilePath(config.dataDir)).mode & 0o077, 0);
    assert.equal((await call('GET', '/api/keys', key)).status, 403);
    assert.equal((await call('POST', '/api/keys', adminKey, { name: 'shipper', scopes: ['read'] })).status, 409);
    assert.equal((await call('POST', '/api/keys', adminKey, { name: 'bad name', scopes: ['read'] })).status, 400);
    assert.equal((await call('POST', '/api/keys', adminKey, { name: 'x', scopes: ['write'] })).status, 400);
    assert.notEqual((await call('POST', '/api/ingest/logs', key)).status, 401);
    assert.equal((await call('DELETE', '/api/keys/shipper', adminKey)).status, 204);
    assert.equal((await call('DELETE', '/api/keys/shipper', adminKey)).status, 404);
    assert.equal((await call('POST', '/api/ingest/logs', key)).status, 401);
  });

  it('keeps API-created keys across a restart, beside configured keys it cannot revoke', async () => {
    await stop();
    await start({ ...config, auth: { keys: [{ name: 'from-yaml', key: CONFIGURED, scopes: ['read'] }], allowUnauthenticated: false } });
    assert.equal((await call('GET', '/api/stats', adminKey)).status, 200);
    assert.equal((await call('GET', '/api/stats', CONFIGURED)).status, 200);
    const revoke = await call('DELETE', '/api/keys/from-yaml', adminKey);
    assert.equal(revoke.status, 409);
    assert.equal(((await revoke.json()) as { error: string }).error, 'TINSEL_ERR_KEY_FROM_CONFIG');
  });
});
