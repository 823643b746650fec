import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { createGzip, type Gzip } from 'node:zlib';
import { buildAlbEstate } from './alb-estate.ts';
import { generateAlbLines } from './generate-alb-lines.ts';
import { SeededRandom } from './seeded-random.ts';

export interface AlbDataset {
  root: string;
  logs: string;
  tenants: string;
  instances: string;
  lines: number;
}

const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';

/**
 * Writes `lines` generated ALB lines as gzip files in the S3 key layout, one
 * series of files per load balancer as ALB delivers them, plus enrichment
 * tables describing the estate they come from. Kept between runs: a dataset
 * already complete on disk is reused.
 */
export async function writeAlbDataset(root: string, lines: number, seed: number, linesPerFile = 200_000): Promise<AlbDataset> {
  const dataset = { root, logs: join(root, 'AWSLogs'), tenants: join(root, 'tenants.csv'), instances: join(root, 'instances.csv'), lines };
  if (existsSync(join(root, 'complete'))) return dataset;
  const start = Date.UTC(2026, 10, 24, 18, 0, 0);
  const folder = join(dataset.logs, ACCOUNT, 'elasticloadbalancing', REGION, '2026', '11', '24');
  mkdirSync(folder, { recursive: true });
  const series = new Map<string, LogSeries>();
  for (const line of generateAlbLines({ count: lines, seed, startTime: start, requestsPerSecond: 2000 })) {
    const elb = line.slice(line.indexOf(' ', line.indexOf(' ') + 1) + 1, line.indexOf(' ', line.indexOf(' ', line.indexOf(' ') + 1) + 1));
    let files = series.get(elb);
    if (!files) series.set(elb, (files = new LogSeries(folder, elb, start, linesPerFile)));
    await files.write(line);
  }
  for (const files of series.values()) await files.close();
  writeEnrichment(dataset, seed, start);
  writeFileSync(join(root, 'complete'), `${lines} lines, seed ${seed}\n`);
  return dataset;
}

/** The files of one load balancer: a new one every `linesPerFile` lines, named as ALB names them. */
class LogSeries {
  private out: { gzip: Gzip; done: Promise<unknown> } | null = null;
  private lines = 0;
  private files = 0;

  constructor(
    private readonly folder: string,
    private readonly elb: string,
    private readonly start: number,
    private readonly linesPerFile: number,
  ) {}

  async write(line: string): Promise<void> {
    if (this.lines % this.linesPerFile === 0) await this.rotate();
    this.lines++;
    if (!this.out!.gzip.write(`${line}\n`)) await once(this.out!.gzip, 'drain');
  }

  async close(): Promise<void> {
    if (!this.out) return;
    this.out.gzip.end();
    await this.out.done;
    this.out = null;
  }

  private async rotate(): Promise<void> {
    await this.close();
    const end = new Date(this.start + (this.files + 1) * 300_000).toISOString().replace(/[-:]/g, '').slice(0, 13);
    const lbId = this.elb.replace(/\//g, '.');
    const name = `${ACCOUNT}_elasticloadbalancing_${REGION}_${lbId}_${end}Z_10.0.0.${10 + (this.files % 4)}_${String(this.files).padStart(6, '0')}.log.gz`;
    const gzip = createGzip();
    const file = createWriteStream(join(this.folder, name));
    gzip.pipe(file);
    this.out = { gzip, done: once(file, 'close') };
    this.files++;
  }
}

/** Tenants for every domain and instances for every target, with one IP reused by a replacement halfway. */
function writeEnrichment(dataset: AlbDataset, seed: number, start: number): void {
  const estate = buildAlbEstate(new SeededRandom(seed));
  const tenants = estate.domains.map((domain, i) => `${domain},tenant-${i},db-${i % 8},tenant_${i},${i < 20 ? 'gold' : 'standard'}`);
  writeFileSync(dataset.tenants, `domain,tenant,db_server,db_name,site_tier\n${tenants.join('\n')}\n`);
  const half = new Date(start + 30 * 60_000).toISOString();
  const rows = estate.targets.flatMap((target, i) => {
    const ip = target.split(':')[0];
    const row = (n: number, from: string, to: string) => `${ip},i-${(i * 16 + n).toString(16).padStart(17, '0')},ami-0${n}a1b2c3d4e5f6,4.2.${n},eu-west-1${'abc'[i % 3]},web-asg,${from},${to}`;
    return i === 0 ? [row(0, '', half), row(1, half, '')] : [row(0, '', '')];
  });
  writeFileSync(dataset.instances, `ip,instance_id,ami_id,app_version,az,asg,valid_from,valid_to\n${rows.join('\n')}\n`);
}
