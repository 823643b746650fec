// Alert rules and silences made through the API outlive a restart.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { TinselConfig } from '../config/config.ts';
import { openTinsel } from '../open-tinsel.ts';
import { startListeners } from '../start-listeners.ts';
import { testConfig } from '../test-support.ts';
import { alertStatePath } from './alert-state-file.ts';

/** Runs `work` against a server on `config`, then closes it cleanly. */
async function withServer<T>(config: TinselConfig, work: (api: string) => Promise<T>): Promise<T> {
  const tinsel = await openTinsel(config);
  const listeners = await startListeners(config, tinsel, () => {});
  try {
    return await work(listeners.addresses.api!);
  } finally {
    await listeners.close();
    await tinsel.close();
  }
}

const post = (api: string, path: string, body: unknown) => fetch(`${api}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const alerts = async (api: string) => (await (await fetch(`${api}/api/alerts`)).json()) as { rules: { name: string; origin: string; condition: string }[]; silences: { id: string; comment: string }[] };

describe('alert rules and silences across a restart', () => {
  it('keeps what was made through the API, and forgets what was deleted', async () => {
    const config = testConfig({ listen: { ...testConfig().listen, xrayUdpPort: false, otlpPort: false, esPort: false, seqPort: false } });
    const silenceId = await withServer(config, async (api) => {
      assert.equal((await post(api, '/api/alerts', { name: 'checkout-5xx', query: 'status:>=500 | stats count() by instance_id', condition: '> 10', window: '5m' })).status, 201);
      assert.equal((await post(api, '/api/alerts', { name: 'to-delete', query: '| stats count()', condition: '> 1' })).status, 201);
      const silence = (await (await post(api, '/api/silences', { rule: 'checkout-5xx', duration: '2h', comment: 'deploy in progress' })).json()) as { silence: { id: string } };
      assert.equal((await fetch(`${api}/api/alerts/to-delete`, { method: 'DELETE' })).status, 204);
      return silence.silence.id;
    });
    assert.ok(existsSync(alertStatePath(config.dataDir)));
    await withServer(config, async (api) => {
      const state = await alerts(api);
      assert.deepEqual(state.rules.map((r) => [r.name, r.origin, r.condition]), [['checkout-5xx', 'api', '> 10']]);
      assert.deepEqual(state.silences.map((s) => [s.id, s.comment]), [[silenceId, 'deploy in progress']]);
    });
  });

  it('sets an unreadable file aside and starts without it', async () => {
    const config = testConfig({ listen: { ...testConfig().listen, xrayUdpPort: false, otlpPort: false, esPort: false, seqPort: false } });
    writeFileSync(alertStatePath(config.dataDir), '{"rules": [{"name": "x", "query": "not a stats query"}]}');
    await withServer(config, async (api) => assert.deepEqual((await alerts(api)).rules, []));
    assert.ok(readdirSync(config.dataDir).some((f) => f.startsWith('alerts.json.unreadable-')));
  });
});
