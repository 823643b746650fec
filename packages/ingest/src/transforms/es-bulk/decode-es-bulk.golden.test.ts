// Golden files: every fixtures/es-bulk/<case>.ndjson body decoded, compared
// with <case>.expected.json (items, rows and dead letters). The bodies follow
// the shapes real shippers send: the Elasticsearch reference example,
// Serilog.Sinks.Elasticsearch, winston-elasticsearch, Fluent Bit with its
// Kubernetes filter, Logstash, Vector and ECS loggers. After a deliberate
// change, run with TINSEL_UPDATE_GOLDEN=1 and review the diff.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeEsBulk } from './decode-es-bulk.ts';

const fixtures = fileURLToPath(new URL('../../../fixtures/es-bulk/', import.meta.url));
const update = process.env.TINSEL_UPDATE_GOLDEN === '1';
const cases = readdirSync(fixtures).filter((f) => f.endsWith('.ndjson')).sort();
const RECEIVED_AT = Date.UTC(2026, 10, 26, 4, 30) * 1000;

describe('decodeEsBulk golden files', () => {
  it('has the shippers’ document shapes', () => {
    assert.ok(cases.length >= 7, `only ${cases.length} fixtures`);
  });

  for (const file of cases) {
    it(`decodes ${file} as expected`, () => {
      const body = readFileSync(fixtures + file, 'utf8');
      const outcome = decodeEsBulk(body, { defaultIndex: null, receivedAt: RECEIVED_AT, idPrefix: 'golden-' });
      const expectedPath = fixtures + file.replace(/\.ndjson$/, '.expected.json');
      if (update) writeFileSync(expectedPath, `${JSON.stringify(outcome, null, 2)}\n`);
      assert.deepStrictEqual(outcome, JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});
