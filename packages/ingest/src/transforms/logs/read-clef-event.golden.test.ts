// Golden files: CLEF from the format's own documentation (shared samples)
// and fixtures/logs/*.clef written to exercise every reified field, each
// decoded and compared with its .expected.json.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { decodeClefLines } from './decode-clef-lines.ts';

const fixtures = fileURLToPath(new URL('../../../fixtures/logs/', import.meta.url));
// The shared samples sit beside the repository: <root>/../shared/samples.
const docsSample = fileURLToPath(new URL('../../../../../../shared/samples/clef-docs.jsonl', import.meta.url));
const update = process.env.TINSEL_UPDATE_GOLDEN === '1';
// A fixed receive time keeps the expected files stable.
const options = { source: 'seq-clef', receivedAt: 1_700_000_000_000_000 };

function golden(name: string, text: string): void {
  const expectedPath = `${fixtures}${name}.expected.json`;
  const decoded = decodeClefLines(text, options);
  if (update) writeFileSync(expectedPath, `${JSON.stringify(decoded, null, 2)}\n`);
  assert.deepEqual(decoded, JSON.parse(readFileSync(expectedPath, 'utf8')));
}

describe('CLEF golden files', () => {
  it('decodes the CLEF documentation samples', () => {
    const text = readFileSync(docsSample, 'utf8');
    golden('clef-docs', text);
    const decoded = decodeClefLines(text, options);
    assert.equal(decoded.rejected.length, 0);
    // The README's own rendering of its example, byte for byte.
    assert.equal(decoded.records[0]?.message, 'Hello, "nblumhardt"');
    assert.equal(decoded.records[1]?.message, decoded.records[0]?.message);
  });

  const cases = readdirSync(fixtures).filter((f) => f.endsWith('.clef')).sort();
  it('finds the fixtures', () => assert.ok(cases.length >= 1));
  for (const file of cases) {
    it(`decodes ${file}`, () => golden(file.replace(/\.clef$/, ''), readFileSync(fixtures + file, 'utf8')));
  }
});
