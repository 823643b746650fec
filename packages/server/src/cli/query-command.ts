import { signals, type Signal } from '@tinsel/model';
import { decodeCursor, explainTql, parseTime, parseTql, runTql, traceEpochOf, traceWindow, type TqlQuery } from '@tinsel/query';
import type { ResultRow } from '@tinsel/store';
import { openTinsel } from '../open-tinsel.ts';
import type { TinselConfig } from '../config/config.ts';
import { parseCommand } from './common-options.ts';
import { findServer, serverFetch } from './find-server.ts';
import { formatRows, type RowFormat } from './format-rows.ts';

interface QueryAnswer {
  rows: ResultRow[];
  cursor?: string;
  explanation?: string;
  stats: { scanned: number | null; matched: number | null };
}

interface QueryRequest {
  query: string;
  signal: Signal;
  /** Absent for a trace lookup with no range given: the trace's own time decides. */
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

class QueryRefused extends Error {
  constructor(message: string, readonly column: number | null) {
    super(message);
  }
}

/** `tinsel query '<tql>'`: through a running server when one answers, else on the data folder. */
export async function runQuery(args: string[]): Promise<number> {
  const { config, values, positionals } = parseCommand(args, {
    signal: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, limit: { type: 'string' }, format: { type: 'string' }, cursor: { type: 'string' }, explain: { type: 'boolean' },
  });
  const format = (values.format ?? 'table') as RowFormat;
  if (!['table', 'json', 'csv'].includes(format)) throw new Error('--format: expected table, json or csv');
  const signal = (values.signal ?? 'requests') as Signal;
  if (!signals.includes(signal)) throw new Error(`--signal: expected one of ${signals.join(', ')}`);
  const limit = Number(values.limit ?? 100);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new Error('--limit: expected an integer from 1 to 10000');
  const query = positionals.join(' ');
  const range = values.from === undefined && values.to === undefined && isTraceLookup(query) ? {} : { from: String(values.from ?? '-1h'), to: String(values.to ?? 'now') };
  const request: QueryRequest = { query, signal, ...range, limit, ...(values.cursor ? { cursor: String(values.cursor) } : {}) };
  const server = await findServer(values.server as string | undefined, config.listen.port, values.direct === true);
  let answer: QueryAnswer;
  try {
    answer = server ? await queryServer(server, request) : await queryDirectly(config, request);
  } catch (error) {
    if (!(error instanceof QueryRefused)) throw error;
    process.stderr.write(`tinsel query: ${error.message}\n${error.column === null ? '' : `  ${request.query}\n  ${' '.repeat(error.column - 1)}^\n`}`);
    return 2;
  }
  if (values.explain && answer.explanation) process.stderr.write(`${answer.explanation}\n`);
  process.stdout.write(formatRows(answer.rows, format, signal));
  process.stderr.write(summary(answer));
  return 0;
}

async function queryServer(server: string, request: QueryRequest): Promise<QueryAnswer> {
  const response = await serverFetch(`${server}/api/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
  const body = (await response.json()) as QueryAnswer & { error?: string; message?: string; column?: number };
  if (response.status === 400) throw new QueryRefused(body.message ?? String(body.error), body.column ?? null);
  if (!response.ok) throw new Error(`${body.error ?? response.status}: ${body.message ?? ''}`);
  return body;
}

function isTraceLookup(text: string): boolean {
  const parsed = parseTql(text);
  return parsed.ok && traceEpochOf(parsed.value.filter) !== null;
}

/** The range asked for; a trace lookup without one looks near the id's time, then (when that finds nothing) everywhere. */
function rangesFor(request: QueryRequest, query: TqlQuery, now: number): { from: number; to: number }[] {
  const window = request.from === undefined ? traceWindow(traceEpochOf(query.filter)) : null;
  if (window) return [window, { from: 0, to: (now + 86_400_000) * 1000 }];
  const from = parseTime(request.from ?? '-1h', now);
  const to = parseTime(request.to ?? 'now', now);
  if (!from.ok) throw new QueryRefused(`--from: ${from.reason}`, null);
  if (!to.ok) throw new QueryRefused(`--to: ${to.reason}`, null);
  return [{ from: from.value, to: to.value + 1 }];
}

async function queryDirectly(config: TinselConfig, request: QueryRequest): Promise<QueryAnswer> {
  const now = Date.now();
  const cursor = request.cursor === undefined ? null : decodeCursor(request.cursor);
  if (cursor && !cursor.ok) throw new QueryRefused(cursor.reason, null);
  const parsed = parseTql(request.query);
  if (!parsed.ok) throw new QueryRefused(parsed.reason, parsed.column);
  const ranges = rangesFor(request, parsed.value, now);
  const tinsel = await openTinsel(config);
  try {
    let answer;
    for (const range of ranges) {
      answer = await runTql(tinsel.store, parsed.value, { signal: request.signal, ...range, limit: request.limit, cursor: cursor?.ok ? cursor.value : null, nowMs: now });
      if (!answer.ok) throw new QueryRefused(answer.reason, answer.column);
      if (answer.value.total !== 0) break;
    }
    if (!answer?.ok) throw new Error('no time range to query');
    const { rows, cursor: next, scanned, total } = answer.value;
    return { rows, ...(next ? { cursor: next } : {}), explanation: explainTql(parsed.value, request.signal), stats: { scanned, matched: total } };
  } finally {
    await tinsel.close();
  }
}

function summary(answer: QueryAnswer): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const of = answer.stats.matched === null ? '' : ` of ${n(answer.stats.matched)} matching`;
  const scanned = answer.stats.scanned === null ? '' : ` (${n(answer.stats.scanned)} in range)`;
  const more = answer.cursor ? `; next page: --cursor ${answer.cursor}` : '';
  return `${n(answer.rows.length)} rows${of}${scanned}${more}\n`;
}
