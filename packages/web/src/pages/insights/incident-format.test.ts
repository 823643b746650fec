import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { impactText, incidentDuration, liftText, metricLabel, minuteText, scopeText, signalFigure, spanOf } from './incident-format.ts';

describe('spanOf', () => {
  it('says seconds, minutes, hours and days as people do', () => {
    assert.equal(spanOf(45_000), '45 s');
    assert.equal(spanOf(12 * 60_000), '12 min');
    assert.equal(spanOf(60 * 60_000), '1 h');
    assert.equal(spanOf(125 * 60_000), '2 h 5 min');
    assert.equal(spanOf(76 * 3_600_000), '3 d 4 h');
  });

  it('gives a dash for a negative or unknown span', () => {
    assert.equal(spanOf(-1), '—');
    assert.equal(spanOf(Number.NaN), '—');
  });
});

describe('incidentDuration', () => {
  it('measures a resolved incident from onset to resolution, an open one to now', () => {
    assert.equal(incidentDuration({ onset: '2026-11-24T14:00:00.000Z', resolvedAt: '2026-11-24T14:09:00.000Z' }, 0), '9 min');
    assert.equal(incidentDuration({ onset: '2026-11-24T14:00:00.000Z', resolvedAt: null }, Date.parse('2026-11-24T15:30:00Z')), '1 h 30 min');
  });
});

describe('signal figures', () => {
  it('shows rates as percentages and latencies (seconds) as durations', () => {
    assert.equal(signalFigure('alb_5xx_rate', 0.41), '41%');
    assert.equal(signalFigure('target_5xx_rate', 0.01), '1.0%');
    assert.equal(signalFigure('p95', 1.2), '1.2 s');
    assert.equal(signalFigure('p50', 0.045), '45 ms');
  });

  it('names metrics and scopes in words, unknown ones as given', () => {
    assert.equal(metricLabel('alb_5xx_rate'), '5xx from the load balancer');
    assert.equal(metricLabel('brand_new'), 'brand_new');
    assert.equal(scopeText('estate', ''), 'estate');
    assert.equal(scopeText('host', 'i-007be4fa65727b6ae'), 'host i-007be4fa65727b6ae');
    assert.equal(scopeText('target_group', 'web'), 'target group web');
  });
});

describe('impact and lift', () => {
  it('writes bad requests out of all with their share', () => {
    assert.equal(impactText(245, 3500), '245 / 3,500 (7.0%)');
    assert.equal(impactText(0, 0), '0 / 0 (0%)');
  });

  it('writes lift as a factor, or says the value is only on bad requests', () => {
    assert.equal(liftText(7.04), '7.0×');
    assert.equal(liftText(20.4), '20×');
    assert.equal(liftText(null), 'only in bad requests');
  });
});

describe('minuteText', () => {
  it('drops zero seconds and the milliseconds, and says UTC', () => {
    assert.equal(minuteText('2026-11-24T14:00:00.000Z'), '2026-11-24 14:00 UTC');
    assert.equal(minuteText('2026-11-24T14:00:07.250Z'), '2026-11-24 14:00:07 UTC');
    assert.equal(minuteText(null), '—');
  });
});
