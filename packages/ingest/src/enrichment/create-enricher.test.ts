import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEnricher, type EnricherOptions } from './create-enricher.ts';
import type { Enricher } from './enricher.ts';
import type { EnrichmentEvent } from './enrichment-event.ts';
import { makeRequestRow } from './make-request-row.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/enrichment/${name}`, import.meta.url));
const at = (iso: string): number => Date.parse(iso) * 1000;

/** Collects enricher events and lets a test wait for the next one of a type. */
function eventLog(): { onEvent: (e: EnrichmentEvent) => void; events: EnrichmentEvent[]; next(type: EnrichmentEvent['type']): Promise<EnrichmentEvent> } {
  const events: EnrichmentEvent[] = [];
  const waiters: { type: string; resolve: (e: EnrichmentEvent) => void }[] = [];
  return {
    events,
    onEvent(event) {
      events.push(event);
      const i = waiters.findIndex((w) => w.type === event.type);
      if (i >= 0) waiters.splice(i, 1)[0]!.resolve(event);
    },
    next(type) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${type} event within 5 s`)), 5000);
        waiters.push({ type, resolve: (e) => (clearTimeout(timer), resolve(e)) });
      });
    },
  };
}

async function replaceFile(file: string, text: string): Promise<void> {
  // As editors save: write a sibling, then rename it over the original.
  await writeFile(`${file}.tmp`, text);
  await rename(`${file}.tmp`, file);
}

describe('createEnricher', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tinsel-enrichment-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function open(name: string, options: EnricherOptions = {}): Promise<{ enricher: Enricher; tenants: string; instances: string }> {
    const tenants = join(dir, `${name}-tenants.csv`);
    const instances = join(dir, `${name}-instances.json`);
    await copyFile(fixture('tenants.csv'), tenants);
    await copyFile(fixture('describe-instances.json'), instances);
    const enricher = await createEnricher(
      { tenants: { file: tenants, columns: {} }, instances: { file: instances, appVersionTag: 'AppVersion', columns: {} } },
      { debounceMs: 30, ...options },
    );
    return { enricher, tenants, instances };
  }

  it('does nothing and counts nothing without tables', async () => {
    const enricher = await createEnricher({});
    const row = makeRequestRow({ domain_name: 'shop.acme.example', target_ip: '10.0.1.15' });
    enricher.enrich([row]);
    assert.equal(row.tenant, null);
    assert.deepEqual(enricher.stats(), { lookups: 0, tenantMisses: 0, instanceMisses: 0, tables: { tenants: null, instances: null } });
    assert.deepEqual(await enricher.reload(), { ok: true, value: undefined });
    enricher.close();
  });

  it('fills tenant and instance columns in place', async () => {
    const { enricher } = await open('fill', { watch: 'off' });
    const before = makeRequestRow({ domain_name: ' shop.acme.example', target_ip: '10.0.1.15', time: at('2026-11-20T09:30:00Z') });
    const afterReplacement = makeRequestRow({ domain_name: null, request_host: 'API.acme.example', target_ip: '10.0.1.15', time: at('2026-11-20T12:00:00Z') });
    const rows = [before, afterReplacement];
    enricher.enrich(rows);
    assert.equal(rows[0], before);
    assert.deepEqual(
      [before.tenant, before.db_server, before.db_name, before.site_tier, before.instance_id, before.ami_id, before.app_version, before.az, before.asg],
      ['acme', 'sql-eu-1', 'acme_prod', 'gold', 'i-0a1b2c3d4e5f60718', 'ami-0c55b159cbfafe1f0', '2.3.9', 'eu-west-1a', 'web-asg'],
    );
    assert.equal(afterReplacement.site_tier, 'silver');
    assert.equal(afterReplacement.instance_id, 'i-0f9e8d7c6b5a40312');
    assert.equal(afterReplacement.app_version, '2.4.1');
    enricher.close();
  });

  it('falls back to the request Host when the SNI name is unknown', async () => {
    const { enricher } = await open('host', { watch: 'off' });
    const row = makeRequestRow({ domain_name: 'cdn-edge.example', request_host: 'blog.globex.example' });
    enricher.enrich([row]);
    assert.equal(row.tenant, 'Globex, Inc.');
    assert.equal(enricher.stats().tenantMisses, 0);
    enricher.close();
  });

  it('counts misses, not rows without keys, and leaves missed rows as they were', async () => {
    const { enricher } = await open('miss', { watch: 'off' });
    const rows = [
      makeRequestRow({ domain_name: 'unknown.example', target_ip: '10.9.9.9', tenant: 'from-sdk' }),
      makeRequestRow({ domain_name: null, request_host: null, target_ip: null }),
      makeRequestRow({ domain_name: 'shop.acme.example', target_ip: '10.0.1.15', time: at('2026-11-20T10:02:00Z') }),
    ];
    enricher.enrich(rows);
    const stats = enricher.stats();
    assert.deepEqual([stats.lookups, stats.tenantMisses, stats.instanceMisses], [4, 1, 2]);
    assert.equal(rows[0]!.tenant, 'from-sdk');
    assert.equal(rows[2]!.tenant, 'acme');
    assert.equal(rows[2]!.instance_id, null, 'the IP was unassigned at that time');
    assert.equal(stats.tables.tenants?.size, 4);
    assert.equal(stats.tables.instances?.size, 7);
    assert.equal(stats.tables.tenants?.lastError, null);
    assert.ok((stats.tables.tenants?.loadedAt ?? 0) > Date.now() - 60_000);
    enricher.close();
  });

  it('reloads a table when its file is replaced', async () => {
    const log = eventLog();
    const { enricher, tenants } = await open('watch', { onEvent: log.onEvent });
    const loaded = log.next('table-loaded');
    await replaceFile(tenants, 'domain,tenant,site_tier\nshop.acme.example,acme-renamed,platinum\n');
    assert.deepEqual(await loaded, { type: 'table-loaded', table: 'tenants', file: tenants, size: 1, duplicates: 0 });
    const row = makeRequestRow({ domain_name: 'shop.acme.example' });
    enricher.enrich([row]);
    assert.deepEqual([row.tenant, row.site_tier, row.db_server], ['acme-renamed', 'platinum', null]);
    enricher.close();
  });

  it('reloads a table when its file is rewritten in place', async () => {
    const log = eventLog();
    const { enricher, tenants } = await open('inplace', { onEvent: log.onEvent });
    const loaded = log.next('table-loaded');
    await writeFile(tenants, 'domain,tenant\nshop.acme.example,rewritten\n');
    await loaded;
    const row = makeRequestRow({ domain_name: 'shop.acme.example' });
    enricher.enrich([row]);
    assert.equal(row.tenant, 'rewritten');
    enricher.close();
  });

  it('reloads when a Kubernetes-style volume swaps the symlink the file points through', async () => {
    const volume = join(dir, 'configmap');
    await mkdir(join(volume, '..v1'), { recursive: true });
    await writeFile(join(volume, '..v1', 'tenants.csv'), 'domain,tenant\nshop.acme.example,v1\n');
    await symlink('..v1', join(volume, '..data'));
    await symlink(join('..data', 'tenants.csv'), join(volume, 'tenants.csv'));
    const log = eventLog();
    const enricher = await createEnricher({ tenants: { file: join(volume, 'tenants.csv'), columns: {} } }, { debounceMs: 30, onEvent: log.onEvent });
    const loaded = log.next('table-loaded');
    await mkdir(join(volume, '..v2'));
    await writeFile(join(volume, '..v2', 'tenants.csv'), 'domain,tenant\nshop.acme.example,v2\n');
    await symlink('..v2', join(volume, '..data_tmp'));
    await rename(join(volume, '..data_tmp'), join(volume, '..data'));
    await loaded;
    const row = makeRequestRow({ domain_name: 'shop.acme.example' });
    enricher.enrich([row]);
    assert.equal(row.tenant, 'v2');
    enricher.close();
  });

  it('keeps the old table when the new file is bad, and recovers when it is fixed', async () => {
    const log = eventLog();
    const { enricher, tenants } = await open('bad', { onEvent: log.onEvent });
    const failed = log.next('table-load-failed');
    await replaceFile(tenants, 'domain,tenant\n"broken,acme\n');
    const event = await failed;
    assert.equal(event.type === 'table-load-failed' && event.reason, `${tenants}: line 2: unterminated quoted field`);
    const row = makeRequestRow({ domain_name: 'shop.acme.example' });
    enricher.enrich([row]);
    assert.equal(row.tenant, 'acme');
    assert.equal(enricher.stats().tables.tenants?.lastError, `${tenants}: line 2: unterminated quoted field`);
    const loaded = log.next('table-loaded');
    await replaceFile(tenants, 'domain,tenant\nshop.acme.example,fixed\n');
    await loaded;
    enricher.enrich([row]);
    assert.equal(row.tenant, 'fixed');
    assert.equal(enricher.stats().tables.tenants?.lastError, null);
    enricher.close();
  });

  it('keeps reloading when the event sink throws', async () => {
    const log = eventLog();
    const onEvent = (event: EnrichmentEvent): void => {
      log.onEvent(event);
      throw new Error('log sink down');
    };
    const { enricher, tenants } = await open('sink', { onEvent });
    const loaded = log.next('table-loaded');
    await replaceFile(tenants, 'domain,tenant\nshop.acme.example,still-reloading\n');
    await loaded;
    const row = makeRequestRow({ domain_name: 'shop.acme.example' });
    enricher.enrich([row]);
    assert.equal(row.tenant, 'still-reloading');
    enricher.close();
  });

  it('reports a failed manual reload and keeps serving the old table', async () => {
    const { enricher, instances } = await open('manual', { watch: 'off' });
    await writeFile(instances, '{"Reservations": [ }');
    const result = await enricher.reload();
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.reason, /-instances\.json: not valid JSON: /);
    const row = makeRequestRow({ target_ip: '10.0.2.31', time: at('2026-11-21T00:00:00Z') });
    enricher.enrich([row]);
    assert.equal(row.instance_id, 'i-07c1d2e3f4a5b6c7d');
    enricher.close();
  });

  it('follows a file by polling when asked to', async () => {
    const log = eventLog();
    const polling = log.next('table-polling');
    const { enricher, tenants } = await open('poll', { onEvent: log.onEvent, watch: 'poll', pollMs: 50 });
    await polling;
    const loaded = log.next('table-loaded');
    await replaceFile(tenants, 'domain,tenant\nshop.acme.example,polled\n');
    await loaded;
    const row = makeRequestRow({ domain_name: 'shop.acme.example' });
    enricher.enrich([row]);
    assert.equal(row.tenant, 'polled');
    enricher.close();
  });

  it('stops following files once closed', async () => {
    const log = eventLog();
    const { enricher, tenants } = await open('closed', { onEvent: log.onEvent });
    enricher.close();
    const count = log.events.length;
    await replaceFile(tenants, 'domain,tenant\nshop.acme.example,late\n');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(log.events.length, count);
  });

  it('rejects at start-up when a table cannot be read, naming the key', async () => {
    const missing = join(dir, 'missing.csv');
    await assert.rejects(createEnricher({ tenants: { file: missing, columns: {} } }), { message: `enrichment.tenants.file: ${missing}: cannot read: ENOENT` });
    const bad = join(dir, 'bad-instances.csv');
    await writeFile(bad, 'ip,valid_from\n10.0.0.1,never\n');
    await assert.rejects(createEnricher({ instances: { file: bad, appVersionTag: 'AppVersion', columns: {} } }), {
      message: `enrichment.instances.file: ${bad}: line 2: valid_from: expected an ISO 8601 time, got "never"`,
    });
  });
});
