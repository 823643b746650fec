import type { Story, StoryLog, StoryRequest, StorySpan } from '@tinsel/query';

const BAR_WIDTH = 40;
const headings: Record<Story['classification']['kind'], string> = {
  served: 'SERVED',
  'client-error': 'CLIENT ERROR',
  'failed-in-app': 'FAILED IN APP',
  'died-at-load-balancer': 'DIED AT THE LOAD BALANCER',
  unknown: 'UNKNOWN OUTCOME',
};

/** One line of the timeline: where it starts, what it covers, what it says. */
interface Row {
  at: number;
  end: number | null;
  label: string;
}

/**
 * A story as a terminal timeline: the verdict and enrichment first, then
 * each ALB attempt with its phases as bars, the span waterfall indented by
 * depth inside it, and log lines interleaved at their times.
 *
 * @example
 * process.stdout.write(renderStory(story));
 */
export function renderStory(story: Story): string {
  const total = Math.max(1, ...story.requests.map((r) => r.endMs), ...story.spans.map((s) => s.endMs ?? s.startMs), ...story.logs.map((l) => l.atMs));
  const lines = [
    `story ${story.xrayId}  (${story.traceId})`,
    `${headings[story.classification.kind]}  ${story.classification.reason}`,
    enrichmentLine(story.enrichment),
    `unaccounted ${story.unaccountedMs === null ? '-' : `${story.unaccountedMs.toFixed(1)} ms`} (ALB target time the root span does not cover: network, queueing, thread-pool wait)`,
    `time 0 = ${story.origin}; bars span 0 to ${formatMs(total)}`,
  ].filter((line) => line !== '');
  for (const request of story.requests) {
    lines.push('', attemptHeading(request));
    lines.push(...rows(phaseRows(request), story.spans.filter((s) => s.attempt === request.attempt), story.logs.filter((l) => l.attempt === request.attempt)).map((r) => format(r, total)));
  }
  const loose = [story.spans.filter((s) => s.attempt === null), story.logs.filter((l) => l.attempt === null)] as const;
  if (loose[0].length + loose[1].length > 0) {
    lines.push('', story.requests.length === 0 ? 'no load-balancer record' : 'not tied to a load-balancer record');
    lines.push(...rows([], loose[0], loose[1]).map((r) => format(r, total)));
  }
  return `${lines.join('\n')}\n`;
}

function attemptHeading(r: StoryRequest): string {
  const statuses = `${r.elb_status_code ?? '-'}/${r.target_status_code ?? '-'}`;
  const self = r.self ? `  Self=${r.self}` : '';
  return `attempt ${r.attempt}  ${String(r.request_method ?? '-')} ${String(r.request_path ?? '-')}  ALB/target ${statuses}  ${r.outcome.kind}${self}`;
}

function phaseRows(r: StoryRequest): Row[] {
  if (r.phases.length === 0) return [{ at: r.startMs, end: r.endMs, label: `ALB held the request ${formatMs(r.endMs - r.startMs)}; no phase timings (-1)` }];
  const rows: Row[] = r.phases.map((p) => ({ at: p.startMs, end: p.endMs, label: `ALB ${p.name} processing ${formatMs(p.durationMs)}` }));
  const last = r.phases[r.phases.length - 1]!;
  // A target phase of -1 with the others timed: the wait for the target is the rest of the interval.
  if (!r.phases.some((p) => p.name === 'target')) rows.push({ at: last.endMs, end: r.endMs, label: `ALB waited ${formatMs(r.endMs - last.endMs)} for the target; no answer (-1)` });
  return rows;
}

/** The phases, then spans in waterfall order with each log line placed before the first span that starts after it. */
function rows(phases: Row[], spans: StorySpan[], logs: StoryLog[]): Row[] {
  const out = [...phases];
  const pending = [...logs].sort((a, b) => a.atMs - b.atMs);
  for (const span of spans) {
    while (pending.length > 0 && pending[0]!.atMs < span.startMs) out.push(logRow(pending.shift()!));
    out.push(spanRow(span));
  }
  out.push(...pending.map(logRow));
  return out;
}

function spanRow(s: StorySpan): Row {
  const status = s.status === 'ok' ? '' : ` [${String(s.status)}]`;
  const duration = typeof s.duration_ms === 'number' ? ` ${formatMs(s.duration_ms)}` : ' (in progress)';
  return { at: s.startMs, end: s.endMs, label: `${'  '.repeat(s.depth)}${String(s.service)}: ${String(s.name)}${status}${duration}${exceptionOf(s)}` };
}

function logRow(l: StoryLog): Row {
  const properties = l.properties ? `  ${compact(l.properties)}` : '';
  const exception = typeof l.exception === 'string' ? `\n${' '.repeat(BAR_WIDTH + 13)}${l.exception.split('\n', 1)[0]}` : '';
  return { at: l.atMs, end: null, label: `${String(l.level).toUpperCase().padEnd(5)} ${String(l.message ?? l.message_template ?? '')}${properties}${exception}` };
}

function exceptionOf(s: StorySpan): string {
  if (typeof s.exceptions !== 'string') return '';
  try {
    const first = (JSON.parse(s.exceptions) as { type?: string; message?: string }[])[0];
    return first ? `  ${[first.type, first.message].filter(Boolean).join(': ')}` : '';
  } catch {
    return '';
  }
}

function format(row: Row, total: number): string {
  const cells = Array.from({ length: BAR_WIDTH }, () => ' ');
  const from = Math.min(BAR_WIDTH - 1, Math.max(0, Math.floor((row.at / total) * BAR_WIDTH)));
  if (row.end === null) cells[from] = '◆';
  else {
    const to = Math.min(BAR_WIDTH, Math.max(from + 1, Math.round((row.end / total) * BAR_WIDTH)));
    for (let i = from; i < to; i++) cells[i] = '█';
  }
  return `${formatMs(row.at).padStart(9)} |${cells.join('')}| ${row.label}`;
}

function enrichmentLine(e: Story['enrichment']): string {
  const parts = Object.entries(e).filter(([, v]) => v !== null && v !== '').map(([k, v]) => `${k}=${String(v)}`);
  return parts.join('  ');
}

function compact(properties: Record<string, unknown>): string {
  const text = Object.entries(properties).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' ');
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

function formatMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(1)} ms`;
}
