import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { badRequestsFilter, causeDashboardsPath, causeFilter, causeSearchPath, incidentWindow } from './cause-links.ts';

const resolved = { status: 'resolved' as const, family: 'errors' as const, onset: '2026-11-24T14:00:00.000Z', lastAnomalous: '2026-11-24T14:04:00.000Z', resolvedAt: '2026-11-24T14:08:00.000Z' };

describe('causeFilter', () => {
  it('filters on the dimension, quoting values TQL would split', () => {
    assert.equal(causeFilter({ dimension: 'app_version', value: '4.3.66' }), 'app_version:4.3.66');
    assert.equal(causeFilter({ dimension: 'instance_id', value: 'i-007be4fa65727b6ae' }), 'instance_id:i-007be4fa65727b6ae');
    assert.equal(causeFilter({ dimension: 'error_reason', value: 'Lambda timed out' }), 'error_reason:"Lambda timed out"');
  });

  it('turns a route into its method and a path pattern over the folded ids', () => {
    assert.equal(causeFilter({ dimension: 'route', value: 'GET /products/{id}' }), 'method:GET path:/products/*');
    assert.equal(causeFilter({ dimension: 'route', value: 'POST /checkout' }), 'method:POST path:/checkout');
    assert.equal(causeFilter({ dimension: 'route', value: '- -' }), '');
  });
});

describe('badRequestsFilter', () => {
  it('adds what the family counts as bad', () => {
    assert.equal(badRequestsFilter('errors', { dimension: 'db_server', value: 'db-2' }), 'status:5xx db_server:db-2');
    assert.equal(badRequestsFilter('disconnects', null), 'status:460');
    assert.equal(badRequestsFilter('latency', { dimension: 'tenant', value: 'acme' }), 'tenant:acme');
    assert.equal(badRequestsFilter('latency', null), '*');
  });
});

describe('incident windows and links', () => {
  it('spans a resolved incident from onset to the end of its last anomalous minute, an open one to now', () => {
    assert.deepEqual(incidentWindow(resolved), { from: '2026-11-24T14:00:00.000Z', to: '2026-11-24T14:05:00.000Z' });
    assert.deepEqual(incidentWindow({ ...resolved, lastAnomalous: undefined }), { from: '2026-11-24T14:00:00.000Z', to: '2026-11-24T14:08:00.000Z' });
    assert.deepEqual(incidentWindow({ ...resolved, status: 'open', resolvedAt: null }), { from: '2026-11-24T14:00:00.000Z', to: 'now' });
  });

  it('opens Search on the bad requests carrying the cause in the window', () => {
    const url = new URL(causeSearchPath(resolved, { dimension: 'app_version', value: '4.3.66' }), 'http://x');
    assert.equal(url.pathname, '/search');
    assert.equal(url.searchParams.get('q'), 'status:5xx app_version:4.3.66');
    assert.equal(url.searchParams.get('signal'), 'requests');
    assert.equal(url.searchParams.get('from'), '2026-11-24T14:00:00.000Z');
    assert.equal(url.searchParams.get('to'), '2026-11-24T14:05:00.000Z');
  });

  it('opens the dashboards by the dimension around the window, and only for dimensions they break down by', () => {
    const url = new URL(causeDashboardsPath(resolved, { dimension: 'instance_id' })!, 'http://x');
    assert.equal(url.pathname, '/dashboards');
    assert.equal(url.searchParams.get('by'), 'instance_id');
    assert.equal(url.searchParams.get('from'), '2026-11-24T13:45:00.000Z');
    assert.equal(url.searchParams.get('to'), '2026-11-24T14:10:00.000Z');
    assert.equal(causeDashboardsPath(resolved, { dimension: 'route' }), null);
    assert.equal(new URL(causeDashboardsPath({ ...resolved, status: 'open' }, { dimension: 'tenant' })!, 'http://x').searchParams.get('to'), 'now');
  });
});
