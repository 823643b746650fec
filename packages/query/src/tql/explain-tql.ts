import type { Signal } from '@tinsel/model';
import { formatInterval } from './auto-interval.ts';
import { catalogueFor } from './field-catalogue.ts';
import { resolveField } from './resolve-field.ts';
import type { TqlAgg, TqlFieldRef, TqlFilter, TqlPipe, TqlQuery, TqlValue } from './tql-ast.ts';

const COMPARE: Record<string, string> = { '>': 'is more than', '>=': 'is at least', '<': 'is less than', '<=': 'is at most' };
const AGG: Record<string, string> = { count: 'count', sum: 'sum', avg: 'average', min: 'minimum', max: 'maximum', p50: 'median', p90: '90th percentile', p95: '95th percentile', p99: '99th percentile', count_distinct: 'distinct count' };

/**
 * A query in plain English, for a tooltip or `--explain`. With a signal,
 * aliases are shown with the field they stand for.
 *
 * @example
 * explainTql(parseTql('status:>=500 | stats count() by path').value, 'requests')
 * // 'Requests where status (elb_status_code) is at least 500, then the count per path, largest first.'
 */
export function explainTql(query: TqlQuery, signal?: Signal): string {
  const subject = signal ? signal[0]!.toUpperCase() + signal.slice(1) : 'Records';
  const name = (ref: TqlFieldRef) => fieldName(ref, signal);
  const filter = query.filter.kind === 'all' ? `All ${subject.toLowerCase()}` : `${subject} where ${explainFilter(query.filter, name, signal, false)}`;
  const sorted = query.pipes.some((pipe) => pipe.kind === 'sort');
  const pipes = query.pipes.map((pipe) => explainPipe(pipe, name, sorted));
  return `${[filter, ...pipes].join(', then ')}.`;
}

function fieldName(ref: TqlFieldRef, signal: Signal | undefined): string {
  if (!signal) return ref.name;
  const resolved = resolveField(catalogueFor(signal), ref);
  if (!resolved.ok || resolved.value.path.length > 0 || resolved.value.field.name === ref.name) return ref.name;
  return `${ref.name} (${resolved.value.field.name})`;
}

function quote(value: TqlValue): string {
  return JSON.stringify(value.text);
}

function explainFilter(filter: TqlFilter, name: (ref: TqlFieldRef) => string, signal: Signal | undefined, nested: boolean): string {
  const inner = (f: TqlFilter) => explainFilter(f, name, signal, true);
  switch (filter.kind) {
    case 'all':
      return 'anything';
    case 'and':
      return wrap(filter.items.map(inner).join(' and '), nested);
    case 'or':
      return wrap(`either ${filter.items.map(inner).join(' or ')}`, nested);
    case 'not':
      return `not ${wrap(inner(filter.item), true)}`;
    case 'text': {
      const fields = signal ? catalogueFor(signal).textFields.join(' or ') : 'a text field';
      return `${fields} ${filter.value.wildcard ? 'matches' : 'contains'} ${quote(filter.value)}`;
    }
    case 'trace':
      return `it belongs to trace ${filter.traceId}`;
    case 'exists':
      return `${name(filter.field)} has a value`;
    case 'match':
      return `${name(filter.field)} ${filter.value.wildcard ? 'matches' : /^[1-5]xx$/i.test(filter.value.text) ? 'is in' : 'is'} ${quote(filter.value)}`;
    case 'compare':
      return `${name(filter.field)} ${COMPARE[filter.op]} ${filter.value.text}`;
    case 'range': {
      const low = filter.lower ? `${filter.lowerInclusive ? 'at least' : 'more than'} ${filter.lower.text}` : null;
      const high = filter.upper ? `${filter.upperInclusive ? 'at most' : 'less than'} ${filter.upper.text}` : null;
      return `${name(filter.field)} is ${[low, high].filter((x) => x !== null).join(' and ') || 'any value'}`;
    }
  }
}

function wrap(text: string, nested: boolean): string {
  return nested ? `(${text})` : text;
}

function explainAggs(aggs: readonly TqlAgg[], name: (ref: TqlFieldRef) => string): string {
  const one = (agg: TqlAgg) => (agg.field === null ? 'the count' : `the ${AGG[agg.fn]} of ${name(agg.field)}`) + (agg.name !== agg.fn && agg.field === null ? ` as ${agg.name}` : '');
  return aggs.map(one).join(', ');
}

function explainPipe(pipe: TqlPipe, name: (ref: TqlFieldRef) => string, sorted: boolean): string {
  switch (pipe.kind) {
    case 'stats': {
      const by = pipe.by.length > 0 ? ` per ${pipe.by.map(name).join(' and ')}` : '';
      return `${explainAggs(pipe.aggs, name)}${by}${pipe.by.length > 0 && !sorted ? ', largest first' : ''}`;
    }
    case 'timechart': {
      const span = pipe.spanSeconds === null ? 'automatic' : formatInterval(pipe.spanSeconds);
      const by = pipe.by.length > 0 ? `, one series per ${pipe.by.map(name).join(' and ')}` : '';
      return `${explainAggs(pipe.aggs, name)} over time in ${span} buckets${by}`;
    }
    case 'sort':
      return `sorted by ${pipe.keys.map((k) => `${k.name} ${k.descending ? 'descending' : 'ascending'}`).join(', ')}`;
    case 'head':
      return `the first ${pipe.count}`;
    case 'fields':
      return `showing only ${pipe.fields.map((f) => f.name).join(', ')}`;
  }
}
