import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseEnrichmentConfig } from './parse-enrichment-config.ts';

const reason = (raw: unknown): string => {
  const result = parseEnrichmentConfig(raw, '/etc/tinsel');
  assert.equal(result.ok, false);
  return result.ok ? '' : result.reason;
};

describe('parseEnrichmentConfig', () => {
  it('accepts a missing or empty section as no enrichment', () => {
    assert.deepEqual(parseEnrichmentConfig(undefined, '/etc/tinsel'), { ok: true, value: {} });
    assert.deepEqual(parseEnrichmentConfig(null, '/etc/tinsel'), { ok: true, value: {} });
    assert.deepEqual(parseEnrichmentConfig({}, '/etc/tinsel'), { ok: true, value: {} });
  });

  it('resolves files against the config directory and defaults the version tag', () => {
    const result = parseEnrichmentConfig(
      { tenants: { file: './enrichment/tenants.csv', columns: { domain: 'Host' } }, instances: { file: '/var/lib/tinsel/instances.json' } },
      '/etc/tinsel',
    );
    assert.deepEqual(result, {
      ok: true,
      value: {
        tenants: { file: '/etc/tinsel/enrichment/tenants.csv', columns: { domain: 'Host' } },
        instances: { file: '/var/lib/tinsel/instances.json', appVersionTag: 'AppVersion', columns: {} },
      },
    });
  });

  it('keeps a configured version tag', () => {
    const result = parseEnrichmentConfig({ instances: { file: 'i.yml', appVersionTag: 'Release' } }, '/etc/tinsel');
    assert.ok(result.ok);
    assert.equal(result.value.instances?.appVersionTag, 'Release');
  });

  it('names the key of a wrong type', () => {
    assert.equal(reason({ tenants: { file: 3 } }), 'enrichment.tenants.file: expected a string');
    assert.equal(reason({ tenants: {} }), 'enrichment.tenants.file: expected a string');
    assert.equal(reason({ instances: { file: 'i.json', appVersionTag: 7 } }), 'enrichment.instances.appVersionTag: expected a string');
    assert.equal(reason({ tenants: 'tenants.csv' }), 'enrichment.tenants: expected a mapping with a file key');
    assert.equal(reason(['tenants']), 'enrichment: expected a mapping with tenants and/or instances');
  });

  it('names unknown keys and columns', () => {
    assert.equal(reason({ tenant: { file: 't.csv' } }), 'enrichment.tenant: unknown key (expected tenants, instances)');
    assert.equal(reason({ tenants: { file: 't.csv', path: 'x' } }), 'enrichment.tenants.path: unknown key (expected file, columns)');
    assert.equal(
      reason({ tenants: { file: 't.csv', columns: { domian: 'Host' } } }),
      'enrichment.tenants.columns.domian: unknown column (expected domain, tenant, db_server, db_name, site_tier)',
    );
    assert.equal(reason({ instances: { file: 'i.csv', columns: { ip: '' } } }), 'enrichment.instances.columns.ip: expected a string');
  });

  it('rejects a file type it cannot read', () => {
    assert.equal(reason({ tenants: { file: 'tenants.xlsx' } }), 'enrichment.tenants.file: expected a .csv, .json, .yaml, .yml file, got "tenants.xlsx"');
  });

  it('reports every problem at once', () => {
    assert.equal(
      reason({ tenants: { file: 1 }, instances: { file: 2 } }),
      'enrichment.tenants.file: expected a string; enrichment.instances.file: expected a string',
    );
  });
});
