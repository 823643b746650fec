import { createHash, type Hash } from 'node:crypto';
import { inflateIfGzip } from './inflate-if-gzip.ts';
import { LineSplitter } from './line-splitter.ts';

/** A run of consecutive lines, with how far into the input they reach. */
export interface LineBatch {
  lines: string[];
  /** 1-based line number of `lines[0]`. */
  firstLine: number;
  /** Raw bytes (compressed, for gzip) read from the input so far. */
  bytesIn: number;
  /** Decompressed bytes so far (equal to `bytesIn` for plain text). */
  bytesOut: number;
}

export type LinesErrorKind = 'truncated-gzip' | 'corrupt-gzip' | 'read-error';

/** How the reading ended; known once the batches are exhausted. */
export interface LinesOutcome {
  /** Hex SHA-256 of the raw bytes as stored (the whole input unless `read-error`). */
  sha256: string;
  /** Complete lines yielded. */
  totalLines: number;
  bytesIn: number;
  /** `atLine` is the line the break fell in: one past the last line yielded. */
  error: null | { kind: LinesErrorKind; message: string; atLine: number };
}

export interface ReadLinesOptions {
  /** Most lines in one batch; default 8192. */
  batchLines?: number;
}

/** The two faces of one reading: the batches to iterate, then how it ended. */
export interface LineReader {
  /** Iterable once. Never throws for a broken input: see `done`. */
  batches: AsyncIterable<LineBatch>;
  /**
   * Settles when the iteration of `batches` ends (exhausted or stopped
   * early, which reports a `read-error`); never rejects. It stays pending
   * while `batches` is not iterated.
   */
  done: Promise<LinesOutcome>;
}

const DEFAULT_BATCH_LINES = 8192;
// Far beyond any real ALB entry (user agents are cut at 8 KB); past this the
// input is not a log, and holding more would break the flat-memory promise.
const MAX_LINE_CHARS = 16 * 1024 * 1024;
// Log text gzips to a tenth or a thirtieth of its size; deflate's ceiling is
// about 1:1032. Past 200 times what was read (after a start of 256 MiB) the
// input is a decompression bomb, not a log, and reading stops there.
const MAX_EXPANSION = 200;
const EXPANSION_START_BYTES = 256 * 1024 * 1024;

/**
 * Streams the lines of raw bytes, gunzipping when they start with the gzip
 * magic (1f 8b) whatever the name, multi-member gzip included. LF ends a
 * line and a CR before it is dropped; a last line without LF is yielded,
 * blank lines are yielded as ''. Text is decoded as UTF-8, a character cut
 * between chunks kept whole. A broken input is not thrown: the lines before
 * the break come out, the partial line at the break does not, and `done`
 * tells what happened and where. A line past 16 Mi characters ends the
 * reading with a `read-error` rather than growing without bound, and so
 * does a gzip that expands past 200 times its size (a decompression bomb).
 *
 * Memory stays flat whatever the input size: bytes are pulled only as the
 * batches are taken.
 *
 * @example
 * const reader = readLines(fs.createReadStream('x.log.gz'));
 * for await (const batch of reader.batches) handle(batch.lines, batch.firstLine);
 * const { sha256, error } = await reader.done;
 */
export function readLines(input: NodeJS.ReadableStream, options: ReadLinesOptions = {}): LineReader {
  const batchLines = options.batchLines ?? DEFAULT_BATCH_LINES;
  if (!Number.isInteger(batchLines) || batchLines < 1) throw new RangeError(`batchLines must be a positive integer, got ${batchLines}`);
  let settle: (outcome: LinesOutcome) => void = () => {};
  const done = new Promise<LinesOutcome>((resolve) => (settle = resolve));
  let started = false;
  const batches: AsyncIterable<LineBatch> = {
    [Symbol.asyncIterator]() {
      if (started) throw new Error('readLines: the batches of one reading can be iterated only once');
      started = true;
      return produceBatches(input, batchLines, settle);
    },
  };
  return { batches, done };
}

/** Raw bytes read so far, hashed as they pass. */
interface RawTally {
  hash: Hash;
  bytes: number;
}

/** Marks an error of the input itself, as opposed to one of its gzip. */
class InputError extends Error {}

async function* produceBatches(input: NodeJS.ReadableStream, batchLines: number, settle: (outcome: LinesOutcome) => void): AsyncGenerator<LineBatch> {
  const tally: RawTally = { hash: createHash('sha256'), bytes: 0 };
  const splitter = new LineSplitter(batchLines);
  let bytesOut = 0;
  let nextLine = 1;
  let error: LinesOutcome['error'] = null;
  let finished = false;
  const batchOf = (lines: string[]): LineBatch => {
    const batch = { lines, firstLine: nextLine, bytesIn: tally.bytes, bytesOut };
    nextLine += lines.length;
    return batch;
  };
  try {
    try {
      for await (const chunk of inflateIfGzip(tapRaw(input, tally))) {
        bytesOut += chunk.length;
        if (bytesOut > MAX_EXPANSION * tally.bytes + EXPANSION_START_BYTES) throw new InputError(`the gzip expands past ${MAX_EXPANSION} times its size: a decompression bomb, not a log`);
        splitter.push(chunk);
        if (splitter.tailLength > MAX_LINE_CHARS) throw new InputError(`a line runs past ${MAX_LINE_CHARS} characters without a line feed`);
        for (const lines of splitter.takeFull()) yield batchOf(lines);
      }
      splitter.end();
    } catch (cause) {
      error = describeFailure(cause, splitter.lineCount + 1);
    }
    for (const lines of splitter.takeFull()) yield batchOf(lines);
    const rest = splitter.takeRest();
    if (rest !== null) yield batchOf(rest);
    finished = true;
  } finally {
    if (!finished && error === null) {
      error = { kind: 'read-error', message: 'reading stopped before the end of the input', atLine: nextLine };
    }
    settle({ sha256: tally.hash.digest('hex'), totalLines: nextLine - 1, bytesIn: tally.bytes, error });
  }
}

async function* tapRaw(input: NodeJS.ReadableStream, tally: RawTally): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of input) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      tally.hash.update(bytes);
      tally.bytes += bytes.length;
      yield bytes;
    }
  } catch (cause) {
    throw new InputError(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

function describeFailure(cause: unknown, atLine: number): NonNullable<LinesOutcome['error']> {
  const message = cause instanceof Error ? cause.message : String(cause);
  if (cause instanceof InputError) return { kind: 'read-error', message, atLine };
  const code = (cause as { code?: unknown } | null)?.code;
  // zlib reports a stream that ends inside a member as a buffer error.
  if (code === 'Z_BUF_ERROR') return { kind: 'truncated-gzip', message, atLine };
  if (typeof code === 'string' && code.startsWith('Z_')) return { kind: 'corrupt-gzip', message, atLine };
  return { kind: 'read-error', message, atLine };
}
