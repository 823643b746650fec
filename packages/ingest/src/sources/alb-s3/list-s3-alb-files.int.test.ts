import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { AlbSourceFile } from '../alb-file/alb-source-file.ts';
import { listAlbFiles } from '../alb-file/list-alb-files.ts';
import { readLines } from '../lines/read-lines.ts';
import { startS3rver, type RunningS3rver } from './start-s3rver.ts';

const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const ACCOUNT = 'alb/AWSLogs/123456789012';
const DAY = `${ACCOUNT}/elasticloadbalancing/us-east-2/2016/05/01`;
// The example object name of the ALB access-log documentation.
const DOC_NAME = '123456789012_elasticloadbalancing_us-east-2_app.my-loadbalancer.1234567890abcdef_20140215T2340Z_172.160.001.192_20sg8hgm.log.gz';

function logName(minute: number): string {
  return `123456789012_elasticloadbalancing_us-east-2_app.my-loadbalancer.1234567890abcdef_20160501T00${String(minute).padStart(2, '0')}Z_172.160.1.192_r${minute}.log.gz`;
}

let s3: RunningS3rver;
let client: S3Client;
let sample = Buffer.alloc(0);
const bigLines = Array.from({ length: 30_000 }, (_, i) => `line ${i + 1} ${createHash('md5').update(String(i)).digest('hex')}`);
const bigObject = gzipSync(bigLines.join('\n') + '\n');

async function put(key: string, body: Buffer | string): Promise<void> {
  await client.send(new PutObjectCommand({ Bucket: 'logs', Key: key, Body: typeof body === 'string' ? Buffer.from(body) : body }));
}

async function collect(files: AsyncIterable<AlbSourceFile>): Promise<AlbSourceFile[]> {
  const listed: AlbSourceFile[] = [];
  for await (const file of files) listed.push(file);
  return listed;
}

before(async () => {
  s3 = await startS3rver(['logs']);
  client = new S3Client({ endpoint: s3.endpoint, forcePathStyle: true, region: 'us-east-1', credentials });
  sample = await readFile(new URL('../../../fixtures/sources/alb-sample.log', import.meta.url));
  await put(`${ACCOUNT}/ELBAccessLogTestFile`, 'Enable AccessLog for ELB: app/my-loadbalancer/1234567890abcdef at 2016-05-01T00:00:00.000Z\n');
  await put(`${DAY}/${DOC_NAME}`, gzipSync(sample));
  await put(`${DAY}/conn_log.${DOC_NAME}`, gzipSync('2016-05-01T00:00:01.000000Z 203.0.113.24 51234 443 - - - "-" - - - TID_1\n'));
  for (const minute of [5, 10, 15, 20]) await put(`${DAY}/${logName(minute)}`, gzipSync(sample));
  await put(`${DAY}/${logName(25)}`, bigObject);
  await put('alb/.trash/old.log.gz', gzipSync('x\n'));
  await put('elsewhere/not-under-the-prefix.log.gz', gzipSync('x\n'));
});

after(async () => {
  client?.destroy();
  await s3?.close();
});

describe('listAlbFiles on s3://', () => {
  it('lists across pages in key order with the folder filters', async () => {
    const listed = await collect(listAlbFiles('s3://logs/alb/', { s3: { endpoint: s3.endpoint, credentials, maxKeys: 2 } }));
    assert.deepEqual(
      listed.map((file) => file.key),
      [DOC_NAME, logName(5), logName(10), logName(15), logName(20), logName(25)].map((name) => `s3://logs/${DAY}/${name}`),
    );
    assert.equal(listed[0]?.size, gzipSync(sample).length);
    assert.equal(listed[5]?.size, bigObject.length);
  });

  it('reads account, region and load balancer from each key', async () => {
    const [first, second] = await collect(listAlbFiles(`s3://logs/${DAY}/`, { s3: { endpoint: s3.endpoint, credentials, maxKeys: 3 } }));
    assert.deepEqual(first?.meta, {
      accountId: '123456789012',
      region: 'us-east-2',
      lbId: 'app.my-loadbalancer.1234567890abcdef',
      lbName: 'my-loadbalancer',
      endTime: '2014-02-15T23:40:00.000Z',
      nodeIp: '172.160.1.192',
    });
    assert.equal(second?.meta?.endTime, '2016-05-01T00:05:00.000Z');
  });

  it('streams an object as its stored bytes through the line reader', async () => {
    const listed = await collect(listAlbFiles('s3://logs/alb/', { s3: { endpoint: s3.endpoint, credentials } }));
    const big = listed.find((file) => file.key.endsWith(logName(25)));
    assert.ok(big !== undefined);
    const reader = readLines(await big.open(), { batchLines: 4096 });
    const lines: string[] = [];
    for await (const batch of reader.batches) lines.push(...batch.lines);
    const outcome = await reader.done;
    assert.deepEqual(lines, bigLines);
    assert.equal(outcome.error, null);
    assert.equal(outcome.bytesIn, big.size);
    assert.equal(outcome.sha256, createHash('sha256').update(bigObject).digest('hex'));
  });

  it('takes the endpoint from TINSEL_S3_ENDPOINT and then uses path-style buckets', async () => {
    const saved = process.env.TINSEL_S3_ENDPOINT;
    process.env.TINSEL_S3_ENDPOINT = s3.endpoint;
    try {
      const listed = await collect(listAlbFiles(`s3://logs/${DAY}/${DOC_NAME}`, { s3: { credentials } }));
      assert.deepEqual(listed.map((file) => file.key), [`s3://logs/${DAY}/${DOC_NAME}`]);
    } finally {
      if (saved === undefined) delete process.env.TINSEL_S3_ENDPOINT;
      else process.env.TINSEL_S3_ENDPOINT = saved;
    }
  });

  it('rejects a bucket that does not exist', async () => {
    await assert.rejects(collect(listAlbFiles('s3://no-such-bucket/alb/', { s3: { endpoint: s3.endpoint, credentials } })), { name: 'NoSuchBucket' });
  });

  it('rejects a location without a bucket', async () => {
    await assert.rejects(collect(listAlbFiles('s3:///alb/')), /not an S3 location/);
  });
});
