import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { listS3AlbFiles } from '../alb-s3/list-s3-alb-files.ts';
import type { S3ClientConfigLike } from '../alb-s3/create-s3-client.ts';
import type { AlbSourceFile } from './alb-source-file.ts';
import { localAlbFile } from './local-alb-file.ts';
import { walkAlbFolder } from './walk-alb-folder.ts';

export interface ListAlbFilesOptions {
  /** Client settings for `s3://` targets; see `createS3Client` for the defaults. */
  s3?: S3ClientConfigLike;
  /** Stops the listing between entries (and aborts an S3 request in flight). */
  signal?: AbortSignal;
}

/**
 * Lists the ALB log objects of a target, lazily and in key order:
 * - a file path: that file, whatever its name (it was asked for by name);
 * - a folder: walked recursively, keeping `*.log` and `*.log.gz`, skipping
 *   `ELBAccessLogTestFile`, `conn_log.*` objects and hidden entries;
 * - `s3://bucket/prefix`: every key under the prefix, same filters (a
 *   prefix that is a whole key is that object, as for a file path).
 *
 * A missing target or an S3 listing failure throws: it is a setup mistake,
 * not a bad line to dead-letter.
 *
 * @example
 * for await (const file of listAlbFiles('s3://acme-logs/alb/AWSLogs/', { s3: { region: 'eu-west-1' } })) {
 *   console.log(file.key, file.size, file.meta?.lbName);
 * }
 */
export async function* listAlbFiles(target: string, options: ListAlbFilesOptions = {}): AsyncIterable<AlbSourceFile> {
  if (target.startsWith('s3://')) {
    yield* listS3AlbFiles(target, options);
    return;
  }
  const path = resolve(target);
  const info = await stat(path).catch((cause: unknown) => {
    throw new Error(`ALB log target ${path} cannot be read`, { cause });
  });
  if (info.isDirectory()) yield* walkAlbFolder(path, options.signal);
  else yield localAlbFile(path, info.size);
}
