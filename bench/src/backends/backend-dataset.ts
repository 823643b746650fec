import type { LogRecord, RequestRecord, SpanRecord } from '@tinsel/model';

/** 2026-11-25T00:00:00Z, as the query benchmark uses: a fixed day, so ids and answers repeat. */
export const BACKEND_DATASET_START_MICROS = Date.UTC(2026, 10, 25) * 1000;
export const BACKEND_DATASET_DAY_MICROS = 86_400_000_000;
/** Every 100,003rd log line carries this token, and no other line does. */
export const BACKEND_RARE_TOKEN = 'ZXQV7RARE';

/** One batch of the dataset: the rows of a run of consecutive requests. */
export interface BackendBatch {
  requests: RequestRecord[];
  spans: SpanRecord[];
  logs: LogRecord[];
}

const PATHS = ['orders', 'cart', 'search', 'users', 'checkout'];
const AZS = ['us-east-2a', 'us-east-2b', 'us-east-2c'];
const hex8 = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');

/** A 32-bit integer hash (murmur3's finaliser): cheap, seedless, the same on every machine. */
function mix(i: number): number {
  let z = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** The status of request `i`: 0.1% die at the load balancer (502), 1% fail in the app (500), 2% are 404. */
export function statusOf(i: number): number {
  return i % 1009 === 0 ? 502 : i % 97 === 0 ? 500 : i % 53 === 0 ? 404 : 200;
}

/** The trace id of request `i` of `total`: its arrival second first, as X-Ray ids carry it, then unique digits. */
export function traceIdOf(i: number, total: number): string {
  const second = Math.floor(arrivalOf(i, total) / 1e6);
  return `${hex8(second)}${hex8(mix(i))}${hex8(mix(i + 0x5bd1e995))}${hex8(i)}`;
}

function arrivalOf(i: number, total: number): number {
  return BACKEND_DATASET_START_MICROS + Math.floor((i * BACKEND_DATASET_DAY_MICROS) / total);
}

/**
 * The rows of requests `first` … `first + count - 1` of a dataset of `total`
 * requests spread in time order over one day, shaped as the query benchmark's
 * DuckDB-generated dataset: one ALB row per request; for every other request
 * that reached the app, a server span on `web` and its client call to the
 * tenant's database (or to `search` for search paths, which answers with a
 * span of its own); three log lines per request that reached the app. The
 * same arguments give the same rows.
 */
export function backendBatch(first: number, count: number, total: number): BackendBatch {
  const batch: BackendBatch = { requests: [], spans: [], logs: [] };
  for (let i = first; i < first + count && i < total; i++) {
    const h = mix(i);
    const status = statusOf(i);
    const arrival = arrivalOf(i, total);
    const traceId = traceIdOf(i, total);
    const tpMicros = 5000 + (h % 200_000);
    batch.requests.push(requestRow(i, h, status, arrival, traceId, tpMicros));
    if (status === 502) continue;
    if (i % 2 === 0) batch.spans.push(...spanRows(i, status, arrival, traceId, tpMicros));
    for (let n = 0; n < 3; n++) batch.logs.push(logRow(i, n, status, arrival, traceId));
  }
  return batch;
}

function requestRow(i: number, h: number, status: number, arrival: number, traceId: string, tpMicros: number): RequestRecord {
  const died = status === 502;
  const path = `/api/${PATHS[i % 5]!}/${h % 100_000}`;
  const tenant = i % 50;
  return {
    time: arrival + (died ? 3000 : 1000 + tpMicros), type: 'https', elb: 'app/shop-prod/50dc6c495c0c9188',
    client_ip: `198.51.${i % 250}.${h % 250}`, client_port: 40_000 + (i % 20_000), target_ip: `10.0.1.${i % 40}`, target_port: 8080,
    request_processing_time: died ? null : 0.001, target_processing_time: died ? null : tpMicros / 1e6, response_processing_time: died ? null : 0,
    timing_unavailable: died, elb_status_code: status, target_status_code: died ? null : status,
    received_bytes: 512, sent_bytes: 1024 + (h % 5000), request_method: i % 5 === 0 ? 'POST' : 'GET',
    request_url: `https://shop.example.com:443${path}`, request_protocol: 'HTTP/1.1', request_host: 'shop.example.com', request_port: 443,
    request_path: path, request_query: null, user_agent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)',
    ssl_cipher: 'ECDHE-RSA-AES128-GCM-SHA256', ssl_protocol: 'TLSv1.2',
    target_group_arn: 'arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/web/73e2d6bc24d8a067',
    trace_id: traceId, trace_fields: null, domain_name: 'shop.example.com', chosen_cert_arn: null, matched_rule_priority: 1,
    request_creation_time: arrival, actions_executed: 'forward', redirect_url: null, error_reason: null,
    target_port_list: null, target_status_code_list: null, classification: null, classification_reason: null,
    conn_trace_id: null, transformed_host: null, transformed_uri: null, request_transform_status: null, extra_fields: null,
    lb_name: 'shop-prod', account_id: '123456789012', region: 'us-east-2', tenant: `tenant-${tenant}`,
    db_server: `db-${i % 6}`, db_name: `shop_${tenant}`, site_tier: tenant < 5 ? 'gold' : 'standard',
    instance_id: `i-0${(i % 40).toString(16).padStart(15, '0')}`, ami_id: 'ami-0abc', app_version: `4.2.${(h >>> 8) % 4}`,
    az: AZS[i % 3]!, asg: 'web-asg', source: 'bench',
  };
}

