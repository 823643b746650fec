import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { before, describe, it } from 'node:test';
import { createApp } from '../http/create-app.ts';
import { openTinsel } from '../open-tinsel.ts';
import { testConfig } from '../test-support.ts';
import { storeStories, storyIds } from '../http/routes/story-test-data.ts';

const run = promisify(execFile);
const bin = new URL('../../bin/tinsel.js', import.meta.url).pathname;

describe('tinsel story', () => {
  let dataDir: string;
  const tinsel = (...args: string[]) => run(process.execPath, [bin, 'story', ...args, '--data-dir', dataDir, '--direct']);

  before(async () => {
    const config = testConfig();
    dataDir = config.dataDir;
    const opened = await openTinsel(config);
    await storeStories(opened.store);
    await opened.close();
  });

  it('draws a failed request as a timeline: verdict, enrichment, ALB phases, spans by depth, log lines at their times', async () => {
    const { stdout } = await tinsel(storyIds.failed);
    const lines = stdout.split('\n');
    assert.equal(lines[0], `story ${storyIds.failed}  (67891233abcdef012345678912345678)`);
    assert.match(lines[1]!, /^FAILED IN APP {2}the target answered 500; checkout span "orders@db-7\.internal" failed with SqlException: Timeout expired/);
    assert.match(stdout, /tenant=acme .*instance_id=i-0abc123 .*app_version=4\.2\.0/);
    assert.match(stdout, /^unaccounted 5\.0 ms/m);
    assert.match(stdout, /^attempt 1 {2}POST \/checkout {2}ALB\/target 500\/500 {2}failed-in-app$/m);
    const order = ['ALB request processing 1.0 ms', 'ALB target processing 250.0 ms', 'checkout: checkout [fault] 245.0 ms', 'INFO  Saving order 7', '  checkout: orders@db-7.internal [fault] 230.0 ms  SqlException: Timeout expired', 'ERROR Order 7 failed'];
    const positions = order.map((text) => lines.findIndex((line) => line.includes(`| ${text}`)));
    assert.ok(positions.every((p) => p > 0), `${JSON.stringify(positions)}\n${stdout}`);
    assert.deepEqual([...positions].sort((a, b) => a - b), positions.slice().sort((a, b) => a - b));
    assert.match(stdout, /^ +240\.0 ms \| +◆ +\| ERROR Order 7 failed {2}OrderId=7 Tenant=acme RequestPath=\/checkout UserId=u-42 Basket=\{"Items":3\}$/m);
  });

  it('explains a request that died at the load balancer, from a whole header', async () => {
    const { stdout } = await tinsel(`X-Amzn-Trace-Id: Root=${storyIds.died};Sampled=1`);
    assert.match(stdout, /^DIED AT THE LOAD BALANCER {2}ALB answered 504 after 60\.0 s/m);
    assert.match(stdout, /\| ALB held the request 60\.0 s; no phase timings \(-1\)$/m);
  });

  it('goes through a running server when one answers', async () => {
    const served = await openTinsel(testConfig());
    const app = createApp({ ...served, limits: { bodyBytes: 1 << 20 } });
    try {
      await storeStories(served.store);
      const url = await app.listen({ host: '127.0.0.1', port: 0 });
      const { stdout } = await run(process.execPath, [bin, 'story', storyIds.retried, '--server', url]);
      assert.match(stdout, /^SERVED {2}attempt 2 of 2: the target answered 200/m);
      assert.match(stdout, /^attempt 1 {2}GET \/cart {2}ALB\/target 502\/- {2}died-at-load-balancer {2}Self=1-67891240-111111111111111111111111$/m);
      const missing = run(process.execPath, [bin, 'story', '1-67891233-000000000000000000000001', '--server', url]);
      await assert.rejects(missing, (e: { code: number; stderr: string }) => e.code === 1 && /TINSEL_ERR_STORY_NOT_FOUND/.test(e.stderr));
    } finally {
      await app.close();
      await served.close();
    }
  });

  it('prints JSON with --json, and exits 1 for an unknown id and 2 for a bad one', async () => {
    const { stdout } = await tinsel(storyIds.retried, '--json');
    assert.deepEqual((JSON.parse(stdout) as { requests: unknown[] }).requests.length, 2);
    await assert.rejects(tinsel('1-67891233-000000000000000000000001'), (e: { code: number; stderr: string }) => e.code === 1 && /No load-balancer record/.test(e.stderr));
    await assert.rejects(tinsel('nonsense'), (e: { code: number; stderr: string }) => e.code === 2 && /id: not a trace id/.test(e.stderr));
  });
});
