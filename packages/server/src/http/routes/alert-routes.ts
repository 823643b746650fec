import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { parseAlertRule, parseDurationMs, type Silence } from '@tinsel/insights';
import { ApiError } from '../../errors.ts';
import type { AppDeps } from '../create-app.ts';
import { insightsOf } from './insights-routes.ts';

/**
 * Alert rules and silences: `GET/POST /api/alerts`, `DELETE /api/alerts/:name`,
 * `GET/POST /api/silences`, `DELETE /api/silences/:id`. Rules and silences
 * made here are saved beside the data (alerts.json) and outlive a restart;
 * rules from tinsel.yaml cannot be deleted.
 */
export function registerAlertRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/alerts', async () => {
    const engine = insightsOf(deps).alerts;
    return { rules: engine.describe(Date.now()), silences: engine.silences().map(describeSilence) };
  });

  app.post('/api/alerts', async (request, reply) => {
    const engine = insightsOf(deps).alerts;
    const parsed = parseAlertRule(request.body, 'api');
    if (!parsed.ok) throw new ApiError('TINSEL_ERR_ALERT_RULE_INVALID', parsed.reason);
    if (engine.rules().some((r) => r.name === parsed.value.name && r.origin === 'config')) throw new ApiError('TINSEL_ERR_ALERT_RULE_FROM_CONFIG');
    const known = new Set(insightsOf(deps).config.alerts.notifiers.map((n) => n.name));
    const unknown = parsed.value.notify.find((n) => !known.has(n));
    if (unknown) throw new ApiError('TINSEL_ERR_ALERT_RULE_INVALID', `notify: no notifier named "${unknown}"`);
    engine.putRule(parsed.value);
    insightsOf(deps).saveAlerts();
    return reply.status(201).send({ rule: engine.describe(Date.now()).find((r) => r.name === parsed.value.name) });
  });

  app.delete('/api/alerts/:name', async (request, reply) => {
    const { name } = request.params as { name: string };
    const outcome = insightsOf(deps).alerts.removeRule(name);
    if (outcome === 'missing') throw new ApiError('TINSEL_ERR_ALERT_RULE_NOT_FOUND');
    if (outcome === 'from-config') throw new ApiError('TINSEL_ERR_ALERT_RULE_FROM_CONFIG');
    insightsOf(deps).saveAlerts();
    return reply.status(204).send();
  });

  app.get('/api/silences', async () => ({ silences: insightsOf(deps).alerts.silences().map(describeSilence) }));

  app.post('/api/silences', async (request, reply) => {
    const silence = silenceFrom(request.body, Date.now());
    insightsOf(deps).alerts.addSilence(silence);
    insightsOf(deps).saveAlerts();
    return reply.status(201).send({ silence: describeSilence(silence) });
  });

  app.delete('/api/silences/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!insightsOf(deps).alerts.removeSilence(id)) throw new ApiError('TINSEL_ERR_SILENCE_NOT_FOUND');
    insightsOf(deps).saveAlerts();
    return reply.status(204).send();
  });
}

/** `{ rule?, matchers?, duration? | endsAt?, startsAt?, comment?, createdBy? }`; a silence needs a rule or a matcher. */
function silenceFrom(body: unknown, nowMs: number): Silence {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const bad = (why: string) => new ApiError('TINSEL_ERR_SILENCE_INVALID', why);
  const rule = b.rule === undefined || b.rule === null ? null : typeof b.rule === 'string' ? b.rule : null;
  if (b.rule !== undefined && b.rule !== null && rule === null) throw bad('rule: a rule name');
  const matchers = b.matchers ?? {};
  if (typeof matchers !== 'object' || matchers === null || Array.isArray(matchers) || !Object.values(matchers).every((v) => typeof v === 'string')) throw bad('matchers: an object of label: value strings');
  if (rule === null && Object.keys(matchers).length === 0) throw bad('a silence needs a rule or at least one matcher');
  const startsAt = b.startsAt === undefined ? nowMs : Date.parse(String(b.startsAt));
  const duration = b.duration === undefined ? null : parseDurationMs(b.duration);
  const endsAt = b.endsAt !== undefined ? Date.parse(String(b.endsAt)) : duration !== null ? startsAt + duration : Number.NaN;
  if (!Number.isFinite(startsAt)) throw bad('startsAt: an ISO-8601 time');
  if (!Number.isFinite(endsAt) || endsAt <= startsAt) throw bad('endsAt (ISO-8601) or duration (such as 2h), ending after it starts');
  return { id: randomUUID(), rule, matchers: matchers as Record<string, string>, startsAt, endsAt, comment: String(b.comment ?? ''), createdBy: String(b.createdBy ?? '') };
}

function describeSilence(s: Silence) {
  return { ...s, startsAt: new Date(s.startsAt).toISOString(), endsAt: new Date(s.endsAt).toISOString() };
}
