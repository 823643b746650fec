// Golden files: every fixtures/xray/<case> normalised and compared with
// <case>.expected.json. A `.json` file is one document, a `.jsonl` file one
// document per line, a `.udp.txt` file one daemon datagram. After a
// deliberate change, run with TINSEL_UPDATE_GOLDEN=1 to rewrite the
// expected files, then review the diff.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Result } from '@tinsel/model';
import { normalizeXrayDocument, type XraySpans } from './normalize-xray-document.ts';
import { parseXrayDatagram } from './parse-xray-datagram.ts';

const fixtures = fileURLToPath(new URL('../../../fixtures/xray/', import.meta.url));
const update = process.env.TINSEL_UPDATE_GOLDEN === '1';
const NOW = Date.UTC(2025, 0, 1);
const EXTENSIONS = /\.(json|jsonl|udp\.txt)$/;
const cases = readdirSync(fixtures).filter((f) => EXTENSIONS.test(f) && !f.endsWith('.expected.json')).sort();
const JSON_COLUMNS = ['exceptions', 'annotations', 'attributes'] as const;

// The JSON-text columns are shown parsed, so that a reviewer reads
// objects rather than escaped strings; the test still checks that each one
// is JSON text.
function readable(result: Result<XraySpans>): unknown {
  if (!result.ok) return result;
  const spans = result.value.spans.map((span) => {
    const view: Record<string, unknown> = { ...span };
    for (const column of JSON_COLUMNS) {
      const text = span[column];
      assert.ok(text === null || typeof text === 'string', `${column} is JSON text or null`);
      view[column] = text === null ? null : JSON.parse(text);
    }
    return view;
  });
  return { ok: true, value: { documentId: result.value.documentId, spans } };
}

function normalizeFixture(file: string): unknown {
  const bytes = readFileSync(fixtures + file);
  if (file.endsWith('.udp.txt')) {
    const document = parseXrayDatagram(bytes);
    return readable(document.ok ? normalizeXrayDocument(document.value, 'xray-udp', NOW) : document);
  }
  const text = bytes.toString('utf8');
  if (file.endsWith('.jsonl')) {
    const lines = (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
    return lines.map((line) => readable(normalizeXrayDocument(line, 'xray-api', NOW)));
  }
  return readable(normalizeXrayDocument(text, 'xray-api', NOW));
}

describe('normalizeXrayDocument golden files', () => {
  it('has the AWS documentation examples and the edge cases', () => {
    assert.ok(cases.length >= 30, `only ${cases.length} fixtures`);
  });

  for (const file of cases) {
    it(`normalises ${file} as expected`, () => {
      const actual = normalizeFixture(file);
      const expectedPath = fixtures + file.replace(EXTENSIONS, '.expected.json');
      if (update) writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      assert.deepStrictEqual(actual, JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});
