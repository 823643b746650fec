import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { retentionAt } from './retention-config.ts';
import { retentionCutoffs } from '../retention/retention-runner.ts';

describe('store.retention', () => {
  it('is empty (keep everything) when nothing is set', () => {
    assert.deepEqual(retentionAt({}), {});
  });

  it('takes store.retentionDays for every signal, and a signal\'s own days over it', () => {
    assert.deepEqual(retentionAt({ retentionDays: 30, retention: { spans: 7, logs: '14' } }), { requests: 30, spans: 7, logs: 14, deadLetters: 30 });
  });

  it('names the key of every mistake', () => {
    assert.throws(() => retentionAt({ retention: { logs: 0 } }), /^Error: store\.retention\.logs: expected a positive whole number of days, got 0$/);
    assert.throws(() => retentionAt({ retention: { log: 3 } }), /^Error: store\.retention\.log: unknown key \(known: requests, spans, logs, deadLetters\)$/);
    assert.throws(() => retentionAt({ retention: [3] }), /^Error: store\.retention: expected a mapping/);
    assert.throws(() => retentionAt({ retentionDays: 'soon' }), /^Error: store\.retentionDays: /);
  });
});

describe('retentionCutoffs', () => {
  it('gives each signal\'s tables the cutoff of its days, the full-text blocks with the logs', () => {
    const now = Date.parse('2026-01-08T00:00:00Z');
    const cutoffs = retentionCutoffs({ logs: 7, requests: 1 }, now);
    assert.deepEqual(Object.keys(cutoffs).sort(), ['log_blocks', 'logs', 'requests']);
    assert.equal(cutoffs.logs?.toISOString(), '2026-01-01T00:00:00.000Z');
    assert.equal(cutoffs.log_blocks?.toISOString(), '2026-01-01T00:00:00.000Z');
    assert.equal(cutoffs.requests?.toISOString(), '2026-01-07T00:00:00.000Z');
  });
});
