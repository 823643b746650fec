import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Anomaly } from '../detection/anomaly.ts';
import { IncidentBook } from './incident-book.ts';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 11, 24, 22, 30);
const anomaly: Anomaly = { family: 'errors', metric: 'target_5xx_rate', scopeKind: 'estate', scope: '*', minute: T0, value: 0.2, expected: 0.001, threshold: 0.01, requests: 1000, against: 'history' };
const counts = (bad: number) => [
  { dimension: 'route', value: 'POST /checkout', bad, good: 100 },
  { dimension: 'route', value: 'GET /', bad: 0, good: 900 },
  { dimension: 'tenant', value: 'acme', bad, good: 500 },
];

describe('IncidentBook', () => {
  it('opens, updates with summed counts, and resolves after three quiet minutes', () => {
    const book = new IncidentBook('inc');
    const opened = book.record({ family: 'errors', minute: T0, anomalies: [anomaly], contrast: counts(40) }, T0 + MINUTE);
    assert.equal(opened.status, 'open');
    assert.equal(opened.timeline[0]?.kind, 'opened');
    const updated = book.record({ family: 'errors', minute: T0 + MINUTE, anomalies: [anomaly], contrast: counts(60) }, T0 + 2 * MINUTE);
    assert.equal(updated.id, opened.id);
    assert.equal(updated.impact.badRequests, 100);
    assert.deepEqual(updated.impact.tenants, [{ tenant: 'acme', badRequests: 100 }]);
    assert.equal(updated.candidates[0]?.value, 'POST /checkout');
    assert.deepEqual(book.resolveQuiet(T0 + 3 * MINUTE, new Set(), T0 + 4 * MINUTE), []);
    const [resolved] = book.resolveQuiet(T0 + 4 * MINUTE, new Set(), T0 + 5 * MINUTE);
    assert.equal(resolved?.status, 'resolved');
    assert.deepEqual(resolved?.timeline.map((e) => e.kind), ['opened', 'updated', 'resolved']);
    assert.deepEqual(book.openIncidents(), []);
  });

  it('keeps one open incident per family', () => {
    const book = new IncidentBook('inc');
    const errors = book.record({ family: 'errors', minute: T0, anomalies: [anomaly], contrast: counts(10) }, T0);
    const latency = book.record({ family: 'latency', minute: T0, anomalies: [{ ...anomaly, family: 'latency', metric: 'p95' }], contrast: counts(10) }, T0);
    assert.notEqual(errors.id, latency.id);
    assert.equal(book.openIncidents().length, 2);
  });
});
