import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig, type TinselConfig } from './config/config.ts';

/** The example entries of AWS's ALB documentation, one line each (blocks joined as AWS says). */
export function awsDocExampleLines(): string[] {
  const text = readFileSync(new URL('../../../../shared/samples/alb-aws-docs-examples.txt', import.meta.url), 'utf8');
  const blocks: string[][] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    if (line.startsWith('===')) blocks.push([]);
    else if (line.trim() !== '') blocks[blocks.length - 1]?.push(line.trim());
  }
  return blocks.filter((b) => b.length > 0).map((b) => b.join(' '));
}

/** A configuration on a new temporary data folder, listening on an ephemeral loopback port. */
export function testConfig(overrides: Partial<TinselConfig> = {}): TinselConfig {
  return { ...defaultConfig, dataDir: mkdtempSync(join(tmpdir(), 'tinsel-test-')), listen: { host: '127.0.0.1', port: 0, xrayUdpPort: 0, otlpPort: 0, seqPort: 0, esPort: 0 }, ...overrides };
}
