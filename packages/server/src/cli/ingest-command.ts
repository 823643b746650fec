import { Readable } from 'node:stream';
import { ingestAlbTarget, listAlbFiles, sha256OfFile } from '@tinsel/ingest';
import { openTinsel } from '../open-tinsel.ts';
import type { TinselConfig } from '../config/config.ts';
import { parseCommand } from './common-options.ts';
import { findServer, serverFetch } from './find-server.ts';
import { runIngestLogs } from './ingest-logs-command.ts';
import { ProgressReporter } from './progress-reporter.ts';

/** `tinsel ingest alb <target>` and `tinsel ingest logs <file>`: through a running server when one answers, else into the data folder. */
export async function runIngest(args: string[]): Promise<number> {
  const { config, values, positionals } = parseCommand(args, {});
  const [kind, target] = positionals;
  if (kind === 'logs' && target) return runIngestLogs(config, await findServer(values.server as string | undefined, config.listen.port, values.direct === true), target);
  if (kind !== 'alb' || !target) throw new Error('usage: tinsel ingest alb <file|folder|s3://bucket/prefix> | tinsel ingest logs <file.jsonl[.gz]>');
  const s3 = { endpoint: config.s3.endpoint ?? undefined, region: config.s3.region ?? undefined, forcePathStyle: config.s3.forcePathStyle };
  const server = await findServer(values.server as string | undefined, config.listen.port, values.direct === true);
  const reporter = new ProgressReporter();
  const failed = server ? await uploadFiles(server, target, s3, reporter) : await ingestDirectly(config, target, s3, reporter);
  process.stderr.write(`${reporter.summary()}\n`);
  return failed > 0 ? 1 : 0;
}

async function ingestDirectly(config: TinselConfig, target: string, s3: object, reporter: ProgressReporter): Promise<number> {
  const tinsel = await openTinsel(config);
  try {
    const summary = await ingestAlbTarget(
      {
        ...tinsel,
        onProgress: (p) => reporter.progress({ lines: p.lines, bytesIn: p.bytesIn, bytesOut: p.bytesOut, deadLettered: p.deadLettered }),
        onFile: (r) => reporter.fileDone(r.key, r, r.accepted + r.deadLettered + r.skipped),
      },
      target,
      { s3 },
    );
    return summary.partial;
  } finally {
    await tinsel.close();
  }
}

async function uploadFiles(server: string, target: string, s3: object, reporter: ProgressReporter): Promise<number> {
  let failed = 0;
  for await (const file of listAlbFiles(target, { s3 })) {
    const sha256 = await sha256OfFile(file);
    const response = await serverFetch(`${server}/api/ingest/alb/file`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-tinsel-source-key': file.key, 'x-tinsel-source-size': String(file.size), 'x-tinsel-source-sha256': sha256 },
      body: Readable.toWeb(Readable.from(await file.open())) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    const result = (await response.json()) as { status: string; accepted: number; deadLettered: number; skipped: number; bytesIn: number; bytesOut: number; error: string | null; message?: string };
    if (!response.ok || result.status === 'partial') failed++;
    reporter.fileDone(file.key, { ...result, status: result.status ?? 'failed', error: result.error ?? result.message ?? null }, result.accepted + result.deadLettered + result.skipped);
  }
  return failed;
}
