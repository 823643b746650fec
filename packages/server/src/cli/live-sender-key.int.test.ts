// The simulator's live sender against a server that asks for API keys:
// with an ingest key everything goes in; without one the server refuses it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LiveSender, Simulator } from '@tinsel/simulator';
import { openTinsel, type Tinsel } from '../open-tinsel.ts';
import { startListeners, type Listeners } from '../start-listeners.ts';
import { testConfig } from '../test-support.ts';

const INGEST_KEY = 'shipper-key-0123456789abcdef';

describe('live traffic to a server with keys', () => {
  let tinsel: Tinsel;
  let listeners: Listeners;
  before(async () => {
    const config = testConfig({ auth: { keys: [{ name: 'shippers', key: INGEST_KEY, scopes: ['ingest'] }], users: [], allowUnauthenticated: false, sessionHours: 2 } });
    tinsel = await openTinsel(config);
    listeners = await startListeners(config, tinsel, () => {});
  });
  after(async () => {
    await listeners.close();
    await tinsel.close();
  });

  it('sends ALB lines, segments and CLEF with the key, and is refused without it', async () => {
    const now = Date.now();
    const requests = new Simulator({ estate: { seed: 5 }, genesis: now - 7 * 86_400_000 }).requests(Math.floor(now / 1000) - 30);
    assert.ok(requests.length > 0);
    const keyed = await LiveSender.open({ api: listeners.addresses.api!, xrayUdp: null, key: INGEST_KEY });
    assert.equal(keyed.clefAvailable, true);
    const sent = await keyed.send(requests);
    assert.equal((await tinsel.store.stats()).rows.requests, sent.requests);
    const keyless = await LiveSender.open({ api: listeners.addresses.api!, xrayUdp: null });
    await assert.rejects(keyless.send(requests), /answered 401/);
  });
});
