import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { readLines, type LineBatch, type LinesOutcome } from './read-lines.ts';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tinsel-read-lines-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fileWith(name: string, bytes: Buffer | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

async function readAll(input: NodeJS.ReadableStream, options: { batchLines?: number; pause?: number } = {}): Promise<{ lines: string[]; batches: LineBatch[]; outcome: LinesOutcome }> {
  const reader = readLines(input, options);
  const batches: LineBatch[] = [];
  for await (const batch of reader.batches) {
    batches.push(batch);
    if (options.pause !== undefined) await sleep(options.pause);
  }
  return { lines: batches.flatMap((batch) => batch.lines), batches, outcome: await reader.done };
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Numbered lines, long enough that a gzip of them spans many zlib chunks. */
function numberedLines(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${i + 1} GET /items/${(i * 7919) % 100003} ${'q'.repeat(i % 61)} ${(i * 31) % 997}`);
}

describe('readLines', () => {
  it('reads a plain file: blank lines as empty strings, a last line without LF kept', async () => {
    const text = 'first\n\nthird\nlast';
    const path = await fileWith('plain.log', text);
    const { lines, outcome } = await readAll(createReadStream(path));
    assert.deepEqual(lines, ['first', '', 'third', 'last']);
    assert.deepEqual(outcome, { sha256: sha256(Buffer.from(text)), totalLines: 4, bytesIn: text.length, error: null });
  });

  it('does not invent a line after a final LF', async () => {
    const path = await fileWith('final-lf.log', 'a\nb\n');
    assert.deepEqual((await readAll(createReadStream(path))).lines, ['a', 'b']);
  });

  it('gunzips by the magic bytes, not by the name', async () => {
    const text = 'one\ntwo\nthree\n';
    const gzipped = gzipSync(text);
    const disguised = await fileWith('looks-plain.log', gzipped);
    const plainNamedGz = await fileWith('looks-gzipped.log.gz', text);
    const fromGzip = await readAll(createReadStream(disguised));
    assert.deepEqual(fromGzip.lines, ['one', 'two', 'three']);
    assert.equal(fromGzip.outcome.bytesIn, gzipped.length);
    assert.equal(fromGzip.outcome.sha256, sha256(gzipped));
    assert.equal(fromGzip.batches.at(-1)?.bytesOut, text.length);
    assert.deepEqual((await readAll(createReadStream(plainNamedGz))).lines, ['one', 'two', 'three']);
  });

  it('reads every member of a multi-member gzip, a line may span two members', async () => {
    const members = [gzipSync('a1\na2\npart'), gzipSync('ial\nb1\n'), gzipSync('c1\nc2')];
    const path = await fileWith('multi.log.gz', Buffer.concat(members));
    const { lines, outcome } = await readAll(createReadStream(path), { batchLines: 2 });
    assert.deepEqual(lines, ['a1', 'a2', 'partial', 'b1', 'c1', 'c2']);
    assert.equal(outcome.error, null);
    assert.equal(outcome.totalLines, 6);
  });

  it('yields every complete line before a gzip cut short, then reports truncated-gzip', async () => {
    const all = numberedLines(60_000);
    const whole = gzipSync(all.join('\n') + '\n');
    const cut = whole.subarray(0, Math.floor(whole.length / 2));
    const path = await fileWith('cut.log.gz', cut);
    // What zlib can still inflate from the cut file, up to the last LF.
    const recoverable = gunzipSync(cut, { finishFlush: constants.Z_SYNC_FLUSH }).toString();
    const complete = recoverable.slice(0, recoverable.lastIndexOf('\n')).split('\n');
    assert.ok(complete.length > 1000 && complete.length < all.length);

    const { lines, outcome } = await readAll(createReadStream(path), { batchLines: 1000 });
    assert.deepEqual(lines, complete);
    assert.deepEqual(lines, all.slice(0, complete.length));
    assert.equal(outcome.error?.kind, 'truncated-gzip');
    assert.equal(outcome.error?.atLine, complete.length + 1);
    assert.equal(outcome.totalLines, complete.length);
    assert.equal(outcome.sha256, sha256(cut));
    assert.equal(outcome.bytesIn, cut.length);
  });

  it('loses nothing before the break when the consumer is slow', async () => {
    const all = numberedLines(40_000);
    const cut = gzipSync(all.join('\n') + '\n').subarray(0, 150_000);
    const path = await fileWith('cut-slow.log.gz', cut);
    const fast = await readAll(createReadStream(path));
    const slow = await readAll(createReadStream(path, { highWaterMark: 4096 }), { batchLines: 500, pause: 1 });
    assert.equal(slow.outcome.error?.kind, 'truncated-gzip');
    assert.deepEqual(slow.lines, fast.lines);
    assert.equal(slow.outcome.error?.atLine, fast.outcome.error?.atLine);
  });

  it('reports corrupt-gzip, keeps the lines before the damage and hashes the whole file', async () => {
    const all = numberedLines(20_000);
    const damaged = Buffer.from(gzipSync(all.join('\n') + '\n'));
    damaged.fill(0xff, Math.floor(damaged.length / 2), Math.floor(damaged.length / 2) + 64);
    const path = await fileWith('damaged.log.gz', damaged);
    const { lines, outcome } = await readAll(createReadStream(path, { highWaterMark: 8192 }));
    assert.equal(outcome.error?.kind, 'corrupt-gzip');
    assert.ok(lines.length > 0 && lines.length < all.length);
    assert.deepEqual(lines, all.slice(0, lines.length));
    assert.equal(outcome.error?.atLine, lines.length + 1);
    assert.equal(outcome.sha256, sha256(damaged));
    assert.equal(outcome.bytesIn, damaged.length);
  });

  it('reports corrupt-gzip for a gzip header followed by nonsense', async () => {
    const path = await fileWith('not-deflate.log.gz', Buffer.from([0x1f, 0x8b, 0x42, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06]));
    const { lines, outcome } = await readAll(createReadStream(path));
    assert.deepEqual(lines, []);
    assert.equal(outcome.error?.kind, 'corrupt-gzip');
    assert.equal(outcome.error?.atLine, 1);
  });

  it('stops a decompression bomb with a read-error, keeping the lines before the cut', async () => {
    // 8 KiB lines of one letter: about 1:1000 at level 9, far past any log's ratio.
    const line = Buffer.from(`${'a'.repeat(8191)}\n`);
    const bomb = gzipSync(Buffer.concat(Array.from({ length: 60_000 }, () => line)), { level: 9 });
    let lines = 0;
    const reading = readLines(Readable.from([bomb]));
    for await (const batch of reading.batches) lines += batch.lines.length;
    const outcome = await reading.done;
    assert.equal(outcome.error?.kind, 'read-error');
    assert.match(outcome.error?.message ?? '', /decompression bomb/);
    assert.ok(lines > 0 && lines < 60_000, `kept ${lines} lines before the cut`);
  });

  it('drops the CR of CRLF, even when CR and LF arrive in different chunks', async () => {
    const text = 'alpha\r\nbe\rta\r\n\r\nlast\r';
    const path = await fileWith('crlf.log', text);
    for (const highWaterMark of [1, 2, 3, 64 * 1024]) {
      const { lines } = await readAll(createReadStream(path, { highWaterMark }));
      assert.deepEqual(lines, ['alpha', 'be\rta', '', 'last'], `highWaterMark ${highWaterMark}`);
    }
  });

  it('keeps multibyte UTF-8 characters whole when chunks cut through them', async () => {
    const text = 'café €5\n😀 naïve\n\u4e2d\u6587 ok\n';
    const bytes = Buffer.from(text);
    const plain = await fileWith('utf8.log', bytes);
    for (let split = 1; split < bytes.length; split++) {
      const chunks = Readable.from([bytes.subarray(0, split), bytes.subarray(split)]);
      assert.deepEqual((await readAll(chunks)).lines, ['café €5', '😀 naïve', '中文 ok'], `split at byte ${split}`);
    }
    assert.deepEqual((await readAll(createReadStream(plain, { highWaterMark: 1 }))).lines, ['café €5', '😀 naïve', '中文 ok']);
    const gzipped = await fileWith('utf8.log.gz', gzipSync(bytes));
    assert.deepEqual((await readAll(createReadStream(gzipped, { highWaterMark: 5 }))).lines, ['café €5', '😀 naïve', '中文 ok']);
  });

  it('hashes the raw bytes exactly as the file holds them', async () => {
    const bytes = gzipSync(numberedLines(5000).join('\n'));
    const path = await fileWith('hash.log.gz', bytes);
    const { outcome } = await readAll(createReadStream(path, { highWaterMark: 1000 }));
    assert.equal(outcome.sha256, sha256(await readFile(path)));
  });

  it('cuts batches of batchLines with 1-based first line numbers and growing byte counts', async () => {
    const text = numberedLines(10).join('\n') + '\n';
    const path = await fileWith('batches.log', text);
    const { batches } = await readAll(createReadStream(path, { highWaterMark: 16 }), { batchLines: 3 });
    assert.deepEqual(batches.map((b) => [b.firstLine, b.lines.length]), [[1, 3], [4, 3], [7, 3], [10, 1]]);
    assert.deepEqual(batches[1]?.lines, numberedLines(10).slice(3, 6));
    for (let i = 1; i < batches.length; i++) assert.ok((batches[i]?.bytesIn ?? 0) >= (batches[i - 1]?.bytesIn ?? 0));
    assert.equal(batches.at(-1)?.bytesOut, text.length);
  });

  it('reports a read-error at the line where the input failed', async () => {
    async function* failing(): AsyncGenerator<Buffer> {
      yield Buffer.from('a\nb\npar');
      throw new Error('connection reset');
    }
    const { lines, outcome } = await readAll(Readable.from(failing()));
    assert.deepEqual(lines, ['a', 'b']);
    assert.deepEqual(outcome.error, { kind: 'read-error', message: 'connection reset', atLine: 3 });
  });

  it('settles done and closes the input when the consumer stops early', async () => {
    const path = await fileWith('early.log', numberedLines(100).join('\n'));
    const input = createReadStream(path, { highWaterMark: 64 });
    const reader = readLines(input, { batchLines: 10 });
    for await (const batch of reader.batches) {
      assert.equal(batch.firstLine, 1);
      break;
    }
    const outcome = await reader.done;
    assert.equal(outcome.error?.kind, 'read-error');
    assert.equal(outcome.error?.atLine, 11);
    assert.equal(input.destroyed, true);
  });

  it('reads an empty input as no lines', async () => {
    const path = await fileWith('empty.log', '');
    const { batches, outcome } = await readAll(createReadStream(path));
    assert.deepEqual(batches, []);
    assert.deepEqual(outcome, { sha256: sha256(Buffer.alloc(0)), totalLines: 0, bytesIn: 0, error: null });
  });

  it('lets the batches be iterated only once', async () => {
    const reader = readLines(Readable.from([Buffer.from('x\n')]));
    for await (const _batch of reader.batches) {
      // Drained on purpose.
    }
    assert.throws(() => reader.batches[Symbol.asyncIterator](), /only once/);
  });
});
