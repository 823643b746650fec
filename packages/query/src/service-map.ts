import { sql, type Dialect, type Sql } from '@tinsel/store';

// Every query here reads `spans` unaliased, with its columns unqualified, and
// joins only subqueries whose columns are renamed apart: ClickHouse 18.16
// loses table aliases when it sends a query over a Distributed table to the
// shards ("Unknown identifier: c.trace_id"), and has no correlated
// subqueries. On a cluster the joined side runs on each shard's local table,
// which is exact because every table is sharded by trace id.

/** What every edge reports about the callee's spans (the unqualified columns): failures by kind and latency. */
function callFigures(dialect: Dialect): Sql {
  return sql`sum(CASE WHEN status = 'error' THEN 1 ELSE 0 END) AS errors,
      sum(CASE WHEN status = 'fault' THEN 1 ELSE 0 END) AS faults,
      sum(CASE WHEN status = 'throttle' THEN 1 ELSE 0 END) AS throttles,
      ${dialect.quantile(sql`duration_ms`, 0.5)} AS p50_ms,
      ${dialect.quantile(sql`duration_ms`, 0.95)} AS p95_ms,
      ${dialect.quantile(sql`duration_ms`, 0.99)} AS p99_ms`;
}

function window(dialect: Dialect, column: Sql, from: number, to: number): Sql {
  return sql`${column} >= ${dialect.timestamp(from)} AND ${column} < ${dialect.timestamp(to)}`;
}

/**
 * Calls between services: a span whose parent belongs to another service is
 * a call from that service to this one (an OpenTelemetry client span and the
 * server span it caused). Count, failures and latency of the callee's side.
 */
export function serviceCalls(dialect: Dialect, from: number, to: number): Sql {
  return sql`SELECT parent_service AS source, service AS target, count(*) AS calls,
      ${callFigures(dialect)}
    FROM spans JOIN (SELECT trace_id AS parent_trace_id, span_id AS parent_id, service AS parent_service FROM spans) AS parents
      ON trace_id = parent_trace_id AND parent_span_id = parent_id
    WHERE ${window(dialect, sql`start_time`, from, to)} AND service <> parent_service AND service <> ''
    GROUP BY parent_service, service`;
}

/**
 * Calls out to what sends no spans of its own: client spans (X-Ray remote
 * and AWS subsegments, OpenTelemetry client spans) with no child span. The
 * callee is named by its database server, else by the span's name (X-Ray
 * names a remote subsegment after the host it calls).
 */
export function remoteCalls(dialect: Dialect, from: number, to: number): Sql {
  return sql`SELECT service AS source, coalesce(db_server, name) AS target, count(*) AS calls,
      ${callFigures(dialect)}
    FROM spans
    WHERE ${window(dialect, sql`start_time`, from, to)} AND kind = 'client' AND service <> ''
      AND (trace_id, span_id) NOT IN (SELECT trace_id, parent_span_id FROM spans WHERE parent_span_id IS NOT NULL)
    GROUP BY service, coalesce(db_server, name)`;
}

/**
 * The load balancer in front: root spans whose trace id an ALB access-log
 * row shares, grouped by load balancer and the service that answered.
 */
export function loadBalancerCalls(dialect: Dialect, from: number, to: number): Sql {
  return sql`SELECT lb_name AS source, service AS target, count(*) AS calls,
      ${callFigures(dialect)}
    FROM spans JOIN (SELECT trace_id AS request_trace_id, lb_name FROM requests WHERE lb_name IS NOT NULL) AS balancers
      ON trace_id = request_trace_id
    WHERE ${window(dialect, sql`start_time`, from, to)} AND parent_span_id IS NULL
    GROUP BY lb_name, service`;
}

/** Spans per service in the window, with failures: the nodes' own figures. */
export function serviceNodes(dialect: Dialect, from: number, to: number): Sql {
  return sql`SELECT service, count(*) AS spans,
      sum(CASE WHEN status = 'error' THEN 1 ELSE 0 END) AS errors,
      sum(CASE WHEN status = 'fault' THEN 1 ELSE 0 END) AS faults,
      sum(CASE WHEN status = 'throttle' THEN 1 ELSE 0 END) AS throttles
    FROM spans WHERE ${window(dialect, sql`start_time`, from, to)} AND service <> ''
    GROUP BY service`;
}
