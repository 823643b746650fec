import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { parseDescribeInstances } from './parse-describe-instances.ts';
import { readInstanceTable } from './read-instance-table.ts';
import type { InstanceTable } from './instance-table.ts';

const file = fileURLToPath(new URL('../../fixtures/enrichment/describe-instances.json', import.meta.url));
const text = readFileSync(file, 'utf8');
const at = (iso: string): number => Date.parse(iso) * 1000;

function load(source: string, name: string, appVersionTag = 'AppVersion'): InstanceTable {
  const read = readInstanceTable(source, { file: name, appVersionTag, columns: {} });
  assert.ok(read.ok, read.ok ? '' : read.reason);
  return read.value.table;
}

describe('describe-instances import', () => {
  const table = load(text, file);

  it('maps a reused IP to the terminated instance before its end and the replacement after', () => {
    assert.deepEqual(table.lookup('10.0.1.15', at('2026-11-20T09:59:00Z')), {
      instance_id: 'i-0a1b2c3d4e5f60718', ami_id: 'ami-0c55b159cbfafe1f0', app_version: '2.3.9', az: 'eu-west-1a', asg: 'web-asg',
    });
    assert.equal(table.lookup('10.0.1.15', at('2026-11-20T10:02:00Z')), null, 'between termination and the next launch');
    assert.deepEqual(table.lookup('10.0.1.15', at('2026-11-20T10:06:00Z')), {
      instance_id: 'i-0f9e8d7c6b5a40312', ami_id: 'ami-08d4ac5b634553e16', app_version: '2.4.1', az: 'eu-west-1a', asg: 'web-asg',
    });
    assert.equal(table.lookup('10.0.1.15', at('2026-10-31T00:00:00Z')), null, 'before the first launch');
  });

  it('maps secondary addresses, other interfaces and IPv6 addresses', () => {
    assert.equal(table.lookup('10.0.1.16', at('2026-11-21T00:00:00Z'))?.instance_id, 'i-0f9e8d7c6b5a40312');
    assert.equal(table.lookup('10.0.2.77', at('2026-11-21T00:00:00Z'))?.instance_id, 'i-07c1d2e3f4a5b6c7d');
    assert.equal(table.lookup('2a05:d018:1c4:5a01:9d2e:41b7:c3f0:8a21', at('2026-11-21T00:00:00Z'))?.az, 'eu-west-1b');
  });

  it('opens a restarted instance at its primary interface attach time, not the later LaunchTime', () => {
    assert.equal(table.lookup('10.0.2.31', at('2026-10-15T00:00:00Z'))?.instance_id, 'i-07c1d2e3f4a5b6c7d');
  });

  it('keeps a stopped instance open-ended and its version tag as text', () => {
    const stopped = table.lookup('10.0.3.9', at('2026-12-01T00:00:00Z'));
    assert.equal(stopped?.instance_id, 'i-0b2c3d4e5f6a7b8c9');
    assert.equal(stopped?.app_version, '1.10');
    assert.equal(stopped?.asg, null);
  });

  it('reads the version from the configured tag', () => {
    const byName = load(text, file, 'Name');
    assert.equal(byName.lookup('10.0.3.9', at('2026-12-01T00:00:00Z'))?.app_version, 'batch-worker');
  });

  it('reads the same document printed as YAML', () => {
    const fromYaml = load(stringify(JSON.parse(text)), 'instances.yaml');
    assert.equal(fromYaml.lookup('10.0.1.15', at('2026-11-20T09:59:00Z'))?.instance_id, 'i-0a1b2c3d4e5f60718');
    assert.equal(fromYaml.lookup('10.0.1.15', at('2026-11-20T10:06:00Z'))?.instance_id, 'i-0f9e8d7c6b5a40312');
  });

  it('leaves a terminated instance open when its reason carries no time', () => {
    const doc = { Reservations: [{ Instances: [{ InstanceId: 'i-1', PrivateIpAddress: '10.9.9.9', LaunchTime: '2026-11-01T00:00:00Z', State: { Name: 'terminated' }, StateTransitionReason: '' }] }] };
    const read = parseDescribeInstances(doc, 'AppVersion');
    assert.ok(read.ok);
    assert.equal(read.value[0]?.validTo, Infinity);
  });

  it('names the instance with a bad LaunchTime', () => {
    const doc = { Reservations: [{ Instances: [{ InstanceId: 'i-1', PrivateIpAddress: '10.9.9.9', LaunchTime: 'last week' }] }] };
    assert.deepEqual(parseDescribeInstances(doc, 'AppVersion'), { ok: false, reason: 'instance i-1: LaunchTime: expected an ISO 8601 time, got "last week"' });
  });
});
