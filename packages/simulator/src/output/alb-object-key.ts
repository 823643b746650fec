import type { LoadBalancer } from '../estate/estate.ts';
import { mixSeed, SeededRandom } from '../random/seeded-random.ts';

/** ALB delivers one object per node per 5 minutes. */
export const ALB_INTERVAL_MS = 300_000;

/**
 * The S3 key of the access-log object a load-balancer node writes for the
 * 5-minute interval ending at `intervalEnd` (epoch ms):
 * `AWSLogs/<account>/elasticloadbalancing/<region>/yyyy/mm/dd/<account>_elasticloadbalancing_<region>_app.<name>.<id>_<YYYYMMDDTHHMMZ>_<node ip>_<random>.log.gz`.
 * The random part comes from the seed, so a dataset's keys repeat with it.
 *
 * @example
 * albObjectKey(lb, '10.0.0.10', Date.UTC(2026, 10, 24, 18, 5), '123456789012', 'eu-west-1', 7);
 */
export function albObjectKey(lb: LoadBalancer, nodeIp: string, intervalEnd: number, accountId: string, region: string, seed: number): string {
  const iso = new Date(intervalEnd).toISOString();
  const day = `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}`;
  const end = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`;
  const random = new SeededRandom(mixSeed(seed, intervalEnd / 1000, ...nodeIp.split('.').map(Number))).hex(1);
  const id = lb.resourceId.replaceAll('/', '.');
  return `AWSLogs/${accountId}/elasticloadbalancing/${region}/${day}/${accountId}_elasticloadbalancing_${region}_${id}_${end}_${nodeIp}_${random}.log.gz`;
}
