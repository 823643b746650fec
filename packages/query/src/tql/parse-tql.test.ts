import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTql } from './parse-tql.ts';
import type { TqlFilter, TqlPipe } from './tql-ast.ts';

function filterOf(text: string): TqlFilter {
  const result = parseTql(text);
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return result.value.filter;
}

function pipesOf(text: string): TqlPipe[] {
  const result = parseTql(text);
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return result.value.pipes;
}

/** A compact rendering of a filter, so expectations read like the query. */
function show(filter: TqlFilter): string {
  switch (filter.kind) {
    case 'all': return '*';
    case 'and': return `(${filter.items.map(show).join(' & ')})`;
    case 'or': return `(${filter.items.map(show).join(' | ')})`;
    case 'not': return `!${show(filter.item)}`;
    case 'text': return `text(${filter.value.text}${filter.value.quoted ? ',q' : ''}${filter.value.wildcard ? ',w' : ''})`;
    case 'trace': return `trace(${filter.traceId})`;
    case 'exists': return `exists(${filter.field.name})`;
    case 'match': return `${filter.field.name}=${filter.value.text}${filter.value.wildcard ? '(w)' : ''}`;
    case 'compare': return `${filter.field.name}${filter.op}${filter.value.text}`;
    case 'range': return `${filter.field.name}${filter.lowerInclusive ? '[' : '{'}${filter.lower?.text ?? '*'},${filter.upper?.text ?? '*'}${filter.upperInclusive ? ']' : '}'}`;
  }
}

describe('parseTql filters', () => {
  it('reads field:value, comparisons and implicit AND', () => {
    assert.equal(show(filterOf('status:>=500 host:web-3 "connection reset"')), '(status>=500 & host=web-3 & text(connection reset,q))');
    assert.equal(show(filterOf('status:<400 duration:>1.5 x:<=2 y:>3')), '(status<400 & duration>1.5 & x<=2 & y>3)');
  });

  it('reads inclusive, exclusive, mixed and open ranges', () => {
    assert.equal(show(filterOf('duration:[1 TO 5]')), 'duration[1,5]');
    assert.equal(show(filterOf('duration:{1 TO 5}')), 'duration{1,5}');
    assert.equal(show(filterOf('duration:[1 TO 5}')), 'duration[1,5}');
    assert.equal(show(filterOf('time:[2026-01-01T00:00:00Z TO *]')), 'time[2026-01-01T00:00:00Z,*]');
  });

  it('marks wildcards, keeps escaped ones literal and quoted phrases exact', () => {
    assert.equal(show(filterOf('path:/health*')), 'path=/health*(w)');
    assert.equal(show(filterOf('path:/a\\*b')), 'path=/a*b');
    assert.equal(show(filterOf('"time*out"')), 'text(time*out,q)');
    assert.equal(show(filterOf('time?ut')), 'text(time?ut,w)');
    assert.equal(show(filterOf('message:"say \\"hi\\""')), 'message=say "hi"');
  });

  it('gives AND precedence over OR, honours parentheses, NOT and -', () => {
    assert.equal(show(filterOf('a OR b c')), '(text(a) | (text(b) & text(c)))');
    assert.equal(show(filterOf('(a OR b) AND c')), '((text(a) | text(b)) & text(c))');
    assert.equal(show(filterOf('tenant:acme AND NOT path:/health*')), '(tenant=acme & !path=/health*(w))');
    assert.equal(show(filterOf('-status:200 -(a b)')), '(!status=200 & !(text(a) & text(b)))');
    assert.equal(show(filterOf('NOT NOT a')), '!!text(a)');
  });

  it('reads _exists_, field:*, nested paths and values holding colons', () => {
    assert.equal(show(filterOf('_exists_:properties.Order.Id annotations.tenant:acme')), '(exists(properties.Order.Id) & annotations.tenant=acme)');
    assert.equal(show(filterOf('trace_id:*')), 'exists(trace_id)');
    assert.equal(show(filterOf('url:http://x:80/a,b')), 'url=http://x:80/a,b');
    assert.equal(show(filterOf('10:30pm')), 'text(10:30pm)');
    assert.equal(show(filterOf('https://www.example.com/a')), 'text(https://www.example.com/a)');
    assert.equal(show(filterOf('target_processing_time:-1')), 'target_processing_time=-1');
    assert.equal(show(filterOf('status: 500')), 'status=500');
  });

  it('reads trace ids in every form', () => {
    const expected = 'trace(5759e988bd862e3fe1be46a994272793)';
    assert.equal(show(filterOf('trace:1-5759e988-bd862e3fe1be46a994272793')), expected);
    assert.equal(show(filterOf('trace:5759E988BD862E3FE1BE46A994272793')), expected);
    assert.equal(show(filterOf('trace:Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1')), expected);
    assert.equal(show(filterOf('trace:"X-Amzn-Trace-Id: Root=1-5759e988-bd862e3fe1be46a994272793"')), expected);
    assert.equal(show(filterOf('trace:00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-01')), expected);
    assert.equal(show(filterOf('1-5759e988-bd862e3fe1be46a994272793')), expected);
    assert.equal(show(filterOf('Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1 level:error')), `(${expected} & level=error)`);
    assert.equal(show(filterOf('5759e988bd862e3fe1be46a994272793')), expected);
    assert.equal(show(filterOf('"5759e988bd862e3fe1be46a994272793"')), 'text(5759e988bd862e3fe1be46a994272793,q)');
    assert.equal(show(filterOf('1-5759e988-nothex')), 'text(1-5759e988-nothex)');
  });

  it('treats an empty query and * as everything', () => {
    assert.equal(show(filterOf('')), '*');
    assert.equal(show(filterOf('  * ')), '*');
    assert.equal(show(filterOf('| stats count()')), '*');
  });
});

