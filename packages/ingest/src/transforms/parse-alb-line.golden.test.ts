// Golden files: every fixtures/alb/<case>.log line parsed, compared with the
// Result list in <case>.expected.json. After a deliberate format change, run
// with TINSEL_UPDATE_GOLDEN=1 to rewrite the expected files, then review the diff.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAlbLine } from './parse-alb-line.ts';

const fixtures = fileURLToPath(new URL('../../fixtures/alb/', import.meta.url));
const update = process.env.TINSEL_UPDATE_GOLDEN === '1';
const cases = readdirSync(fixtures).filter((f) => f.endsWith('.log')).sort();

describe('parseAlbLine golden files', () => {
  it('has the AWS documentation examples and the edge cases', () => {
    assert.ok(cases.length >= 20, `only ${cases.length} fixtures`);
  });

  for (const file of cases) {
    it(`parses ${file} as expected`, () => {
      const text = readFileSync(fixtures + file, 'utf8');
      const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
      const results = lines.map((line) => parseAlbLine(line, file));
      const expectedPath = fixtures + file.replace(/\.log$/, '.expected.json');
      if (update) writeFileSync(expectedPath, `${JSON.stringify(results, null, 2)}\n`);
      assert.deepStrictEqual(results, JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});
