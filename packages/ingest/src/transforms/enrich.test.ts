import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { createEnricher } from '../enrichment/create-enricher.ts';
import { makeRequestRow } from '../enrichment/make-request-row.ts';
import { enrichRequests } from './enrich.ts';

describe('enrichRequests', () => {
  it('hands on the same batch with its rows enriched', async () => {
    const file = fileURLToPath(new URL('../../fixtures/enrichment/tenants.yaml', import.meta.url));
    const enricher = await createEnricher({ tenants: { file, columns: {} } }, { watch: 'off' });
    const rows = [makeRequestRow({ domain_name: 'shop.acme.example' })];
    assert.equal(enrichRequests(rows, enricher), rows);
    assert.equal(rows[0]!.tenant, 'acme');
    enricher.close();
  });

  it('passes an empty batch through untouched', async () => {
    const enricher = await createEnricher({});
    assert.deepEqual(enrichRequests([], enricher), []);
  });
});
