import type { Estate } from '../estate/estate.ts';
import { mixSeed, SeededRandom } from '../random/seeded-random.ts';
import type { Incident, IncidentSpec } from './incident.ts';

/** The route a bad deploy breaks and the routes whose slowness makes clients give up. */
export const BAD_DEPLOY_ROUTE = 'POST /checkout';

/**
 * Chooses each incident's target from the seed (or from the script's explicit
 * target), so the same script on the same seed always hits the same host,
 * database and route.
 *
 * @example
 * resolveIncidents(estate, [{ kind: 'db-overload', start, durationMs: 300000, target: null }]);
 * // → [{ kind: 'db-overload', dbServer: 'db-2', … }]
 */
export function resolveIncidents(estate: Estate, specs: readonly IncidentSpec[]): Incident[] {
  const [major = 4, minor = 2] = estate.options.appVersion.split('.').map(Number);
  return specs
    .map((spec): Incident => {
      // Seeded by the start time, not the position in the script: a demo that
      // restarts with a later script start still stages the same incidents.
      const random = new SeededRandom(mixSeed(estate.options.seed, 0x1c1de7, Math.floor(spec.start / 1000), spec.kind.length));
      const slotTarget = spec.target !== null && /^\d+$/.test(spec.target) ? Number(spec.target) % estate.options.instances : null;
      const dbTarget = spec.target !== null && estate.dbServers.includes(spec.target) ? spec.target : null;
      return {
        kind: spec.kind,
        start: spec.start,
        end: spec.start + spec.durationMs,
        slot: slotTarget ?? random.below(estate.options.instances),
        dbServer: dbTarget ?? random.pick(estate.dbServers),
        route: BAD_DEPLOY_ROUTE,
        version: `${major}.${minor + 1}.${random.below(100)}`,
      };
    })
    .sort((a, b) => a.start - b.start);
}
