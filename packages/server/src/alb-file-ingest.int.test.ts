import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { Readable } from 'node:stream';
import { ingestAlbFile, ingestAlbTarget } from '@tinsel/ingest';
import { sql } from '@tinsel/store';
import { openTinsel, type Tinsel } from './open-tinsel.ts';
import { awsDocExampleLines, testConfig } from './test-support.ts';

const key = 'AWSLogs/123456789012/elasticloadbalancing/us-east-2/2018/07/02/123456789012_elasticloadbalancing_us-east-2_app.my-loadbalancer.50dc6c495c0c9188_20180702T2225Z_172.160.001.192_20sg8hgm.log.gz';

describe('ALB file ingest into a real DuckDB file', () => {
  let tinsel: Tinsel;
  let root: string;
  let file: string;
  const count = async (where = sql`TRUE`) => Number((await tinsel.store.query(sql`SELECT count(*) AS n FROM requests WHERE ${where}`))[0]?.n);

  before(async () => {
    const config = testConfig();
    // Enrichment tables as tinsel.yaml declares them: the AWS examples' SNI domain and one target IP.
    writeFileSync(join(config.dataDir, 'tenants.csv'), 'domain,tenant,db_server,db_name,site_tier\nwww.example.com,example,sql-1,example_prod,gold\n');
    writeFileSync(join(config.dataDir, 'instances.csv'), 'ip,instance_id,ami_id,app_version,az,asg,valid_from,valid_to\n10.0.0.1,i-0abc,ami-0123,1.4.2,us-east-2a,web-asg,,\n');
    config.enrichment = { tenants: { file: 'tenants.csv' }, instances: { file: 'instances.csv' } };
    config.baseDir = config.dataDir;
    tinsel = await openTinsel(config);
    root = join(config.dataDir, 'logs');
    file = join(root, key);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, gzipSync(`${awsDocExampleLines().join('\n')}\nnot an ALB line\n`));
  });
  after(async () => tinsel.close());

  it('takes account and region from the S3 key and dead-letters the bad line', async () => {
    const summary = await ingestAlbTarget(tinsel, root);
    assert.equal(summary.files.length, 1);
    assert.equal(summary.accepted, 7);
    assert.equal(summary.deadLettered, 1);
    const rows = await tinsel.store.query(sql`SELECT DISTINCT account_id, region, lb_name FROM requests`);
    assert.deepEqual(rows, [{ account_id: '123456789012', region: 'us-east-2', lb_name: 'my-loadbalancer' }]);
    const [dead] = await tinsel.store.query(sql`SELECT position, source FROM dead_letters`);
    assert.deepEqual(dead, { position: 8, source: file });
  });

  it('enriches rows from the tables in the configuration', async () => {
    const rows = await tinsel.store.query(sql`SELECT type, domain_name, tenant, db_server, target_ip, instance_id, app_version FROM requests WHERE type = ${'https'}`);
    assert.deepEqual(rows, [{ type: 'https', domain_name: 'www.example.com', tenant: 'example', db_server: 'sql-1', target_ip: '10.0.0.1', instance_id: 'i-0abc', app_version: '1.4.2' }]);
    const misses = tinsel.enricher.stats();
    assert.ok(misses.instanceMisses > 0, 'targets missing from the table are counted as misses');
  });

  it('adds nothing when the same file is ingested again', async () => {
    const summary = await ingestAlbTarget(tinsel, root);
    assert.equal(summary.unchanged, 1);
    assert.equal(await count(), 7);
    assert.equal(Number((await tinsel.store.query(sql`SELECT count(*) AS n FROM dead_letters`))[0]?.n), 1);
  });

  it('keeps the rows before the break of a truncated gzip and does not mark it done', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => awsDocExampleLines()[i % 7]!.replace('0.000 0.001', `0.000 ${(i / 1000).toFixed(3)}`));
    const whole = gzipSync(`${lines.join('\n')}\n`);
    const cut = join(root, 'cut.log.gz');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const summary = await ingestAlbTarget(tinsel, cut);
    const result = summary.files[0]!;
    assert.equal(result.status, 'partial');
    assert.match(result.error ?? '', /truncated-gzip/);
    const kept = await count(sql`source = ${cut}`);
    assert.ok(kept > 0 && kept < 3000, `kept ${kept}`);
    assert.equal((await tinsel.store.findIngestedFile(cut))?.status, 'partial');

    writeFileSync(cut, whole);
    const again = await ingestAlbTarget(tinsel, cut);
    assert.equal(again.files[0]?.status, 'done');
    assert.equal(await count(sql`source = ${cut}`), 3000);
  });

  it('skips an object whose content tag (S3 ETag) is unchanged without reading it again', async () => {
    const body = `${awsDocExampleLines()[1]}\n`;
    let opens = 0;
    const object = (contentTag: string) => ({
      key: 's3://logs/AWSLogs/tagged.log',
      size: Buffer.byteLength(body),
      meta: null,
      contentTag,
      open: async () => {
        opens++;
        return Readable.from([Buffer.from(body)]);
      },
    });
    assert.equal((await ingestAlbFile(tinsel, object('"etag-1"'))).status, 'done');
    assert.equal((await ingestAlbFile(tinsel, object('"etag-1"'))).status, 'unchanged');
    assert.equal(opens, 1);
    assert.equal((await ingestAlbFile(tinsel, object('"etag-2"'))).status, 'done');
    assert.equal(opens, 2);
    assert.equal(await count(sql`source = ${'s3://logs/AWSLogs/tagged.log'}`), 1);
  });

  it('replaces the rows of a file whose content changed', async () => {
    const changed = join(root, 'changed.log');
    writeFileSync(changed, `${awsDocExampleLines()[0]}\n`);
    await ingestAlbTarget(tinsel, changed);
    writeFileSync(changed, `${awsDocExampleLines().slice(0, 3).join('\n')}\n`);
    await ingestAlbTarget(tinsel, changed);
    assert.equal(await count(sql`source = ${changed}`), 3);
  });
});
