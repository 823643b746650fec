import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { readLines } from '../lines/read-lines.ts';
import type { AlbSourceFile } from './alb-source-file.ts';
import { listAlbFiles } from './list-alb-files.ts';

const DAY = 'AWSLogs/123456789012/elasticloadbalancing/us-east-2/2016/05/01';
const NEXT_DAY = 'AWSLogs/123456789012/elasticloadbalancing/us-east-2/2016/05/02';
// The example object name of the ALB access-log documentation.
const DOC_NAME = '123456789012_elasticloadbalancing_us-east-2_app.my-loadbalancer.1234567890abcdef_20140215T2340Z_172.160.001.192_20sg8hgm.log.gz';
const LATER_NAME = '123456789012_elasticloadbalancing_us-east-2_app.my-loadbalancer.1234567890abcdef_20160502T0005Z_172.160.1.193_k2j4h6g8.log.gz';

let root = '';
let sample = Buffer.alloc(0);

async function put(path: string, bytes: Buffer | string): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), bytes);
}

async function collect(files: AsyncIterable<AlbSourceFile>): Promise<AlbSourceFile[]> {
  const listed: AlbSourceFile[] = [];
  for await (const file of files) listed.push(file);
  return listed;
}

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'tinsel-alb-folder-'));
  sample = await readFile(new URL('../../../fixtures/sources/alb-sample.log', import.meta.url));
  await put('AWSLogs/123456789012/ELBAccessLogTestFile', 'Enable AccessLog for ELB: app/my-loadbalancer/1234567890abcdef at 2016-05-01T00:00:00.000Z\n');
  await put(`${DAY}/${DOC_NAME}`, gzipSync(sample));
  await put(`${DAY}/conn_log.${DOC_NAME}`, gzipSync('2016-05-01T00:00:01.000000Z 203.0.113.24 51234 443 TLSv1.3 - 4.036 "-" - - Success TID_1\n'));
  await put(`${NEXT_DAY}/${LATER_NAME}`, gzipSync(sample));
  await put(`${NEXT_DAY}/.${LATER_NAME}.part`, 'unfinished download');
  await put(`${NEXT_DAY}/.hidden.log.gz`, gzipSync('x\n'));
  await put('.sync-state/cached.log.gz', gzipSync('x\n'));
  await put('manual/hand-made.log', sample);
  await put('manual/readme.md', '# notes\n');
});

after(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('listAlbFiles on a folder', () => {
  it('walks the S3 key layout in key order, skipping the test file, connection logs and hidden entries', async () => {
    const listed = await collect(listAlbFiles(root));
    assert.deepEqual(listed.map((file) => relative(root, file.key)), [`${DAY}/${DOC_NAME}`, `${NEXT_DAY}/${LATER_NAME}`, 'manual/hand-made.log']);
    for (const file of listed) assert.equal(file.size, (await stat(file.key)).size);
  });

  it('reads account, region and load balancer from each key', async () => {
    const [first, second, handMade] = await collect(listAlbFiles(root));
    assert.deepEqual(first?.meta, {
      accountId: '123456789012',
      region: 'us-east-2',
      lbId: 'app.my-loadbalancer.1234567890abcdef',
      lbName: 'my-loadbalancer',
      endTime: '2014-02-15T23:40:00.000Z',
      nodeIp: '172.160.1.192',
    });
    assert.equal(second?.meta?.endTime, '2016-05-02T00:05:00.000Z');
    assert.equal(handMade?.meta, null);
  });

  it('opens each file as its raw bytes, ready for the line reader', async () => {
    const [first] = await collect(listAlbFiles(root));
    assert.ok(first !== undefined);
    const reader = readLines(await first.open());
    const lines: string[] = [];
    for await (const batch of reader.batches) lines.push(...batch.lines);
    assert.deepEqual(lines, sample.toString().trimEnd().split('\n'));
    assert.equal((await reader.done).bytesIn, first.size);
  });

  it('lists a file named directly, from a relative path, as an absolute key', async () => {
    const path = join(root, NEXT_DAY, LATER_NAME);
    const listed = await collect(listAlbFiles(relative(process.cwd(), path)));
    assert.deepEqual(listed.map((file) => file.key), [path]);
    assert.equal(listed[0]?.meta?.nodeIp, '172.160.1.193');
  });

  it('rejects a target that does not exist', async () => {
    await assert.rejects(collect(listAlbFiles(join(root, 'missing'))), /cannot be read/);
  });

  it('rejects opening a file that went away after the listing', async () => {
    await put('gone/soon.log', 'a\n');
    const [file] = await collect(listAlbFiles(join(root, 'gone')));
    await rm(join(root, 'gone'), { recursive: true });
    await assert.rejects(async () => file?.open(), { code: 'ENOENT' });
  });

  it('stops when its signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(collect(listAlbFiles(root, { signal: controller.signal })), { name: 'AbortError' });
  });
});
