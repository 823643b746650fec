import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildPanels, type PanelContext } from './build-panels.ts';

const buckets = [1795683600, 1795683660];
const at = (i: number) => new Date(buckets[i]! * 1000).toISOString();
const ctx = (dim: string): PanelContext => ({
  filter: 'tenant:acme',
  dim,
  dimLabel: 'availability zone',
  buckets,
  bucketSeconds: 60,
  percentile: 'p95',
  palette: ['c0', 'c1'],
  other: 'grey',
  originColor: { '4xx-target': 'o1', '4xx-alb': 'o2', '5xx-target': 'o3', '5xx-alb': 'o4' },
  percentileColor: { p50: 'q1', p95: 'q2', p99: 'q3' },
  limit: 8,
});

describe('buildPanels', () => {
  const volume = [
    { time: at(0), az: 'a', count: 10 },
    { time: at(1), az: 'a', count: 20 },
    { time: at(0), az: 'b', count: 5 },
  ];
  const errors = [
    { time: at(0), az: 'a', elb_status_code: 500, target_status_code: 500, count: 1 },
    { time: at(1), az: 'a', elb_status_code: 504, target_status_code: null, count: 4 },
    { time: at(0), az: 'b', elb_status_code: 404, target_status_code: 404, count: 5 },
  ];
  const latency = [{ time: at(0), az: 'a', p50_duration: 10, p95_duration: 40, p99_duration: 90 }];

  it('splits 5xx into target and load-balancer shares, one line per group', () => {
    const panels = buildPanels({ volume, errors, latency }, ctx('az'));
    const target = panels.find((p) => p.id === '5xx-target')!;
    const alb = panels.find((p) => p.id === '5xx-alb')!;
    assert.deepEqual(target.lines.map((l) => [l.label, l.values]), [['a', [0.1, 0]]]);
    assert.deepEqual(alb.lines.map((l) => [l.label, l.values]), [['a', [0, 0.2]]]);
    assert.equal(alb.lines[0]!.filter, 'tenant:acme elb_status_code:5xx NOT target_status_code:5xx az:a');
  });

  it('names a small group that fails even when it is not among the busiest, with the same colour everywhere', () => {
    const panels = buildPanels({ volume, errors: [{ time: at(0), az: 'b', elb_status_code: 502, target_status_code: null, count: 1 }], latency }, { ...ctx('az'), limit: 1 });
    const alb = panels.find((p) => p.id === '5xx-alb')!;
    assert.deepEqual(alb.lines.map((l) => [l.key, l.values, l.color]), [['b', [0.2, null], 'c1']]);
    assert.equal(panels[0]!.lines[0]!.color, 'c0');
  });

  it('shows requests per minute and the chosen percentile per group', () => {
    const panels = buildPanels({ volume, errors, latency }, ctx('az'));
    assert.deepEqual(panels.map((p) => p.id), ['volume', 'latency', '5xx-target', '5xx-alb', '4xx-target', '4xx-alb']);
    assert.deepEqual(panels[0]!.lines[0]!.values, [10, 20]);
    assert.deepEqual(panels[1]!.lines.map((l) => [l.key, l.values]), [['a', [40, null]], ['b', [null, null]]]);
  });

  it('rates a bucket still filling over the seconds that have passed', () => {
    const panels = buildPanels({ volume, errors, latency }, { ...ctx('az'), lastBucketSeconds: 15 });
    assert.deepEqual(panels[0]!.lines[0]!.values, [10, 80]);
  });

  it('puts both origins on one chart, and the three percentiles, when nothing is broken down', () => {
    const flat = (rows: Record<string, unknown>[]) => rows.map(({ az: _az, ...rest }) => rest);
    const panels = buildPanels({ volume: flat(volume), errors: flat(errors), latency: flat(latency) }, ctx(''));
    assert.deepEqual(panels.map((p) => p.id), ['volume', 'latency', '5xx', '4xx']);
    assert.deepEqual(panels[2]!.lines.map((l) => [l.key, l.values]), [['5xx-target', [1 / 15, 0]], ['5xx-alb', [0, 0.2]]]);
    assert.deepEqual(panels[1]!.lines.map((l) => l.key), ['p99', 'p95', 'p50']);
    assert.equal(panels[0]!.lines[0]!.filter, 'tenant:acme');
  });
});
