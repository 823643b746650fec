import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Signal } from '@tinsel/model';
import { compileTql, parseTql } from '@tinsel/query';
import { renderSql } from '@tinsel/store';
import { duckDbDialect } from './duckdb-dialect.ts';

const range = { from: Date.parse('2026-11-24T18:00:00Z') * 1000, to: Date.parse('2026-11-24T19:00:00Z') * 1000, limit: 100, nowMs: Date.parse('2026-11-24T19:00:00Z') };

function render(text: string, signal: Signal): { text: string; params: unknown[] } {
  const parsed = parseTql(text);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
  const compiled = compileTql(duckDbDialect, parsed.value, { signal, ...range });
  assert.ok(compiled.ok, compiled.ok ? '' : compiled.reason);
  return renderSql(compiled.value.sql, duckDbDialect);
}

const RANGE = (column: string) => `"${column}" >= make_timestamp(CAST($1 AS BIGINT)) AND "${column}" < make_timestamp(CAST($2 AS BIGINT))`;

describe('compiled TQL in DuckDB SQL', () => {
  it('pages rows newest first with a hashed tiebreak', () => {
    const { text, params } = render('status:>=500 host:web-3 "connection reset"', 'requests');
    assert.equal(
      text,
      `SELECT *, "time" AS "__tinsel_cursor_time", CAST(hash("client_ip", "client_port", "trace_id", "elb_status_code", "target_ip", "target_port", "request_url", "sent_bytes") AS VARCHAR) AS "__tinsel_cursor_key" FROM "requests" WHERE ${RANGE('time')} AND ("elb_status_code" >= $3 AND "instance_id" = $4 AND (contains(lower("request_url"), $5) OR contains(lower("user_agent"), $6) OR contains(lower("domain_name"), $7) OR contains(lower("error_reason"), $8) OR contains(lower("redirect_url"), $9))) ORDER BY "time" DESC, "__tinsel_cursor_key" DESC LIMIT $10`,
    );
    assert.deepEqual(params.slice(2), [500, 'web-3', 'connection reset', 'connection reset', 'connection reset', 'connection reset', 'connection reset', 101]);
  });

  it('groups stats by aliases and orders by the requested column', () => {
    const { text, params } = render('tenant:acme AND NOT path:/health* | stats count() by target, app_version | sort -count', 'requests');
    assert.equal(
      text,
      `SELECT "target_ip" AS "b0", "app_version" AS "b1", count(*) AS "a0" FROM "requests" WHERE ${RANGE('time')} AND ("tenant" = $3 AND (NOT coalesce("request_path" LIKE $4 ESCAPE '\\', FALSE))) GROUP BY "b0", "b1" ORDER BY "a0" DESC NULLS LAST LIMIT $5`,
    );
    assert.deepEqual(params.slice(2), ['acme', '/health%', 100]);
  });

  it('buckets a timechart by the span', () => {
    const { text, params } = render('level:error service:checkout | timechart 1m count() by host', 'logs');
    assert.equal(
      text,
      `SELECT to_timestamp(floor(epoch("timestamp") / $1) * $2)::TIMESTAMP AS "t", "host" AS "b0", count(*) AS "a0" FROM "logs" WHERE "timestamp" >= make_timestamp(CAST($3 AS BIGINT)) AND "timestamp" < make_timestamp(CAST($4 AS BIGINT)) AND ("level" = $5 AND "service" = $6) GROUP BY "t", "b0" ORDER BY "t" ASC NULLS LAST, "b0" ASC NULLS LAST LIMIT $7`,
    );
    assert.deepEqual(params, [60, 60, BigInt(range.from), BigInt(range.to), 'error', 'checkout', 10_000]);
  });

  it('reads nested JSON members, percentiles and distinct counts', () => {
    const { text, params } = render('properties.Order.Id:42 | stats p95(properties.elapsed), count_distinct(trace_id) by service', 'logs');
    assert.equal(
      text,
      `SELECT "service" AS "b0", quantile_cont(TRY_CAST(json_extract_string("properties", $1) AS DOUBLE), $2) AS "a0", count(DISTINCT "trace_id") AS "a1" FROM "logs" WHERE "timestamp" >= make_timestamp(CAST($3 AS BIGINT)) AND "timestamp" < make_timestamp(CAST($4 AS BIGINT)) AND coalesce(json_extract_string("properties", $5), json_extract_string("properties", $6)) = $7 GROUP BY "b0" ORDER BY "a0" DESC NULLS LAST, "b0" ASC NULLS LAST LIMIT $8`,
    );
    assert.deepEqual([params[0], params[1], params[4], params[5], params[6]], ['$."elapsed"', 0.95, '$."Order"."Id"', '$."Order.Id"', '42']);
  });

  it('looks a trace up by its UUID form', () => {
    const { text, params } = render('trace:1-5759e988-bd862e3fe1be46a994272793', 'spans');
    assert.match(text, /AND "trace_id" = CAST\(\$3 AS UUID\) ORDER BY "start_time" DESC/);
    assert.equal(params[2], '5759e988bd862e3fe1be46a994272793');
  });
});
