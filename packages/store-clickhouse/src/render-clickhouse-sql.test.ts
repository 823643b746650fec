import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ident, sql } from '@tinsel/store';
import { clickHouseFeatures } from './clickhouse-features.ts';
import { renderClickHouseSql } from './render-clickhouse-sql.ts';

describe('renderClickHouseSql', () => {
  const hostile = "x'); DROP TABLE requests; -- \\'";

  it('writes text values as escaped literals for 18.16, which has no query parameters', () => {
    const { text, params } = renderClickHouseSql(sql`SELECT ${ident('a`b')} FROM t WHERE s = ${hostile} AND n > ${-3} LIMIT ${10}`, clickHouseFeatures('18.16.1'));
    assert.equal(text, "SELECT `a\\`b` FROM t WHERE s = 'x\\'); DROP TABLE requests; -- \\\\\\'' AND n > (-3) LIMIT 10");
    assert.deepEqual(params, {});
  });

  it('binds text values as server-side parameters where the server has them', () => {
    const { text, params } = renderClickHouseSql(sql`SELECT 1 FROM t WHERE s = ${hostile} AND q = quantile(${0.5})(x)`, clickHouseFeatures('24.8'));
    assert.equal(text, 'SELECT 1 FROM t WHERE s = {p1:String} AND q = quantile(0.5)(x)');
    assert.deepEqual(params, { p1: hostile });
  });

  it('rewrites TRUE and positional GROUP BY only for old servers', () => {
    const query = sql`SELECT f(x) AS b, count() AS n FROM t WHERE TRUE GROUP BY 1 ORDER BY 1`;
    assert.equal(renderClickHouseSql(query, clickHouseFeatures('18.16.1')).text, 'SELECT f(x) AS b, count() AS n FROM t WHERE 1 GROUP BY b ORDER BY b');
    assert.equal(renderClickHouseSql(query, clickHouseFeatures('24.8')).text, 'SELECT f(x) AS b, count() AS n FROM t WHERE TRUE GROUP BY 1 ORDER BY 1');
  });

  it('states a trace id equality so that a sort key on ifNull(trace_id, \'\') serves it too', () => {
    const id = '5759e988bd862e3fe1be46a994272793';
    const query = sql`SELECT * FROM logs WHERE trace_id = ${id} AND s.trace_id = ${id} AND xtrace_id = ${id}`;
    assert.equal(
      renderClickHouseSql(query, clickHouseFeatures('18.16.1')).text,
      `SELECT * FROM logs WHERE (trace_id = '${id}' AND ifNull(trace_id, '') = '${id}') AND s.trace_id = '${id}' AND xtrace_id = '${id}'`,
    );
    const current = renderClickHouseSql(sql`SELECT 1 FROM spans WHERE ${ident('trace_id')} = ${id}`, clickHouseFeatures('24.8'));
    assert.equal(current.text, "SELECT 1 FROM spans WHERE (trace_id = {p1:String} AND ifNull(trace_id, '') = {p1:String})");
    assert.deepEqual(current.params, { p1: id });
  });
});
