import { fail, ok, type Result } from '@tinsel/model';
import type { InstanceRange } from './instance-table.ts';
import { parseInstant } from './parse-instant.ts';

type Json = Record<string, unknown>;

const asgTag = 'aws:autoscaling:groupName';
// EC2 writes e.g. "User initiated (2026-11-20 10:00:00 GMT)"; the time is optional.
const transitionTime = /\((\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) GMT\)/;

const asObject = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});
const asList = (value: unknown): Json[] => (Array.isArray(value) ? value.map(asObject) : []);
const asText = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/**
 * Reads the document `aws ec2 describe-instances` prints (JSON, or YAML with
 * `--output yaml`) as IP ranges. Every private address of every network
 * interface counts, IPv6 included. A range opens at LaunchTime, or earlier
 * at the interface's AttachTime (a stop/start resets LaunchTime but not the
 * primary interface). It closes when a terminated instance's
 * StateTransitionReason carries a time; otherwise it stays open.
 *
 * @example
 * parseDescribeInstances(JSON.parse(await readFile('instances.json', 'utf8')), 'AppVersion');
 * // → ok([{ ip: '10.0.1.15', validFrom: …, validTo: …, entry: { instance_id: 'i-0a1…', … } }, …])
 */
export function parseDescribeInstances(document: Json, appVersionTag: string): Result<InstanceRange[]> {
  if (!Array.isArray(document['Reservations'])) return fail('Reservations: expected a list');
  const ranges: InstanceRange[] = [];
  for (const reservation of asList(document['Reservations'])) {
    for (const instance of asList(reservation['Instances'])) {
      const read = readInstance(instance, appVersionTag);
      if (!read.ok) return fail(`instance ${asText(instance['InstanceId']) ?? '(no InstanceId)'}: ${read.reason}`);
      ranges.push(...read.value);
    }
  }
  return ok(ranges);
}

function readInstance(instance: Json, appVersionTag: string): Result<InstanceRange[]> {
  const tags = new Map(asList(instance['Tags']).map((tag) => [String(tag['Key']), asText(tag['Value'])]));
  const entry = {
    instance_id: asText(instance['InstanceId']),
    ami_id: asText(instance['ImageId']),
    app_version: tags.get(appVersionTag) ?? null,
    az: asText(asObject(instance['Placement'])['AvailabilityZone']),
    asg: tags.get(asgTag) ?? null,
  };
  const launch = readTime(instance['LaunchTime'], -Infinity);
  if (!launch.ok) return fail(`LaunchTime: ${launch.reason}`);
  const end = readEnd(instance);
  if (!end.ok) return fail(`StateTransitionReason: ${end.reason}`);
  const ranges = new Map<string, InstanceRange>();
  const add = (ip: string | null, from: number): void => {
    if (ip === null) return;
    const key = ip.toLowerCase();
    const validFrom = Math.min(from, ranges.get(key)?.validFrom ?? Infinity);
    ranges.set(key, { ip: key, validFrom, validTo: end.value, entry });
  };
  for (const nic of asList(instance['NetworkInterfaces'])) {
    const attached = readTime(asObject(nic['Attachment'])['AttachTime'], launch.value);
    const from = attached.ok ? Math.min(attached.value, launch.value) : launch.value;
    add(asText(nic['PrivateIpAddress']), from);
    for (const address of asList(nic['PrivateIpAddresses'])) add(asText(address['PrivateIpAddress']), from);
    for (const address of asList(nic['Ipv6Addresses'])) add(asText(address['Ipv6Address']), from);
  }
  add(asText(instance['PrivateIpAddress']), launch.value);
  return ok([...ranges.values()]);
}

function readEnd(instance: Json): Result<number> {
  if (asText(asObject(instance['State'])['Name']) !== 'terminated') return ok(Infinity);
  const reason = asText(instance['StateTransitionReason']);
  const time = reason === null ? null : transitionTime.exec(reason);
  return time === null ? ok(Infinity) : parseInstant(`${time[1]}Z`);
}

function readTime(value: unknown, missing: number): Result<number> {
  const text = asText(value);
  return text === null ? ok(missing) : parseInstant(text);
}
