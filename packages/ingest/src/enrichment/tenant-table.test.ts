import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readTenantTable } from './read-tenant-table.ts';
import type { TenantTable } from './tenant-table.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/enrichment/${name}`, import.meta.url));

function load(name: string): TenantTable {
  const file = fixture(name);
  const read = readTenantTable(readFileSync(file, 'utf8'), { file, columns: {} });
  assert.ok(read.ok, read.ok ? '' : read.reason);
  assert.equal(read.value.size, 4);
  return read.value.table;
}

for (const name of ['tenants.csv', 'tenants.json', 'tenants.yaml']) {
  describe(`TenantTable from ${name}`, () => {
    const table = load(name);

    it('finds exact names in any case and with stray spaces', () => {
      assert.deepEqual(table.lookup(' shop.acme.example'), { tenant: 'acme', db_server: 'sql-eu-1', db_name: 'acme_prod', site_tier: 'gold' });
      assert.equal(table.lookup('SHOP.Acme.Example.')?.site_tier, 'gold');
    });

    it('reads quoted values with commas and quotes', () => {
      assert.deepEqual(table.lookup('blog.globex.example'), { tenant: 'Globex, Inc.', db_server: 'sql-us-2', db_name: 'globex_"blog"', site_tier: 'bronze' });
    });

    it('reads empty cells as null', () => {
      assert.deepEqual(table.lookup('static.initech.example'), { tenant: 'initech', db_server: null, db_name: null, site_tier: null });
    });

    it('matches wildcards at any depth but not the bare parent, exact names first', () => {
      assert.equal(table.lookup('api.acme.example')?.site_tier, 'silver');
      assert.equal(table.lookup('a.b.acme.example')?.site_tier, 'silver');
      assert.equal(table.lookup('acme.example'), null);
      assert.equal(table.lookup('notacme.example'), null);
    });

    it('returns null for unknown names, again from its memo', () => {
      assert.equal(table.lookup('unknown.example'), null);
      assert.equal(table.lookup('unknown.example'), null);
    });
  });
}

describe('readTenantTable', () => {
  it('prefers the longest wildcard suffix', () => {
    const text = 'domain,tenant\n*.acme.example,acme\n*.eu.acme.example,acme-eu\n';
    const read = readTenantTable(text, { file: 't.csv', columns: {} });
    assert.ok(read.ok);
    assert.equal(read.value.table.lookup('shop.eu.acme.example')?.tenant, 'acme-eu');
    assert.equal(read.value.table.lookup('shop.us.acme.example')?.tenant, 'acme');
  });

  it('follows a rename map and reads headers in any case', () => {
    const text = 'Host,Customer,Tier\nshop.acme.example,acme,gold\n';
    const read = readTenantTable(text, { file: 't.csv', columns: { domain: 'host', tenant: 'Customer', site_tier: 'TIER' } });
    assert.ok(read.ok);
    assert.deepEqual(read.value.table.lookup('shop.acme.example'), { tenant: 'acme', db_server: null, db_name: null, site_tier: 'gold' });
  });

  it('counts duplicate domains and keeps the last', () => {
    const read = readTenantTable('domain,tenant\na.example,one\nA.example,two\n', { file: 't.csv', columns: {} });
    assert.ok(read.ok);
    assert.equal(read.value.duplicates, 1);
    assert.equal(read.value.table.lookup('a.example')?.tenant, 'two');
  });

  it('explains bad tables with the row', () => {
    const check = (text: string, file: string, reason: string): void => assert.deepEqual(readTenantTable(text, { file, columns: {} }), { ok: false, reason });
    check('host,tenant\na.example,one\n', 't.csv', 'line 2: no "domain" column');
    check('domain,tenant\n,one\n', 't.csv', 'line 2: domain is empty');
    check('domain,tenant\na.example\n', 't.csv', 'line 2: expected 2 fields as in the header, got 1');
    check('domain\nshop.*.example\n', 't.csv', 'line 2: "shop.*.example": a wildcard may only open the name, as in *.acme.example');
    check('[{"domain": "a.example", "tenant": {"name": "x"}}]', 't.json', 'entry 1: tenant: expected a string, number or null');
    check('{"domain": "a.example"}', 't.json', 'expected a list of objects (or describe-instances output)');
    check('{"Reservations": []}', 't.json', 'describe-instances output belongs in enrichment.instances, not tenants');
    check('', 't.yaml', 'file is empty (write a header row, or [], for an empty table)');
    assert.match((readTenantTable('[{"domain": ', { file: 't.json', columns: {} }) as { reason: string }).reason, /^not valid JSON: /);
  });

  it('still answers after its memo of spellings fills and is cleared', () => {
    const read = readTenantTable('domain,tenant\nshop.acme.example,acme\n', { file: 't.csv', columns: {} });
    assert.ok(read.ok);
    for (let i = 0; i < 25_000; i++) assert.equal(read.value.table.lookup(`scan-${i}.example`), null);
    assert.equal(read.value.table.lookup('Shop.Acme.Example')?.tenant, 'acme');
  });

  it('reads a header-only file as an empty table', () => {
    const read = readTenantTable('domain,tenant\n', { file: 't.csv', columns: {} });
    assert.ok(read.ok);
    assert.equal(read.value.size, 0);
  });
});
