import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InstanceTable, type InstanceEntry, type InstanceRange } from './instance-table.ts';
import { readInstanceTable } from './read-instance-table.ts';

const at = (iso: string): number => Date.parse(iso) * 1000;
const entry = (instance_id: string): InstanceEntry => ({ instance_id, ami_id: null, app_version: null, az: null, asg: null });
const range = (id: string, from: string | null, to: string | null): InstanceRange => ({
  ip: '10.0.1.15',
  validFrom: from === null ? -Infinity : at(from),
  validTo: to === null ? Infinity : at(to),
  entry: entry(id),
});
const idAt = (table: InstanceTable, iso: string): string | null => table.lookup('10.0.1.15', at(iso))?.instance_id ?? null;

describe('InstanceTable', () => {
  it('maps a reused IP to the instance that held it at each time', () => {
    const table = new InstanceTable([range('i-new', '2026-11-20T10:05:00Z', null), range('i-old', '2026-11-01T08:00:00Z', '2026-11-20T10:00:00Z')]);
    assert.equal(idAt(table, '2026-10-31T00:00:00Z'), null);
    assert.equal(idAt(table, '2026-11-01T08:00:00Z'), 'i-old');
    assert.equal(idAt(table, '2026-11-20T09:59:59Z'), 'i-old');
    assert.equal(idAt(table, '2026-11-20T10:00:00Z'), null, 'the end is exclusive and nothing held the IP in the gap');
    assert.equal(idAt(table, '2026-11-20T10:05:00Z'), 'i-new');
    assert.equal(idAt(table, '2030-01-01T00:00:00Z'), 'i-new');
  });

  it('lets the later valid_from win where ranges overlap, and the earlier range resume after', () => {
    const table = new InstanceTable([range('i-a', null, null), range('i-b', '2026-11-10T00:00:00Z', '2026-11-12T00:00:00Z'), range('i-c', '2026-11-11T00:00:00Z', null)]);
    assert.equal(idAt(table, '2026-11-01T00:00:00Z'), 'i-a');
    assert.equal(idAt(table, '2026-11-10T12:00:00Z'), 'i-b');
    assert.equal(idAt(table, '2026-11-11T12:00:00Z'), 'i-c');
    assert.equal(idAt(table, '2026-11-13T00:00:00Z'), 'i-c');
    const gap = new InstanceTable([range('i-a', null, null), range('i-b', '2026-11-10T00:00:00Z', '2026-11-12T00:00:00Z')]);
    assert.equal(idAt(gap, '2026-11-12T00:00:00Z'), 'i-a');
  });

  it('finds the right segment among many', () => {
    const ranges = Array.from({ length: 100 }, (_, i) => range(`i-${i}`, new Date(Date.UTC(2026, 0, 1 + i)).toISOString(), new Date(Date.UTC(2026, 0, 2 + i)).toISOString()));
    const table = new InstanceTable(ranges.reverse());
    for (let i = 0; i < 100; i++) assert.equal(idAt(table, new Date(Date.UTC(2026, 0, 1 + i, 12)).toISOString()), `i-${i}`);
  });

  it('ignores ranges that end before they start', () => {
    const table = new InstanceTable([range('i-bad', '2026-11-20T00:00:00Z', '2026-11-19T00:00:00Z')]);
    assert.equal(table.timeline('10.0.1.15'), undefined);
  });
});

describe('readInstanceTable from CSV', () => {
  it('reads ranges with open ends', () => {
    const file = fileURLToPath(new URL('../../fixtures/enrichment/instances.csv', import.meta.url));
    const read = readInstanceTable(readFileSync(file, 'utf8'), { file, appVersionTag: 'AppVersion', columns: {} });
    assert.ok(read.ok, read.ok ? '' : read.reason);
    const { table } = read.value;
    assert.equal(table.lookup('10.0.1.15', at('2026-11-20T09:00:00Z'))?.app_version, '2.3.9');
    assert.deepEqual(table.lookup('10.0.1.15', at('2026-11-21T00:00:00Z')), {
      instance_id: 'i-0f9e8d7c6b5a40312', ami_id: 'ami-08d4ac5b634553e16', app_version: '2.4.1', az: 'eu-west-1a', asg: 'web-asg',
    });
    assert.equal(table.lookup('10.0.2.31', at('1999-01-01T00:00:00Z'))?.instance_id, 'i-07c1d2e3f4a5b6c7d');
  });

  it('explains bad rows', () => {
    const read = (text: string): unknown => readInstanceTable(text, { file: 'i.csv', appVersionTag: 'AppVersion', columns: {} });
    assert.deepEqual(read('ip,valid_from\n10.0.0.1,soon\n'), { ok: false, reason: 'line 2: valid_from: expected an ISO 8601 time, got "soon"' });
    assert.deepEqual(read('ip,valid_from,valid_to\n10.0.0.1,2026-11-02,2026-11-01\n'), { ok: false, reason: 'line 2: valid_to is not after valid_from' });
    assert.deepEqual(read('instance_id\ni-1\n'), { ok: false, reason: 'line 2: ip is empty' });
  });
});
