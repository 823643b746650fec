import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../http/create-app.ts';
import { openTinsel, type Tinsel } from '../open-tinsel.ts';
import { awsDocExampleLines, testConfig } from '../test-support.ts';

const run = promisify(execFile);
const bin = new URL('../../bin/tinsel.js', import.meta.url).pathname;
const RANGE = ['--from', '2018-01-01T00:00:00Z', '--to', '2018-12-31T00:00:00Z'];

describe('tinsel query', () => {
  let dir: string;
  const direct = (...args: string[]) => run(process.execPath, [bin, 'query', ...args, '--data-dir', join(dir, 'data'), '--direct'], { cwd: dir });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tinsel-query-'));
    writeFileSync(join(dir, 'alb.log'), `${awsDocExampleLines().join('\n')}\n`);
    await run(process.execPath, [bin, 'ingest', 'alb', join(dir, 'alb.log'), '--data-dir', join(dir, 'data'), '--direct'], { cwd: dir });
  });

  it('prints matching rows as a table, with the counts on stderr', async () => {
    const { stdout, stderr } = await direct('status:>=500 OR type:h2', ...RANGE, '--explain');
    assert.match(stderr, /^Requests where either status \(elb_status_code\) is at least 500 or type is "h2"\.$/m);
    const lines = stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^time +elb_status_code +request_method +request_path/);
    assert.equal(lines.length, 3);
    assert.match(lines[1]!, /^2018-11-30T22:23:00\.186641Z +502 +GET +\/ /);
    assert.match(stderr, /^2 rows of 2 matching \(7 in range\)$/m);
  });

  it('keeps every column of stats and chosen fields in a table', async () => {
    const { stdout } = await direct('| stats count() by elb_status_code, request_method, instance_id | sort -elb_status_code | head 1', ...RANGE);
    assert.match(stdout, /^elb_status_code +request_method +instance_id +count\n502 +GET +1\n$/);
  });

  it('prints json lines and csv', async () => {
    const json = await direct('| stats count() by type | sort type', ...RANGE, '--format', 'json');
    assert.deepEqual(json.stdout.trimEnd().split('\n').map((l) => JSON.parse(l)), [
      { type: 'h2', count: 1 }, { type: 'http', count: 3 }, { type: 'https', count: 1 }, { type: 'ws', count: 1 }, { type: 'wss', count: 1 },
    ]);
    const csv = await direct('type:h2 | fields time, user_agent', ...RANGE, '--format', 'csv');
    assert.equal(csv.stdout, 'time,user_agent\n2018-07-02T22:23:00.186641Z,curl/7.46.0\n');
  });

  it('finds a trace with no range given, near the time in its id first and then anywhere', async () => {
    const { stdout } = await direct('trace:1-58337281-1d84f3d73c47ec4e58577259', '--format', 'json');
    assert.deepEqual(stdout.trimEnd().split('\n').map((l) => JSON.parse(l).type), ['https']);
  });

  it('points at the column of a mistake and exits with 2', async () => {
    await assert.rejects(direct('tenant:acme status:>='), (error: { code: number; stderr: string }) => {
      assert.equal(error.code, 2);
      assert.match(error.stderr, /expected a value to compare status with at column 22/);
      assert.match(error.stderr, /\n {2}tenant:acme status:>=\n {23}\^\n/);
      return true;
    });
  });

  describe('through a running server', () => {
    let tinsel: Tinsel;
    let app: FastifyInstance;
    let base: string;
    before(async () => {
      tinsel = await openTinsel(testConfig());
      app = createApp({ ...tinsel, limits: { bodyBytes: 1 << 20 } });
      base = await app.listen({ host: '127.0.0.1', port: 0 });
      await fetch(`${base}/api/ingest/alb`, { method: 'POST', body: awsDocExampleLines().join('\n'), headers: { 'content-type': 'text/plain' } });
    });
    after(async () => {
      await app.close();
      await tinsel.close();
    });

    it('asks the server and pages with its cursor', async () => {
      const first = await run(process.execPath, [bin, 'query', '', ...RANGE, '--limit', '5', '--format', 'json', '--server', base], { cwd: dir });
      assert.equal(first.stdout.trimEnd().split('\n').length, 5);
      const cursor = /--cursor (\S+)/.exec(first.stderr)?.[1];
      assert.ok(cursor, first.stderr);
      const second = await run(process.execPath, [bin, 'query', '', ...RANGE, '--limit', '5', '--format', 'json', '--server', base, '--cursor', cursor], { cwd: dir });
      assert.equal(second.stdout.trimEnd().split('\n').length, 2);
      assert.match(second.stderr, /^2 rows of 7 matching \(7 in range\)$/m);
    });
  });
});
