// Golden files: every fixtures/otlp/<case>.json decoded, compared with
// <case>.expected.json; canonical cases also travel through protobuf.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { decodeOtlpTraces } from './decode-otlp-traces.ts';
import { encodeOtlpJsonAsProtobuf } from './encode-otlp-json-as-protobuf.ts';

const fixtures = fileURLToPath(new URL('../../../fixtures/otlp/', import.meta.url));
const cases = readdirSync(fixtures).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json')).sort();
// Written in canonical OTLP/JSON, so the same request can be encoded as protobuf.
const canonical = new Set(['official-trace.json', 'semantic-conventions.json']);
const update = process.env.TINSEL_UPDATE_GOLDEN === '1';

describe('decodeOtlpTraces golden files', () => {
  it('finds the fixtures', () => {
    assert.ok(cases.length >= 3, `only ${cases.length} fixtures`);
  });

  for (const file of cases) {
    const body = readFileSync(fixtures + file);
    const expectedPath = fixtures + file.replace(/\.json$/, '.expected.json');
    const decoded = decodeOtlpTraces(body, 'json');

    it(`decodes ${file} as JSON`, () => {
      if (update) writeFileSync(expectedPath, `${JSON.stringify(decoded, null, 2)}\n`);
      assert.deepEqual(decoded, JSON.parse(readFileSync(expectedPath, 'utf8')));
    });

    if (canonical.has(file)) {
      it(`decodes ${file} encoded as protobuf to the same rows`, () => {
        const protobuf = encodeOtlpJsonAsProtobuf(JSON.parse(body.toString('utf8')));
        const fromProtobuf = decodeOtlpTraces(protobuf, 'protobuf');
        assert.ok(fromProtobuf.ok && decoded.ok);
        assert.deepEqual(fromProtobuf.value.spans, decoded.value.spans);
        // Same spans rejected; the reasons differ (bytes have no hex to quote).
        assert.deepEqual(fromProtobuf.value.rejected.map((r) => r.index), decoded.value.rejected.map((r) => r.index));
      });
    }
  }
});
