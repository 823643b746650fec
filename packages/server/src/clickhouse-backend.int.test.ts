import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { ingestAlbTarget } from '@tinsel/ingest';
import { loadStory } from '@tinsel/query';
import { sql } from '@tinsel/store';
import { startClickHouseCluster, startClickHouseServer, whenClickHouseAvailable, type TestClickHouseCluster, type TestClickHouseServer } from '@tinsel/store-clickhouse/testing';
import { openTinsel, type Tinsel } from './open-tinsel.ts';
import { awsDocExampleLines, testConfig } from './test-support.ts';
import { storeStories, storyIds } from './http/routes/story-test-data.ts';

whenClickHouseAvailable('Tinsel on ClickHouse (store.backend: clickhouse)', () => {
  let server: TestClickHouseServer;
  let tinsel: Tinsel;
  let root: string;
  const count = async (source: string) => Number((await tinsel.store.query(sql`SELECT count(*) AS n FROM requests WHERE source = ${source}`))[0]?.n);

  before(async () => {
    server = await startClickHouseServer();
    const config = testConfig();
    config.store = { ...config.store, backend: 'clickhouse', clickhouse: { url: server.url, database: 'tinsel', username: 'default', password: '', cluster: null, shards: [] }, retentionDays: 3650 };
    tinsel = await openTinsel(config);
    root = join(config.dataDir, 'logs');
    mkdirSync(root, { recursive: true });
  });
  after(async () => {
    await tinsel?.close();
    await server?.stop();
  });

  describe('ALB file ingest exactly once', () => {
    it('stores a file once, and adds nothing when it comes again', async () => {
      const file = join(root, 'docs.log.gz');
      writeFileSync(file, gzipSync(`${awsDocExampleLines().join('\n')}\nnot an ALB line\n`));
      const first = await ingestAlbTarget(tinsel, file);
      assert.equal(first.accepted, 7);
      assert.equal(first.deadLettered, 1);
      const again = await ingestAlbTarget(tinsel, file);
      assert.equal(again.unchanged, 1);
      assert.equal(await count(file), 7);
    });

    it('keeps the rows before the break of a truncated gzip, then replaces them with the whole file', async () => {
      const lines = Array.from({ length: 3000 }, (_, i) => awsDocExampleLines()[i % 7]!);
      const whole = gzipSync(`${lines.join('\n')}\n`);
      const cut = join(root, 'cut.log.gz');
      writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
      assert.equal((await ingestAlbTarget(tinsel, cut)).files[0]?.status, 'partial');
      const kept = await count(cut);
      assert.ok(kept > 0 && kept < 3000, `kept ${kept}`);
      writeFileSync(cut, whole);
      assert.equal((await ingestAlbTarget(tinsel, cut)).files[0]?.status, 'done');
      assert.equal(await count(cut), 3000);
    });

    it('replaces the rows of a file whose content changed', async () => {
      const changed = join(root, 'changed.log');
      writeFileSync(changed, `${awsDocExampleLines()[0]}\n`);
      await ingestAlbTarget(tinsel, changed);
      writeFileSync(changed, `${awsDocExampleLines().slice(0, 3).join('\n')}\n`);
      await ingestAlbTarget(tinsel, changed);
      assert.equal(await count(changed), 3);
    });
  });

  describe('request stories', () => {
    before(() => storeStories(tinsel.store));

    it('tells the same stories as on DuckDB: failed in the app, died at the load balancer, retried', async () => {
      await checkStories(tinsel);
    });
  });

  describe('request stories on a two-shard cluster, each read from its own shard', () => {
    let cluster: TestClickHouseCluster;
    let clustered: Tinsel;
    before(async () => {
      cluster = await startClickHouseCluster();
      const config = testConfig();
      const shards = cluster.shards.map((shard) => shard.url);
      config.store = { ...config.store, backend: 'clickhouse', clickhouse: { url: shards[0]!, database: 'tinsel', username: 'default', password: '', cluster: cluster.cluster, shards }, retentionDays: 3650 };
      clustered = await openTinsel(config);
      await storeStories(clustered.store);
    });
    after(async () => {
      await clustered?.close();
      await cluster?.stop();
    });

    it('tells the same three stories', async () => {
      await checkStories(clustered);
    });
  });
});

async function checkStories(tinsel: Tinsel): Promise<void> {
  const story = async (id: string) => {
    const loaded = await loadStory(tinsel.store, id);
    assert.ok(loaded.ok && loaded.value, `story ${id}`);
    return loaded.value;
  };
  const failed = await story(storyIds.failed);
  assert.equal(failed.classification.kind, 'failed-in-app');
  assert.equal(failed.classification.span?.span_id, '0f910026178b71eb');
  assert.ok(failed.spans.length > 1 && failed.logs.length > 0);
  assert.equal((await story(storyIds.died)).classification.kind, 'died-at-load-balancer');
  const retried = await story(storyIds.retried);
  assert.deepEqual(retried.classification.attempts?.map((a) => a.kind), ['died-at-load-balancer', 'served']);
}
