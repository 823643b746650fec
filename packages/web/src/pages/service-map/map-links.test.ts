import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { remoteFilter } from './map-links.ts';
import type { MapNode } from './map-model.ts';

const remote = (id: string, name: string, members: string[]): MapNode => ({ id, name, label: name, type: 'remote', spans: 0, errors: 0, faults: 0, throttles: 0, volume: 1, failRate: 0, p95Ms: null, health: 'ok', members });

describe('remoteFilter', () => {
  it('selects the calls to one database by its server URL', () => {
    const db = remote('remote:postgresql://db-0.internal:5432/tenant_0', 'postgresql://db-0.internal:5432/tenant_0', ['remote:postgresql://db-0.internal:5432/tenant_0']);
    assert.equal(remoteFilter(db), 'kind:client db_server:"postgresql://db-0.internal:5432/tenant_0"');
  });

  it('selects the calls to every database of a folded server with a wildcard', () => {
    const host = remote('remote-host:db-0.internal', 'db-0.internal', ['remote:postgresql://db-0.internal:5432/tenant_0', 'remote:postgresql://db-0.internal:5432/tenant_4']);
    assert.equal(remoteFilter(host), 'kind:client db_server:postgresql://db-0.internal*');
  });

  it('selects calls to a host named by the span', () => {
    assert.equal(remoteFilter(remote('remote:payments.example.net', 'payments.example.net', [])), 'kind:client name:"payments.example.net"');
  });
});
