import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { gunzipChunks } from './gunzip-chunks.ts';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tinsel-gunzip-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function inflate(path: string, pause = 0): Promise<{ bytes: Buffer; error: unknown }> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of gunzipChunks(createReadStream(path, { highWaterMark: 8192 }))) {
      chunks.push(chunk);
      if (pause > 0) await sleep(pause);
    }
    return { bytes: Buffer.concat(chunks), error: null };
  } catch (error) {
    return { bytes: Buffer.concat(chunks), error };
  }
}

const text = Buffer.from(Array.from({ length: 30_000 }, (_, i) => `row ${i} ${'z'.repeat(i % 40)} ${(i * 7) % 101}\n`).join(''));

describe('gunzipChunks', () => {
  it('inflates all members of a multi-member gzip', async () => {
    const path = join(dir, 'members.gz');
    await writeFile(path, Buffer.concat([gzipSync(text.subarray(0, 1000)), gzipSync(text.subarray(1000))]));
    const { bytes, error } = await inflate(path);
    assert.equal(error, null);
    assert.ok(bytes.equals(text));
  });

  it('accepts zero padding after the last member', async () => {
    const path = join(dir, 'padded.gz');
    await writeFile(path, Buffer.concat([gzipSync(text), Buffer.alloc(40_000)]));
    const { bytes, error } = await inflate(path);
    assert.equal(error, null);
    assert.ok(bytes.equals(text));
  });

  it('hands a slow consumer every byte inflated before a truncation, then Z_BUF_ERROR', async () => {
    const cut = gzipSync(text).subarray(0, 40_000);
    const path = join(dir, 'cut.gz');
    await writeFile(path, cut);
    const { bytes, error } = await inflate(path, 2);
    assert.equal((error as { code?: string }).code, 'Z_BUF_ERROR');
    assert.ok(bytes.equals(gunzipSync(cut, { finishFlush: constants.Z_SYNC_FLUSH })));
  });

  it('throws Z_DATA_ERROR for data that is not deflate', async () => {
    const path = join(dir, 'bad.gz');
    await writeFile(path, Buffer.concat([gzipSync(text).subarray(0, 10), Buffer.alloc(5000, 0xff)]));
    const { error } = await inflate(path);
    assert.equal((error as { code?: string }).code, 'Z_DATA_ERROR');
  });
});
