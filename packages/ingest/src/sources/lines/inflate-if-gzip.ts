import { gunzipChunks } from './gunzip-chunks.ts';

const GZIP_MAGIC = [0x1f, 0x8b] as const;

/**
 * Passes bytes through, inflating them when they start with the gzip magic
 * (1f 8b). The bytes decide, never the name: ALB objects are gzip whatever
 * a copy was renamed to, Classic ELB objects are plain text.
 *
 * @example
 * for await (const text of inflateIfGzip(bytesOf('x.log'))) splitter.push(text);
 */
export async function* inflateIfGzip(raw: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
  const head: Buffer[] = [];
  let headBytes = 0;
  // The magic may straddle two chunks (a 1-byte first read is rare, not impossible).
  while (headBytes < GZIP_MAGIC.length) {
    const next = await raw.next();
    if (next.done === true) break;
    head.push(next.value);
    headBytes += next.value.length;
  }
  const start = head.length === 1 ? head[0] : Buffer.concat(head);
  const replayed = replay(start, raw);
  if (start !== undefined && start[0] === GZIP_MAGIC[0] && start[1] === GZIP_MAGIC[1]) yield* gunzipChunks(replayed);
  else yield* replayed;
}

/** The bytes already read to look at the head, then the rest. */
async function* replay(first: Buffer | undefined, rest: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
  if (first !== undefined && first.length > 0) yield first;
  yield* rest;
}
