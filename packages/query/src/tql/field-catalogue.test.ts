import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { signals, tables } from '@tinsel/model';
import { catalogueFor } from './field-catalogue.ts';
import { nearestName, resolveField } from './resolve-field.ts';

const doc = readFileSync(new URL('../../../../docs/query-language.md', import.meta.url), 'utf8');

describe('field catalogue', () => {
  it('offers every column of each signal, and names no field twice', () => {
    for (const signal of signals) {
      const catalogue = catalogueFor(signal);
      for (const column of Object.keys(tables[signal].columns)) assert.ok(catalogue.fields.some((f) => f.name === column), `${signal}.${column}`);
      const names = catalogue.fields.flatMap((f) => [f.name, ...f.aliases]);
      assert.deepEqual(names.filter((n, i) => names.indexOf(n) !== i), [], signal);
      for (const text of catalogue.textFields) assert.ok(['string', 'json'].includes(catalogue.fields.find((f) => f.name === text)?.type ?? ''), `${signal}.${text}`);
    }
  });

  it('is documented in docs/query-language.md, every field and alias under its signal', () => {
    for (const signal of signals) {
      const section = doc.split(`### ${signal}\n`)[1]?.split('\n### ')[0] ?? '';
      for (const field of catalogueFor(signal).fields) {
        assert.match(section, new RegExp(`^\\| \`${field.name}\` \\|`, 'm'), `${signal}.${field.name}`);
        for (const alias of field.aliases) assert.ok(section.includes(`\`${alias}\``), `${signal} alias ${alias}`);
      }
    }
  });

  it('resolves aliases and JSON paths, and suggests the nearest name for a typo', () => {
    const requests = catalogueFor('requests');
    const status = resolveField(requests, { name: 'status', column: 1 });
    assert.equal(status.ok && status.value.field.name, 'elb_status_code');
    const logs = catalogueFor('logs');
    const path = resolveField(logs, { name: 'properties.Order.Id', column: 1 });
    assert.deepEqual(path.ok && [path.value.field.name, path.value.path], ['properties', ['Order', 'Id']]);
    assert.equal(resolveField(logs, { name: 'level.x', column: 1 }).ok, false);
    assert.equal(nearestName(requests, 'statsu'), 'status');
    assert.equal(nearestName(logs, 'mesage'), 'message');
    assert.equal(nearestName(logs, 'zzzzzzzz'), null);
  });
});
