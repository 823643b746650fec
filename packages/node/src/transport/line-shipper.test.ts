import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineShipper } from './line-shipper.ts';

describe('LineShipper', () => {
  it('sends whole lines separated by newlines, and counts them', async () => {
    const bodies: string[] = [];
    const shipper = new LineShipper(async (body) => (bodies.push(body.toString()), true), { capacityBytes: 1 << 20, chunkBytes: 16, intervalMs: 60_000 });
    for (const line of ['{"a":1}', '{"b":2}', '{"c":3}']) shipper.enqueue(line);
    await shipper.close();
    assert.deepEqual(bodies.join('').split('\n').filter(Boolean), ['{"a":1}', '{"b":2}', '{"c":3}']);
    assert.ok(bodies.every((b) => Buffer.byteLength(b) <= 16));
    assert.equal(shipper.stats().sent, 3);
  });

  it('drops lines past its byte budget and counts failed sends, never throwing', async () => {
    const shipper = new LineShipper(async () => {
      throw new Error('Tinsel is down');
    }, { capacityBytes: 20, chunkBytes: 10, intervalMs: 60_000 });
    for (let i = 0; i < 10; i++) shipper.enqueue(`line-${i}`);
    await shipper.close();
    const stats = shipper.stats();
    assert.equal(stats.sent, 0);
    assert.equal(stats.droppedQueueFull + stats.droppedSendFailed, 10);
    assert.ok(stats.droppedQueueFull >= 7, JSON.stringify(stats));
  });
});
