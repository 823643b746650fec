import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import type { AlbSourceFile } from '../alb-file/alb-source-file.ts';
import { isAlbLogName } from '../alb-file/is-alb-log-name.ts';
import { parseAlbKey } from '../alb-file/parse-alb-key.ts';
import { createS3Client, type S3ClientConfigLike } from './create-s3-client.ts';
import { parseS3Url } from './parse-s3-url.ts';

/**
 * Lists the ALB access logs under `s3://bucket/prefix`, one ListObjectsV2
 * page at a time (so a prefix of a million keys never sits in memory), in
 * the key order S3 returns. Filters as for a folder: `*.log`/`*.log.gz`
 * only, no `conn_log.*`, no `ELBAccessLogTestFile`, nothing hidden below
 * the prefix; a prefix that is a whole key lists that object whatever its
 * name. Each file opens with its own GetObject.
 *
 * @example
 * for await (const file of listS3AlbFiles('s3://acme-logs/AWSLogs/123456789012/')) console.log(file.key, file.size);
 */
export async function* listS3AlbFiles(url: string, options: { s3?: S3ClientConfigLike; signal?: AbortSignal } = {}): AsyncGenerator<AlbSourceFile> {
  const location = parseS3Url(url);
  if (location === null) throw new Error(`not an S3 location: ${url} (expected s3://bucket/prefix)`);
  const { bucket, prefix } = location;
  const client = createS3Client(options.s3);
  const signal = options.signal;
  let continuationToken: string | undefined;
  do {
    signal?.throwIfAborted();
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, MaxKeys: options.s3?.maxKeys, ContinuationToken: continuationToken }),
      { abortSignal: signal },
    );
    for (const object of page.Contents ?? []) {
      const key = object.Key;
      if (key === undefined || !isListedKey(key, prefix)) continue;
      yield { ...s3AlbFile(client, bucket, key, object.Size ?? 0, signal), ...(object.ETag ? { contentTag: object.ETag } : {}) };
    }
    continuationToken = page.IsTruncated === true ? page.NextContinuationToken : undefined;
  } while (continuationToken !== undefined);
}

function isListedKey(key: string, prefix: string): boolean {
  // An object named in full was asked for by name, as a file path is.
  if (key === prefix) return true;
  const name = key.slice(key.lastIndexOf('/') + 1);
  const foldersBelowPrefix = key.slice(prefix.length).split('/').slice(0, -1);
  return isAlbLogName(name) && !foldersBelowPrefix.some((folder) => folder.startsWith('.'));
}

function s3AlbFile(client: S3Client, bucket: string, key: string, size: number, signal: AbortSignal | undefined): AlbSourceFile {
  return {
    key: `s3://${bucket}/${key}`,
    size,
    meta: parseAlbKey(key),
    open: async () => {
      const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: signal });
      // In Node the SDK hands back a Readable; anything else means a runtime
      // this source was not written for.
      if (!(response.Body instanceof Readable)) throw new Error(`S3 returned no readable body for s3://${bucket}/${key}`);
      return response.Body;
    },
  };
}
