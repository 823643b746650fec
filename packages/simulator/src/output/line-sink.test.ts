import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { LineSink } from './line-sink.ts';

describe('LineSink', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tinsel-sink-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('hands chunks to gzip as they fill and writes every line once, in order', async () => {
    const path = join(dir, 'a', 'lines.log.gz');
    const sink = new LineSink(path, { gzipLevel: 1 });
    const expected: string[] = [];
    // Past several 1 MiB chunks, so chunks are handed over and drained.
    for (let i = 0; i < 60_000; i++) {
      const line = `line ${i} ${'x'.repeat(i % 97)}`;
      expected.push(line);
      sink.out.text(line);
      sink.out.byte(10);
      await sink.commit(1);
    }
    await sink.close();
    assert.equal(sink.lines, 60_000);
    assert.deepEqual(gunzipSync(readFileSync(path)).toString('utf8').split('\n'), [...expected, '']);
  });

  it('refuses a record longer than the room kept for it rather than truncating it', async () => {
    const sink = new LineSink(join(dir, 'b.ndjson'), { gzipLevel: null });
    sink.out.text('y'.repeat(1 << 20));
    // Past the buffer's end: the typed array drops the bytes, the position still counts them.
    sink.out.text('z'.repeat(1 << 17));
    assert.throws(() => sink.commit(1), /ran past the 65536 bytes/);
    await sink.close();
  });
});
