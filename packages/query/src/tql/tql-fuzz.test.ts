import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { signals } from '@tinsel/model';
import { renderSql } from '@tinsel/store';
import { compileTql } from './compile-tql.ts';
import { parseTql } from './parse-tql.ts';
import { explainTql } from './explain-tql.ts';
import { CANARY, tqlText } from './tql-arbitrary.ts';
import { standInDialect } from './stand-in-dialect.test-support.ts';

const dialect = standInDialect;

const range = { from: 1_700_000_000_000_000, to: 1_700_000_360_000_000, limit: 100, nowMs: 1_700_000_400_000 };

describe('TQL under fuzzing', () => {
  it('never throws, and no user text reaches SQL text', () => {
    fc.assert(
      fc.property(tqlText, (text) => {
        const parsed = parseTql(text);
        if (!parsed.ok) {
          assert.ok(parsed.column >= 1 && parsed.column <= text.length + 1, `column ${parsed.column} of ${JSON.stringify(text)}`);
          return;
        }
        assert.equal(typeof explainTql(parsed.value), 'string');
        for (const signal of signals) {
          const compiled = compileTql(dialect, parsed.value, { signal, ...range });
          if (!compiled.ok) {
            assert.ok(compiled.column >= 1 && compiled.column <= text.length + 1);
            continue;
          }
          for (const query of [compiled.value.sql, compiled.value.count]) {
            const rendered = renderSql(query, dialect).text;
            assert.ok(!rendered.toLowerCase().includes(CANARY), `user text in SQL for ${JSON.stringify(text)}: ${rendered}`);
          }
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('never throws on any text at all', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (text) => {
        const parsed = parseTql(text);
        if (parsed.ok) for (const signal of signals) compileTql(dialect, parsed.value, { signal, ...range });
      }),
      { numRuns: 1500 },
    );
  });
});
