// One trace: header, controls, waterfall and the selected span's details.
// The selection, the find text and the critical-path switch live in the
// address, so a link shows the same screen.
import { useMemo, useState } from 'react';
import { fetchStory, fetchTrace, type Story, type TraceAnswer } from '../../api/index.ts';
import { useApi, type Loadable } from '../../api/use-api.ts';
import { Link, storyPath, useUrlState } from '../../app/index.ts';
import { balancerAttempts, type BalancerAttempt } from './balancer-attempts.ts';
import { criticalPath } from './critical-path.ts';
import { SpanDetails } from './span-details.tsx';
import { logsBySpan } from './span-logs.ts';
import { buildSpanTree, parentIds, visibleRows } from './span-tree.ts';
import { TraceControls } from './trace-controls.tsx';
import { TraceHeader } from './trace-header.tsx';
import { toWaterfallSpans, type WaterfallSpan } from './trace-model.ts';
import { zoomText, zoomWindow } from './view-window.ts';
import { Waterfall } from './waterfall.tsx';
import './trace.css';

const FIVE_MINUTES_US = 300_000_000;
const LARGE_TRACE = 500;

function useTraceModel(answer: TraceAnswer, attempts: BalancerAttempt[]) {
  return useMemo(() => {
    const spans = toWaterfallSpans(answer.spans);
    const roots = buildSpanTree(spans);
    // The axis covers the load balancer's records too: arrival before the root span, response after it.
    const originUs = Math.min(...spans.map((s) => s.startUs), ...attempts.map((a) => a.startUs));
    const endUs = Math.max(...spans.map((s) => s.endUs), ...attempts.map((a) => a.endUs));
    const segments = criticalPath(roots);
    const critical = new Map<string, typeof segments>();
    for (const s of segments) critical.set(s.spanId, [...(critical.get(s.spanId) ?? []), s]);
    const depth = Math.max(0, ...visibleRows(roots, new Set()).map((r) => r.node.depth + 1));
    const iso = (us: number) => new Date(us / 1000).toISOString();
    const range = { from: iso(originUs - FIVE_MINUTES_US), to: iso(endUs + FIVE_MINUTES_US) };
    return { spans, roots, originUs, totalUs: Math.max(1, endUs - originUs), critical, depth, range, parents: parentIds(roots), attempts };
  }, [answer, attempts]);
}

function matchesOf(spans: WaterfallSpan[], find: string): Set<string> | null {
  const needle = find.trim().toLowerCase();
  if (needle === '') return null;
  const hit = (s: WaterfallSpan) => [s.service, s.name, s.id, s.raw.http_url, s.raw.sql_query, s.status].some((v) => typeof v === 'string' && v.toLowerCase().includes(needle));
  return new Set(spans.filter(hit).map((s) => s.id));
}

/** Folded subtrees; a very large trace opens folded below the first level, so it draws at once. */
function useCollapsed(model: ReturnType<typeof useTraceModel>) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set(model.spans.length > LARGE_TRACE ? parentIds(model.roots, 1) : []));
  const toggle = (id: string, collapse: boolean) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (collapse) next.add(id);
      else next.delete(id);
      return next;
    });
  return { collapsed, toggle, setCollapsed };
}

function LoadedTrace({ answer, story }: { answer: TraceAnswer; story: Loadable<Story> }) {
  const attempts = useMemo(() => (story.state === 'done' ? balancerAttempts(story.value) : []), [story]);
  const model = useTraceModel(answer, attempts);
  const [selected, setSelected] = useUrlState('span', '');
  const [find, setFind] = useUrlState('find', '');
  const [criticalOn, setCriticalOn] = useUrlState('critical', 'on');
  const [zoom, setZoom] = useUrlState('zoom', '');
  const { collapsed, toggle, setCollapsed } = useCollapsed(model);
  const rows = visibleRows(model.roots, collapsed);
  const spanLogs = useMemo(() => (story.state === 'done' ? logsBySpan(story.value.logs) : new Map()), [story]);
  const selectedSpan = model.spans.find((s) => s.id === selected);
  const zoomTo = (fromMs: number, toMs: number) => setZoom(zoomText(fromMs, toMs), { replace: true });
  const offsetMs = (us: number) => (us - model.originUs) / 1000;
  return (
    <div className="trace-view stack">
      <TraceHeader figures={{ traceId: answer.traceId, root: model.roots[0]?.span, spans: model.spans, originUs: model.originUs, totalUs: model.totalUs, depth: model.depth, range: model.range }} story={story.state === 'done' ? story.value : null} />
      <TraceControls
        find={find}
        onFind={(text) => setFind(text, { replace: true })}
        matches={matchesOf(model.spans, find)?.size ?? null}
        critical={criticalOn === 'on'}
        onCritical={(on) => setCriticalOn(on ? 'on' : 'off', { replace: true })}
        onExpandAll={() => setCollapsed(new Set())}
        onCollapseAll={() => setCollapsed(new Set(model.parents))}
        zoomed={zoom !== ''}
        onResetZoom={() => setZoom(null, { replace: true })}
      />
      <div className={selectedSpan ? 'trace-body with-details' : 'trace-body'}>
        <Waterfall
          rows={rows}
          view={zoomWindow(zoom, model.originUs, model.totalUs)}
          onZoom={zoomTo}
          collapsed={collapsed}
          selectedId={selectedSpan?.id ?? null}
          critical={criticalOn === 'on' ? model.critical : new Map()}
          matches={matchesOf(model.spans, find)}
          logs={spanLogs}
          attempts={model.attempts}
          onToggle={toggle}
          onSelect={(id) => setSelected(id === selected ? null : id, { replace: true })}
        />
        {selectedSpan ? <SpanDetails span={selectedSpan} logs={spanLogs.get(selectedSpan.id) ?? []} originUs={model.originUs} traceId={answer.traceId} range={model.range} onClose={() => setSelected(null, { replace: true })} onSelect={(id) => setSelected(id, { replace: true })} onZoom={() => zoomTo(offsetMs(selectedSpan.startUs), offsetMs(selectedSpan.endUs))} /> : null}
      </div>
    </div>
  );
}

/** Loads a trace and the story of the same request (for the load balancer's view). */
export function TraceView({ id }: { id: string }) {
  const trace = useApi(`trace:${id}`, (signal) => fetchTrace(id, signal));
  const story = useApi(`trace-story:${id}`, (signal) => fetchStory(id, signal));
  if (trace.state === 'loading') return <p className="muted" role="status">Loading trace {id}…</p>;
  if (trace.state === 'failed') return <p className="error-text" role="alert">Could not load trace {id}: {trace.error.message}</p>;
  if (trace.value.spans.length === 0)
    return (
      <p role="status">
        No spans are stored for trace <code>{id}</code>. The request may not have been sampled; its load-balancer record and logs may still be in{' '}
        <Link to={storyPath(id)}>its story</Link>.
      </p>
    );
  return <LoadedTrace answer={trace.value} story={story} />;
}
