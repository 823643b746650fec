import { contrastDimensions } from './contrast-dimensions.ts';
import type { ContrastCount } from './query-contrast.ts';

/** A dimension value over-represented among bad requests. */
export interface CauseCandidate {
  dimension: string;
  value: string;
  /** Share of the bad requests that carry the value: how much of the trouble it explains. */
  badShare: number;
  /** Share of the good requests that carry it. */
  goodShare: number;
  /** badShare / goodShare; null when no good request carries it. */
  lift: number | null;
  badRequests: number;
  /** Why it was put first, when a rule rather than the score did. */
  note?: string;
}

/** Least share of the bad requests a candidate must explain to be listed. */
const MIN_BAD_SHARE = 0.2;

/**
 * Ranks dimension values by how much more often they appear among bad
 * requests than among good ones (bad share − good share, as BubbleUp
 * compares a selection with its baseline), ties in dimension order.
 *
 * One rule on top: when a workload value (a route, a tenant) leads but a
 * deployment value (a version, an AMI) serving a minority of the good
 * traffic explains nearly as many bad requests, the deployment goes first —
 * the route works elsewhere, so what changed is the version.
 *
 * @example
 * rankCandidates(counts)[0]; // → { dimension: 'instance_id', value: 'i-0abc…', badShare: 0.93, lift: 11.2, … }
 */
export function rankCandidates(counts: readonly ContrastCount[]): CauseCandidate[] {
  const totals = totalsByDimension(counts);
  // Routes are never null, so their totals are those of every request in the window.
  const all = totals.get('route');
  const order = new Map(contrastDimensions.map((d, i) => [d.name, i]));
  const list: CauseCandidate[] = [];
  for (const c of counts) {
    const t = all ?? totals.get(c.dimension);
    if (!t || t.bad === 0) continue;
    const badShare = c.bad / t.bad;
    const goodShare = t.good === 0 ? 0 : c.good / t.good;
    if (badShare < MIN_BAD_SHARE || badShare <= goodShare * 1.5) continue;
    list.push({ dimension: c.dimension, value: c.value, badShare, goodShare, lift: goodShare === 0 ? null : badShare / goodShare, badRequests: c.bad });
  }
  list.sort((a, b) => score(b) - score(a) || (order.get(a.dimension) ?? 99) - (order.get(b.dimension) ?? 99));
  return promoteDeployment(list);
}

function score(c: CauseCandidate): number {
  // Rounded so that values explaining the same requests tie and dimension order decides.
  return Math.round((c.badShare - c.goodShare) * 100) / 100;
}

function promoteDeployment(list: CauseCandidate[]): CauseCandidate[] {
  const top = list[0];
  const role = (c: CauseCandidate) => contrastDimensions.find((d) => d.name === c.dimension)?.role;
  if (!top || role(top) !== 'workload') return list;
  const rollout = list.find((c) => role(c) === 'deployment' && c.dimension !== 'instance_id' && c.badShare >= 0.8 * top.badShare && c.goodShare < 0.5);
  if (!rollout) return list;
  const note = `${top.dimension} ${top.value} fails only where ${rollout.dimension} is ${rollout.value}`;
  return [{ ...rollout, note }, ...list.filter((c) => c !== rollout)];
}

function totalsByDimension(counts: readonly ContrastCount[]): Map<string, { bad: number; good: number }> {
  const totals = new Map<string, { bad: number; good: number }>();
  for (const c of counts) {
    const t = totals.get(c.dimension) ?? { bad: 0, good: 0 };
    t.bad += c.bad;
    t.good += c.good;
    totals.set(c.dimension, t);
  }
  return totals;
}
