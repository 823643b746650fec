import type { Route } from '../app/routes.ts';
import type { Tenant } from '../estate/estate.ts';
import type { Instance, InstanceTimeline } from '../estate/instance-timeline.ts';
import type { Incident } from './incident.ts';

/** How the incidents active at a moment bend one request. */
export interface Effects {
  /** Multiplies the app's own work (a degraded host). */
  hostFactor: number;
  /** Multiplies the tenant's queries (an overloaded database server). */
  dbFactor: number;
  /** The route throws on this version (a bad deploy). */
  broken: boolean;
  /** Share of requests the target never answers (target timeouts). */
  hangShare: number;
  /** Clients give up on this slow route (client disconnects). */
  impatientClients: boolean;
}

const CALM: Effects = { hostFactor: 1, dbFactor: 1, broken: false, hangShare: 0, impatientClients: false };

/**
 * The effects on one request of the incidents active when it arrives. Each
 * incident touches only its own target: one instance, one database server's
 * tenants, one version's route, the impatient routes.
 *
 * @example
 * effectsOn(active, instance, tenant, route, timeline).dbFactor; // 12 while its db server is overloaded
 */
export function effectsOn(active: readonly Incident[], instance: Instance, tenant: Tenant, route: Route, timeline: InstanceTimeline): Effects {
  if (active.length === 0) return CALM;
  const effects: Effects = { hostFactor: 1, dbFactor: 1, broken: false, hangShare: 0, impatientClients: false };
  for (const incident of active) {
    switch (incident.kind) {
      case 'degraded-host':
        // The host that was in the slot when trouble began, not its replacement.
        if (timeline.at(incident.slot, incident.start) === instance) effects.hostFactor *= 7;
        break;
      case 'db-overload':
        if (tenant.dbServer === incident.dbServer) effects.dbFactor *= 12;
        break;
      case 'bad-deploy':
        if (instance.appVersion === incident.version && route.name === incident.route) effects.broken = true;
        break;
      case 'target-timeouts':
        if (timeline.at(incident.slot, incident.start) === instance) effects.hangShare = 0.5;
        break;
      case 'client-disconnects':
        if (route.impatient) effects.impatientClients = true;
        break;
      case 'instance-recycle':
        break;
    }
  }
  return effects;
}
