import { createGunzip, type Gunzip } from 'node:zlib';

// zlib inflates on the thread pool while the main thread splits lines, so a
// few small writes queued ahead keep both busy: on a 100 MB ALB-shaped gzip
// these sizes read about twice as fast as one 64 KiB write at a time. Memory
// stays bounded by WRITES_AHEAD × INPUT_SLICE_BYTES × compression ratio,
// whatever the file size.
const OUTPUT_CHUNK_BYTES = 256 * 1024;
const INPUT_SLICE_BYTES = 16 * 1024;
const WRITES_AHEAD = 8;

/**
 * Inflates gzip bytes, every member of a multi-member file included, and
 * yields the decompressed chunks in order. When the gzip breaks (truncated or
 * corrupt) the bytes inflated before the break are yielded first (for
 * corrupt data, less what zlib withholds from the write that met the
 * damage: at most one input slice's worth), then the zlib error is thrown (`code` is `Z_BUF_ERROR` for a truncated file,
 * `Z_DATA_ERROR` for corrupt data). After a break the rest of `raw` is still
 * read, unwritten, so that a caller hashing the raw bytes sees all of them.
 *
 * Backpressure: no more than a few slices of `raw` are taken ahead of what
 * the consumer has taken.
 *
 * @example
 * for await (const chunk of gunzipChunks(fs.createReadStream('a.log.gz'))) total += chunk.length;
 */
export async function* gunzipChunks(raw: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const inflater = new Inflater();
  const writing: Promise<void>[] = [];
  try {
    try {
      for await (const chunk of raw) {
        // After a break the rest is still read, unwritten: see above. zlib
        // also ends its output early when zero bytes follow the last member
        // (padding some writers add) and ignores whatever comes after.
        if (inflater.error !== null || inflater.ended) continue;
        for (let at = 0; at < chunk.length && inflater.error === null; at += INPUT_SLICE_BYTES) {
          writing.push(inflater.write(chunk.subarray(at, at + INPUT_SLICE_BYTES)));
          if (writing.length < WRITES_AHEAD) continue;
          yield* inflater.take();
          await writing.shift();
        }
      }
    } catch (error) {
      // A read error after a gzip break is noise: the break is the story.
      if (inflater.error === null) throw error;
    }
    await Promise.all(writing);
    await inflater.finish();
    yield* inflater.take();
    if (inflater.error !== null) throw inflater.error;
  } finally {
    inflater.destroy();
  }
}

/**
 * A gunzip stream driven by hand. Its output is taken from 'data' events
 * rather than from the stream's async iterator: that iterator drops chunks
 * still buffered when an error destroys the stream, which would lose the
 * last lines before the break of a truncated file.
 */
class Inflater {
  error: Error | null = null;
  private readonly gunzip: Gunzip = createGunzip({ chunkSize: OUTPUT_CHUNK_BYTES });
  private produced: Buffer[] = [];
  // Pending writes to release when an error means their callbacks may never come.
  private readonly waiting = new Set<() => void>();

  constructor() {
    this.gunzip.on('data', (chunk: Buffer) => this.produced.push(chunk));
    this.gunzip.on('error', (error: Error) => {
      this.error ??= error;
      for (const release of this.waiting) release();
      this.waiting.clear();
    });
  }

  /** True once zlib has emitted its last byte. */
  get ended(): boolean {
    return this.gunzip.readableEnded;
  }

  /** Resolves when zlib has taken the bytes, or has failed; never rejects. */
  write(bytes: Buffer): Promise<void> {
    return this.settle((done) => this.gunzip.write(bytes, done));
  }

  /** Ends the input; resolves once the last output has been emitted, or on failure. */
  finish(): Promise<void> {
    return this.settle((done) => {
      if (this.gunzip.readableEnded) done();
      else this.gunzip.once('end', done);
      this.gunzip.end();
    });
  }

  /** The output emitted since the last call. */
  take(): Buffer[] {
    const ready = this.produced;
    this.produced = [];
    return ready;
  }

  destroy(): void {
    this.gunzip.destroy();
  }

  private settle(start: (done: () => void) => void): Promise<void> {
    if (this.error !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiting.add(resolve);
      start(() => {
        this.waiting.delete(resolve);
        resolve();
      });
    });
  }
}
