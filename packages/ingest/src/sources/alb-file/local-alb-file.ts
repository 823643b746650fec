import { open } from 'node:fs/promises';
import type { AlbSourceFile } from './alb-source-file.ts';
import { parseAlbKey } from './parse-alb-key.ts';

// Larger reads than the 64 KiB default: fewer chunks through the hash, the
// inflater and the splitter for the same bytes.
const READ_CHUNK_BYTES = 1024 * 1024;

/**
 * An ALB log on the local disk, by absolute path.
 *
 * @example
 * const file = localAlbFile('/data/AWSLogs/…/x.log.gz', 1534);
 * const reader = readLines(await file.open());
 */
export function localAlbFile(path: string, size: number): AlbSourceFile {
  return {
    key: path,
    size,
    meta: parseAlbKey(path),
    // Opened before the stream is made so that a missing file rejects here,
    // as a missing S3 object does, rather than surfacing mid-read.
    open: async () => (await open(path, 'r')).createReadStream({ highWaterMark: READ_CHUNK_BYTES }),
  };
}
