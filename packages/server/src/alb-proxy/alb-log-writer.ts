import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Where and under which names the proxy's access-log objects are written. */
export interface AlbLogLayout {
  logDir: string;
  accountId: string;
  region: string;
  /** `app.<name>.<16 hex>`, as ALB names its log objects. */
  lbId: string;
  nodeIp: string;
}

const INTERVAL_MS = 5 * 60_000;

/**
 * Gathers access-log lines and writes them as gzip objects in the S3 key
 * layout ALB uses (`AWSLogs/<account>/elasticloadbalancing/<region>/yyyy/mm/dd/
 * <account>_elasticloadbalancing_<region>_<lb-id>_<end>Z_<ip>_<random>.log.gz`),
 * one object per flush, named after the end of the 5-minute interval its
 * lines fall in. ALB delivers every 5 minutes; a laptop wants them sooner, so
 * the flush cadence is the caller's.
 */
export class AlbLogWriter {
  private lines: Array<{ at: number; line: string }> = [];
  private writing: Promise<string[]> = Promise.resolve([]);
  /** Objects written so far. */
  readonly written: string[] = [];

  constructor(private readonly layout: AlbLogLayout) {}

  add(at: number, line: string): void {
    this.lines.push({ at, line });
  }

  /** Writes the lines gathered so far; resolves with the paths of the new objects. */
  flush(): Promise<string[]> {
    const pending = this.lines;
    this.lines = [];
    this.writing = this.writing.then(() => this.writeGroups(pending));
    return this.writing;
  }

  private async writeGroups(pending: Array<{ at: number; line: string }>): Promise<string[]> {
    const groups = new Map<number, string[]>();
    for (const { at, line } of pending) {
      const end = Math.floor(at / INTERVAL_MS) * INTERVAL_MS + INTERVAL_MS;
      groups.set(end, [...(groups.get(end) ?? []), line]);
    }
    const paths: string[] = [];
    for (const [end, lines] of groups) paths.push(await this.writeObject(end, lines));
    this.written.push(...paths);
    return paths;
  }

  private async writeObject(end: number, lines: string[]): Promise<string> {
    const { logDir, accountId, region, lbId, nodeIp } = this.layout;
    const iso = new Date(end).toISOString();
    const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`;
    const dir = join(logDir, 'AWSLogs', accountId, 'elasticloadbalancing', region, iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10));
    const name = `${accountId}_elasticloadbalancing_${region}_${lbId}_${stamp}_${nodeIp}_${randomBytes(4).toString('hex')}.log.gz`;
    await mkdir(dir, { recursive: true });
    const path = join(dir, name);
    await writeFile(path, gzipSync(`${lines.join('\n')}\n`));
    return path;
  }
}
