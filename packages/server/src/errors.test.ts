import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { storeErrors } from '@tinsel/store';
import { serverErrors } from './errors.ts';

const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');

describe('error catalogs', () => {
  it('documents every code in docs/errors.md', () => {
    const codes = [...Object.keys(serverErrors), ...Object.keys(storeErrors)];
    const missing = codes.filter((code) => !doc.includes(`\`${code}\``));
    assert.deepEqual(missing, []);
  });

  it('documents the status each server code maps to', () => {
    for (const [code, { status }] of Object.entries(serverErrors)) {
      assert.match(doc, new RegExp(`\\| \`${code}\` \\| ${status} \\|`), code);
    }
  });
});