function spanRows(i: number, status: number, arrival: number, traceId: string, tpMicros: number): SpanRecord[] {
  const server = hex8(mix(i * 2 + 1)) + hex8(i);
  const client = hex8(mix(i * 2 + 2)) + hex8(i);
  const search = i % 5 === 2;
  const span = (role: number, extra: Partial<SpanRecord>): SpanRecord => {
    const start = arrival + 3000 + role * 1000;
    const duration = tpMicros - 4000 - role * 2000;
    return {
      trace_id: traceId, span_id: role === 0 ? server : client, parent_span_id: null, service: 'web', name: 'GET /api/orders/{id}', kind: 'server',
      start_time: start, end_time: start + duration, duration_ms: duration / 1000, status: 'ok', in_progress: false,
      http_method: null, http_url: null, http_status: null, sql_query: null, db_server: null, exceptions: null,
      annotations: null, attributes: null, resource: '{"service.name":"web"}', origin: 'AWS::EC2::Instance', host: `ip-10-0-1-${i % 40}`, source: 'otlp',
      ...extra,
    };
  };
  const fault = status === 500;
  const rows = [
    span(0, { status: fault ? 'fault' : status === 404 ? 'error' : 'ok', http_method: 'GET', http_status: status }),
    span(1, search
      ? { parent_span_id: server, name: 'search', kind: 'client' }
      : { parent_span_id: server, name: 'SELECT orders', kind: 'client', sql_query: 'SELECT * FROM orders WHERE id = ?', db_server: `db-${i % 6}`, status: fault ? 'fault' : 'ok',
          exceptions: fault ? '[{"type":"SqlException","message":"Timeout expired"}]' : null }),
  ];
  if (search) rows.push(span(2, { parent_span_id: client, service: 'search', name: 'POST /query', resource: '{"service.name":"search"}' }));
  return rows;
}

function logRow(i: number, n: number, status: number, arrival: number, traceId: string): LogRecord {
  const failed = status === 500 && n === 2;
  const rare = (i * 3 + n) % 100_003 === 17;
  const templates = ['Request started for order {OrderId}', 'Loaded basket of order {OrderId}', 'Request finished for order {OrderId}'];
  const words = ['Request started for order ', 'Loaded basket of order ', 'Request finished for order '];
  return {
    timestamp: arrival + 3500 + n * 1000, level: failed ? 'error' : 'info',
    message: rare ? `Payment declined with code ${BACKEND_RARE_TOKEN} for order ${i}` : failed ? `Order ${i} failed` : `${words[n]!}${i}`,
    message_template: failed ? 'Order {OrderId} failed' : templates[n]!,
    exception: failed ? 'System.Data.SqlClient.SqlException: Timeout expired' : null,
    properties: `{"OrderId":${i},"Tenant":"tenant-${i % 50}","RequestPath":"/api/orders"}`,
    trace_id: traceId, span_id: hex8(mix(i * 2 + 1)) + hex8(i), service: 'web', host: `ip-10-0-1-${i % 40}`, source: 'seq-clef',
  };
}
