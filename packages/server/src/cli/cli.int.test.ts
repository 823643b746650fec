import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { before, describe, it } from 'node:test';
import { awsDocExampleLines } from '../test-support.ts';

const run = promisify(execFile);
const bin = new URL('../../bin/tinsel.js', import.meta.url).pathname;

describe('tinsel CLI', () => {
  let dir: string;
  const tinsel = (...args: string[]) => run(process.execPath, [bin, ...args, '--data-dir', join(dir, 'data'), '--direct'], { cwd: dir });

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tinsel-cli-'));
    const folder = join(dir, 'AWSLogs/123456789012/elasticloadbalancing/us-east-2/2018/07/02');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, '123456789012_elasticloadbalancing_us-east-2_app.my-loadbalancer.50dc6c495c0c9188_20180702T2225Z_10.0.0.1_abc.log.gz'), gzipSync(`${awsDocExampleLines().join('\n')}\nbroken line\n`));
  });

  it('ingests a folder in the S3 layout and prints a summary line', async () => {
    const { stderr } = await tinsel('ingest', 'alb', join(dir, 'AWSLogs'));
    assert.match(stderr, /^done +\S+\.log\.gz +7 rows, 1 dead letters$/m);
    assert.match(stderr, /1 files +8 lines .* 1 dead letters/);
  });

  it('is a no-op the second time', async () => {
    const { stderr } = await tinsel('ingest', 'alb', join(dir, 'AWSLogs'));
    assert.match(stderr, /^unchanged +\S+ +0 rows, 0 dead letters$/m);
    const { stdout } = await tinsel('stats', '--json');
    const stats = JSON.parse(stdout) as { rows: Record<string, number>; bytesOnDisk: number };
    assert.equal(stats.rows.requests, 7);
    assert.equal(stats.rows.dead_letters, 1);
    assert.ok(stats.bytesOnDisk > 0);
  });

  it('lists dead letters with their position and reason', async () => {
    const { stdout } = await tinsel('dead-letters');
    assert.match(stdout, /\.log\.gz:8 {2}\S/);
    assert.match(stdout, /broken line/);
  });

  it('fails with a message naming the key when the configuration is wrong', async () => {
    writeFileSync(join(dir, 'tinsel.yaml'), 'listen:\n  port: http\n');
    await assert.rejects(tinsel('stats'), (error: { stderr: string; code: number }) => {
      assert.equal(error.code, 1);
      assert.match(error.stderr, /listen\.port: expected a positive integer/);
      return true;
    });
  });
});
