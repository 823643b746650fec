// Typed calls for every read endpoint of docs/api.md. Each takes an optional
// AbortSignal so a page can drop an answer it no longer needs.
import { ApiError } from './api-error.ts';
import { reportUnauthorized } from './unauthorized.ts';
import type { AlertRuleRequest, AlertRuleState, AlertsAnswer, Incident, IncidentSummary, Silence, SilenceRequest } from './insights-types.ts';
import type { FieldsAnswer, HistogramAnswer, QueryAnswer, QueryRequest, ServiceMapAnswer, Signal, Story, TraceAnswer, TraceSearchRequest, TraceSummary } from './types.ts';

async function call<T>(path: string, init: RequestInit & { signal?: AbortSignal | undefined }): Promise<T> {
  const response = await fetch(path, { ...init, headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}) } });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    body = { message: text.slice(0, 200) };
  }
  // The app shows the sign-in form; the page keeps its address, so it carries on after.
  if (response.status === 401) reportUnauthorized();
  if (!response.ok) throw new ApiError(response.status, (body ?? {}) as Record<string, unknown>);
  return body as T;
}

function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/** POST /api/query: one page of rows (or groups) for a TQL query. */
export function runQuery(request: QueryRequest, signal?: AbortSignal): Promise<QueryAnswer> {
  return call('/api/query', { method: 'POST', body: JSON.stringify(request), signal });
}

/** POST /api/query/histogram: matching rows per time bucket. */
export function runHistogram(request: QueryRequest & { interval?: number }, signal?: AbortSignal): Promise<HistogramAnswer> {
  return call('/api/query/histogram', { method: 'POST', body: JSON.stringify(request), signal });
}

/** GET /api/fields: a signal's fields with their commonest values. */
export function fetchFields(params: { signal: Signal; from?: string; to?: string; query?: string }, signal?: AbortSignal): Promise<FieldsAnswer> {
  return call(`/api/fields${queryString(params)}`, { method: 'GET', signal });
}

/** GET /api/story/:id: the whole story of one request (any id form). */
export function fetchStory(id: string, signal?: AbortSignal): Promise<Story> {
  return call(`/api/story/${encodeURIComponent(id)}`, { method: 'GET', signal });
}

/** GET /api/traces/:id: every span of one trace with its parent. */
export function fetchTrace(id: string, signal?: AbortSignal): Promise<TraceAnswer> {
  return call(`/api/traces/${encodeURIComponent(id)}`, { method: 'GET', signal });
}

/** GET /api/traces: traces matching filters, newest first. */
export function searchTraces(params: TraceSearchRequest, signal?: AbortSignal): Promise<{ traces: TraceSummary[] }> {
  return call(`/api/traces${queryString({ ...params })}`, { method: 'GET', signal });
}

/** GET /api/service-map: services, remotes and load balancers with the calls between them. */
export function fetchServiceMap(params: { from?: string; to?: string }, signal?: AbortSignal): Promise<ServiceMapAnswer> {
  return call(`/api/service-map${queryString(params)}`, { method: 'GET', signal });
}

/** GET /api/insights: incidents opened in the range, newest first. */
export function fetchIncidents(params: { from?: string; to?: string; status?: 'open' | 'resolved'; limit?: number }, signal?: AbortSignal): Promise<{ incidents: IncidentSummary[] }> {
  return call(`/api/insights${queryString(params)}`, { method: 'GET', signal });
}

/** GET /api/insights/:id: one incident with its signals, candidates, samples and timeline. */
export function fetchIncident(id: string, signal?: AbortSignal): Promise<Incident> {
  return call(`/api/insights/${encodeURIComponent(id)}`, { method: 'GET', signal });
}

/** GET /api/alerts: every rule with its pending and firing alerts, and the active silences. */
export function fetchAlerts(signal?: AbortSignal): Promise<AlertsAnswer> {
  return call('/api/alerts', { method: 'GET', signal });
}

/** POST /api/silences: silences a rule, label matchers or both. */
export function createSilence(request: SilenceRequest): Promise<{ silence: Silence }> {
  return call('/api/silences', { method: 'POST', body: JSON.stringify(request) });
}

/** DELETE /api/silences/:id: ends a silence now. */
export async function deleteSilence(id: string): Promise<void> {
  await call(`/api/silences/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** POST /api/alerts: adds a rule, or replaces an API rule of the same name. */
export function createAlertRule(request: AlertRuleRequest): Promise<{ rule: AlertRuleState }> {
  return call('/api/alerts', { method: 'POST', body: JSON.stringify(request) });
}

/** DELETE /api/alerts/:name: removes a rule added through the API. */
export async function deleteAlertRule(name: string): Promise<void> {
  await call(`/api/alerts/${encodeURIComponent(name)}`, { method: 'DELETE' });
}
