import { sql, type Dialect, type Sql } from '@tinsel/store';

/** What every edge reports about the callee's spans (alias `c`): failures by kind and latency. */
function callFigures(dialect: Dialect): Sql {
  return sql`sum(CASE WHEN c.status = 'error' THEN 1 ELSE 0 END) AS errors,
      sum(CASE WHEN c.status = 'fault' THEN 1 ELSE 0 END) AS faults,
      sum(CASE WHEN c.status = 'throttle' THEN 1 ELSE 0 END) AS throttles,
      ${dialect.quantile(sql`c.duration_ms`, 0.5)} AS p50_ms,
      ${dialect.quantile(sql`c.duration_ms`, 0.95)} AS p95_ms,
      ${dialect.quantile(sql`c.duration_ms`, 0.99)} AS p99_ms`;
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
  return sql`SELECT p.service AS source, c.service AS target, count(*) AS calls,
      ${callFigures(dialect)}
    FROM spans AS c JOIN spans AS p ON c.trace_id = p.trace_id AND c.parent_span_id = p.span_id
    WHERE ${window(dialect, sql`c.start_time`, from, to)} AND c.service <> p.service AND c.service <> ''
    GROUP BY p.service, c.service`;
}

/**
 * Calls out to what sends no spans of its own: client spans (X-Ray remote
 * and AWS subsegments, OpenTelemetry client spans) with no child span. The
 * callee is named by its database server, else by the span's name (X-Ray
 * names a remote subsegment after the host it calls).
 */
export function remoteCalls(dialect: Dialect, from: number, to: number): Sql {
  return sql`SELECT c.service AS source, coalesce(c.db_server, c.name) AS target, count(*) AS calls,
      ${callFigures(dialect)}
    FROM spans AS c
    WHERE ${window(dialect, sql`c.start_time`, from, to)} AND c.kind = 'client' AND c.service <> ''
      AND NOT EXISTS (SELECT 1 FROM spans AS k WHERE k.trace_id = c.trace_id AND k.parent_span_id = c.span_id)
    GROUP BY c.service, coalesce(c.db_server, c.name)`;
}

/**
 * The load balancer in front: root spans whose trace id an ALB access-log
 * row shares, grouped by load balancer and the service that answered.
 */
export function loadBalancerCalls(dialect: Dialect, from: number, to: number): Sql {
  return sql`SELECT r.lb_name AS source, c.service AS target, count(*) AS calls,
      ${callFigures(dialect)}
    FROM spans AS c JOIN requests AS r ON r.trace_id = c.trace_id
    WHERE ${window(dialect, sql`c.start_time`, from, to)} AND c.parent_span_id IS NULL AND r.lb_name IS NOT NULL
    GROUP BY r.lb_name, c.service`;
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
