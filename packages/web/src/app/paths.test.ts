import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { alertsPath, dashboardsPath, insightsPath, searchPath, storyPath, tracePath } from './paths.ts';

describe('UI addresses', () => {
  it('encode ids so a whole header survives the path', () => {
    assert.equal(storyPath('1-5759e988-bd862e3fe1be46a994272793'), '/story/1-5759e988-bd862e3fe1be46a994272793');
    assert.equal(storyPath('Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1'), '/story/Root%3D1-5759e988-bd862e3fe1be46a994272793%3BSampled%3D1');
    assert.equal(tracePath('abc', '53995c3f42cd8ad8'), '/traces/abc?span=53995c3f42cd8ad8');
    assert.equal(tracePath('abc'), '/traces/abc');
  });

  it('keep only the parameters that have a value, query text encoded', () => {
    assert.equal(searchPath({ q: 'status:>=500 "a b"', signal: 'logs', from: '', to: undefined }), '/search?q=status%3A%3E%3D500+%22a+b%22&signal=logs');
    assert.equal(dashboardsPath(), '/dashboards');
  });

  it('link to an incident keeping the list state, and to the alerts', () => {
    assert.equal(insightsPath('inc-20261124T1400-latency-1', { from: '-7d', status: 'open', to: '' }), '/insights/inc-20261124T1400-latency-1?from=-7d&status=open');
    assert.equal(insightsPath(null), '/insights');
    assert.equal(alertsPath(), '/alerts');
    assert.equal(dashboardsPath({ by: 'tenant', q: 'status:5xx' }), '/dashboards?by=tenant&q=status%3A5xx');
  });
});
