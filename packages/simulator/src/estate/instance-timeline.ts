import type { Incident } from '../incidents/incident.ts';
import { mixSeed, SeededRandom } from '../random/seeded-random.ts';
import type { Estate } from './estate.ts';

/** One EC2 instance of the target group, from launch to termination. */
export interface Instance {
  instanceId: string;
  ip: string;
  amiId: string;
  appVersion: string;
  az: string;
  slot: number;
  instanceType: string;
  /** Epoch milliseconds. */
  launchedAt: number;
  /** Epoch milliseconds; null while it runs. */
  terminatedAt: number | null;
}

/** How many instances a bad deploy reaches: a canary pair, not the fleet. */
const DEPLOY_WIDTH = 2;

/**
 * Which instance serves each slot of the target group at any time. The
 * auto-scaling group replaces instances when an incident says so: a recycle
 * puts a new instance on the same private IP; a deploy puts the new version
 * on fresh IPs and its rollback returns to the slot's usual IP.
 *
 * @example
 * const timeline = new InstanceTimeline(estate, incidents, Date.UTC(2026, 10, 17));
 * timeline.at(2, Date.UTC(2026, 10, 24, 18)); // the instance in slot 2 then
 */
export class InstanceTimeline {
  /** Every instance that ever ran, in launch order per slot. */
  readonly instances: Instance[] = [];
  private readonly slots: Instance[][];

  constructor(private readonly estate: Estate, incidents: readonly Incident[], genesis: number) {
    const count = estate.options.instances;
    this.slots = Array.from({ length: count }, (_, slot) => [this.launch(slot, genesis, this.slotIp(slot), estate.options.appVersion, 0)]);
    for (const incident of incidents) {
      if (incident.kind === 'instance-recycle') this.replace(incident.slot, incident.start, 'same-ip', estate.options.appVersion);
      if (incident.kind === 'bad-deploy') {
        for (let i = 0; i < Math.min(DEPLOY_WIDTH, count); i++) {
          const slot = (incident.slot + i) % count;
          this.replace(slot, incident.start + i * 20_000, 'deploy-ip', incident.version);
          this.replace(slot, incident.end + i * 20_000, 'slot-ip', estate.options.appVersion);
        }
      }
    }
  }

  /** The instance serving `slot` at epoch millisecond `time`. */
  at(slot: number, time: number): Instance {
    const generations = this.slots[slot]!;
    for (let i = generations.length - 1; i > 0; i--) if (generations[i]!.launchedAt <= time) return generations[i]!;
    return generations[0]!;
  }

  private replace(slot: number, time: number, addressing: 'same-ip' | 'deploy-ip' | 'slot-ip', version: string): void {
    const current = this.at(slot, time);
    if (current.terminatedAt !== null) return;
    current.terminatedAt = time;
    const ip = addressing === 'same-ip' ? current.ip : addressing === 'slot-ip' ? this.slotIp(slot) : this.slotIp(slot, 150);
    const next = this.launch(slot, time, ip, version);
    const generations = this.slots[slot]!;
    generations.push(next);
    generations.sort((a, b) => a.launchedAt - b.launchedAt);
  }

  private launch(slot: number, time: number, ip: string, version: string, idTime = time): Instance {
    // Named by slot and launch time (the first ones by slot alone), so the same instance keeps its id however the timeline was built.
    const random = new SeededRandom(mixSeed(this.estate.options.seed, 0x1a57, slot, Math.floor(idTime / 1000)));
    const instance: Instance = {
      instanceId: `i-0${random.hex(2)}`,
      ip,
      amiId: `ami-0${new SeededRandom(mixSeed(this.estate.options.seed, 0xa31, ...version.split('.').map(Number))).hex(2)}`,
      appVersion: version,
      az: this.estate.azs[slot % this.estate.azs.length]!,
      slot,
      instanceType: 'm6i.large',
      launchedAt: time,
      terminatedAt: null,
    };
    this.instances.push(instance);
    return instance;
  }

  private slotIp(slot: number, base = 20): string {
    return `10.0.${(slot % this.estate.azs.length) + 1}.${base + Math.floor(slot / this.estate.azs.length) * 7 + (slot % 5)}`;
  }
}
