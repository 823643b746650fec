import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BatchShipper } from './batch-shipper.ts';
import { BoundedQueue } from './bounded-queue.ts';

describe('BoundedQueue', () => {
  it('drops and counts what comes past its capacity, and hands out the oldest first', () => {
    const queue = new BoundedQueue<number>(3);
    for (let i = 0; i < 5; i++) queue.push(i);
    assert.equal(queue.length, 3);
    assert.equal(queue.dropped, 2);
    assert.deepEqual(queue.take(2), [0, 1]);
    assert.deepEqual(queue.take(10), [2]);
    assert.equal(queue.push(9), true);
  });
});

describe('BatchShipper', () => {
  it('sends in batches and counts a failed send as dropped, never throwing', async () => {
    const batches: number[][] = [];
    let accept = true;
    const shipper = new BatchShipper<number>(async (batch) => {
      batches.push(batch);
      if (!accept) throw new Error('Tinsel is down');
      return true;
    }, { capacity: 4, batchSize: 2, intervalMs: 60_000 });
    for (let i = 0; i < 3; i++) shipper.enqueue(i);
    await shipper.flush();
    accept = false;
    for (let i = 0; i < 7; i++) shipper.enqueue(i);
    await shipper.close();
    const stats = shipper.stats();
    assert.equal(stats.sent, 3);
    assert.ok(stats.droppedQueueFull + stats.droppedSendFailed === 7, JSON.stringify(stats));
    assert.ok(batches.every((b) => b.length <= 2));
    assert.equal(stats.queued, 0);
  });
});