describe('parseTql pipes', () => {
  it('reads stats with aggregations, names and by fields', () => {
    const [stats] = pipesOf('tenant:acme | stats count(), p95(duration) as slow, count_distinct(client_ip) by target, app_version');
    assert.equal(stats?.kind, 'stats');
    if (stats?.kind !== 'stats') return;
    assert.deepEqual(stats.aggs.map((a) => [a.fn, a.field?.name ?? null, a.name]), [['count', null, 'count'], ['p95', 'duration', 'slow'], ['count_distinct', 'client_ip', 'count_distinct_client_ip']]);
    assert.deepEqual(stats.by.map((b) => b.name), ['target', 'app_version']);
  });

  it('reads every aggregation', () => {
    for (const fn of ['sum', 'avg', 'min', 'max', 'p50', 'p90', 'p95', 'p99', 'count_distinct', 'count']) {
      const [stats] = pipesOf(`| stats ${fn}(duration)`);
      assert.equal(stats?.kind === 'stats' && stats.aggs[0]?.fn, fn);
    }
  });

  it('reads timechart with a span, auto or none, and by', () => {
    const [a] = pipesOf('level:error | timechart 1m count() by host');
    assert.deepEqual(a?.kind === 'timechart' && [a.spanSeconds, a.aggs[0]?.name, a.by[0]?.name], [60, 'count', 'host']);
    const [b] = pipesOf('| timechart auto avg(duration)');
    assert.deepEqual(b?.kind === 'timechart' && [b.spanSeconds, b.aggs[0]?.name], [null, 'avg_duration']);
    const [c] = pipesOf('| timechart 2h');
    assert.deepEqual(c?.kind === 'timechart' && [c.spanSeconds, c.aggs[0]?.fn], [7200, 'count']);
  });

  it('reads sort, head and fields in sequence', () => {
    const pipes = pipesOf('a | fields time,status, path | sort -status, time | head 10');
    assert.deepEqual(pipes.map((p) => p.kind), ['fields', 'sort', 'head']);
    assert.deepEqual(pipes[0]?.kind === 'fields' && pipes[0].fields.map((f) => f.name), ['time', 'status', 'path']);
    assert.deepEqual(pipes[1]?.kind === 'sort' && pipes[1].keys.map((k) => [k.name, k.descending]), [['status', true], ['time', false]]);
    assert.equal(pipes[2]?.kind === 'head' && pipes[2].count, 10);
  });
});

describe('parseTql errors', () => {
  const cases: [string, number, RegExp][] = [
    ['status:>=', 10, /value to compare status/],
    ['status:', 8, /a value for status/],
    ['(a OR b', 8, /"\)"/],
    ['a )', 3, /AND, OR, another term/],
    ['"open phrase', 1, /closing "/],
    ['duration:[1 5]', 13, /"TO"/],
    ['duration:[1 TO 5', 17, /"\]" or "\}"/],
    ['AND a', 1, /search term/],
    ['a OR', 5, /search term/],
    ['a | bogus', 5, /stats, timechart, sort, head or fields/],
    ['a | stats', 10, /aggregation/],
    ['a | stats avg()', 11, /a field/],
    ['a | stats median(x)', 11, /aggregation/],
    ['a | stats count() by', 21, /field to group by/],
    ['a | head 0', 10, /number of rows/],
    ['a | head ten', 10, /number of rows/],
    ['a | sort', 9, /field to sort by/],
    ['a | stats count() x', 19, /"\|" or the end/],
    ['trace:nope', 7, /trace id/],
  ];
  for (const [query, column, expected] of cases) {
    it(`points at column ${column} of ${JSON.stringify(query)}`, () => {
      const result = parseTql(query);
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.equal(result.column, column, result.reason);
      assert.match(`${result.expected} ${result.reason}`, expected);
      assert.match(result.reason, /column \d+/);
    });
  }

  it('refuses nesting too deep for the parser instead of overflowing the stack', () => {
    const result = parseTql(`${'('.repeat(5000)}a${')'.repeat(5000)}`);
    assert.equal(result.ok, false);
  });
});
