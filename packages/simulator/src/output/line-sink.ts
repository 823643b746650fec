import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import type { DuplexOptions } from 'node:stream';
import { createGzip, type Gzip, type ZlibOptions } from 'node:zlib';
import { once } from 'node:events';
import { AsciiWriter } from '../format/ascii-writer.ts';

const CHUNK_BYTES = 1 << 20;
/** Room kept free for one request's lines (the largest, an X-Ray document with its cause, is a few kB). */
const RECORD_ROOM = 1 << 16;
// Streams that hold a few chunks before asking the writer to wait, so the
// generator runs on while the previous chunk is compressed and written.
const HIGH_WATER_MARK = 4 * CHUNK_BYTES;
/** zlib's output piece: each one is a round trip from the thread pool. */
const GZIP_OUTPUT_BYTES = 1 << 18;

// Chunks the streams are done with, reused by the next flush on this thread:
// a fresh megabyte per flush meant page faults and, through V8's accounting
// of external memory, extra garbage collections.
const spareChunks: Buffer[] = [];
const MAX_SPARE_CHUNKS = 16;

function newChunk(): Buffer {
  return spareChunks.pop() ?? Buffer.allocUnsafe(CHUNK_BYTES + RECORD_ROOM);
}

/**
 * A file written record by record, gzipped or plain. Records are written
 * straight into `out`, which spans a large chunk handed to the stream
 * whole: one stream write per line, or one string per line encoded
 * afterwards, each cost more than making the line. Compression runs on
 * libuv's thread pool, beside the generator.
 *
 * @example
 * const sink = new LineSink('/tmp/x.log.gz', { gzipLevel: 1 });
 * writeAlbLine(sink.out, plan);
 * await sink.commit(1); // a promise only when the stream is full
 * await sink.close();
 */
export class LineSink {
  readonly out = new AsciiWriter(newChunk());
  lines = 0;
  private readonly file: WriteStream;
  private readonly head: Gzip | WriteStream;
  private readonly finished: Promise<unknown>;

  constructor(path: string, options: { gzipLevel: number | null }) {
    mkdirSync(dirname(path), { recursive: true });
    this.file = createWriteStream(path, { highWaterMark: HIGH_WATER_MARK });
    this.finished = once(this.file, 'close');
    if (options.gzipLevel === null) this.head = this.file;
    else {
      // zlib hands stream options on to its Transform.
      const zlibOptions: ZlibOptions & DuplexOptions = { level: options.gzipLevel, chunkSize: GZIP_OUTPUT_BYTES, writableHighWaterMark: HIGH_WATER_MARK };
      const gzip = createGzip(zlibOptions);
      gzip.pipe(this.file);
      this.head = gzip;
    }
  }

  /**
   * Counts the lines just written to `out` (at most RECORD_ROOM bytes since
   * the last commit) and hands a full chunk to the stream. Returns a promise
   * only when the caller must wait for the stream to drain: an await per
   * line would cost more than the line.
   */
  commit(lines: number): Promise<void> | undefined {
    this.lines += lines;
    if (this.out.pos <= CHUNK_BYTES) return undefined;
    if (this.out.pos > this.out.buf.length) throw new Error(`a record ran past the ${RECORD_ROOM} bytes kept for it`);
    return this.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    this.head.end();
    await this.finished;
  }

  private async flush(): Promise<void> {
    if (this.out.pos === 0) return;
    // The stream holds on to the chunk until its write callback: only then is it free for reuse.
    const chunk = this.out.buf;
    const ok = this.head.write(chunk.subarray(0, this.out.pos), () => {
      if (spareChunks.length < MAX_SPARE_CHUNKS) spareChunks.push(chunk);
    });
    this.out.buf = newChunk();
    this.out.pos = 0;
    if (!ok) await once(this.head, 'drain');
  }
}
