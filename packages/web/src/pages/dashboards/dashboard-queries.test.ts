import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { andFilters, dashboardQueries, seriesFilter, tqlValue } from './dashboard-queries.ts';
import { NONE, OTHER, TOTAL } from './pivot-series.ts';

describe('tqlValue', () => {
  it('leaves plain values bare and quotes the rest', () => {
    assert.equal(tqlValue('eu-west-1a'), 'eu-west-1a');
    assert.equal(tqlValue('/checkout'), '"/checkout"');
    assert.equal(tqlValue('say "hi"'), '"say \\"hi\\""');
  });
});

describe('andFilters', () => {
  it('joins the non-empty filters and brackets an OR', () => {
    assert.equal(andFilters('', '*', null), '*');
    assert.equal(andFilters('tenant:acme', 'status:5xx'), 'tenant:acme status:5xx');
    assert.equal(andFilters('a OR b', 'c'), '(a OR b) c');
  });
});

describe('seriesFilter', () => {
  it('selects one group, the rows without a value, or all the groups not shown', () => {
    assert.equal(seriesFilter('az', 'eu-west-1a', []), 'az:eu-west-1a');
    assert.equal(seriesFilter('az', NONE, []), 'NOT _exists_:az');
    assert.equal(seriesFilter('az', OTHER, ['a', NONE, OTHER]), 'NOT az:a _exists_:az');
    assert.equal(seriesFilter('', TOTAL, []), '');
  });
});

describe('dashboardQueries', () => {
  it('breaks every timechart down by the chosen field', () => {
    const q = dashboardQueries('tenant:acme', 'az', '1m');
    assert.equal(q.volume, 'tenant:acme | timechart 1m count() by az');
    assert.equal(q.errors, 'tenant:acme elb_status_code:>=400 | timechart 1m count() by az, elb_status_code, target_status_code');
    assert.equal(q.latency, 'tenant:acme _exists_:duration | timechart 1m p50(duration), p95(duration), p99(duration) by az');
  });

  it('writes no by-clause when nothing is broken down', () => {
    assert.equal(dashboardQueries('', '', '5m').volume, '* | timechart 5m count()');
  });
});
