import type { SyntheticSpan } from './synthetic-span.ts';

const HEADER = '{"format":"json","version":1}\n';

type Document = Record<string, unknown>;

/** One datagram and the number of spans (segment and subsegments) it carries. */
export interface XrayDatagram {
  bytes: Buffer;
  spans: number;
}

/**
 * The UDP datagrams the X-Ray SDK for Node.js sends the daemon for one
 * trace: one per segment (a service's server span), each holding that
 * service's calls as subsegments — remote HTTP calls, SQL queries, Redis
 * commands and local work — the way the SDK nests them.
 *
 * @example
 * for (const { bytes } of encodeXrayDatagrams(trace)) socket.send(bytes, port, '127.0.0.1');
 */
export function encodeXrayDatagrams(trace: readonly SyntheticSpan[]): XrayDatagram[] {
  const children = new Map<string, SyntheticSpan[]>();
  for (const span of trace) {
    if (span.kind === 'server' || span.parentSpanId === null) continue;
    const siblings = children.get(span.parentSpanId);
    if (siblings) siblings.push(span);
    else children.set(span.parentSpanId, [span]);
  }
  return trace
    .filter((span) => span.kind === 'server')
    .map((segment) => {
      const subsegments = children.get(segment.spanId) ?? [];
      return { bytes: Buffer.from(HEADER + JSON.stringify(segmentDocument(segment, subsegments))), spans: 1 + subsegments.length };
    });
}

function segmentDocument(span: SyntheticSpan, subsegments: SyntheticSpan[]): Document {
  const document: Document = {
    trace_id: `1-${span.traceId.slice(0, 8)}-${span.traceId.slice(8)}`,
    id: span.spanId,
    name: span.service,
    start_time: span.startMicros / 1e6,
    end_time: span.endMicros / 1e6,
  };
  if (span.parentSpanId) document.parent_id = span.parentSpanId;
  Object.assign(document, statusFlags(span));
  document.http = {
    request: { method: span.http!.method, url: span.http!.url, client_ip: span.http!.clientIp, ...(span.http!.userAgent ? { user_agent: span.http!.userAgent } : {}) },
    response: { status: span.http!.status, content_length: 200 + (parseInt(span.spanId.slice(0, 4), 16) % 30_000) },
  };
  document.origin = 'AWS::EC2::Instance';
  document.aws = { ec2: { instance_id: span.host, availability_zone: 'eu-west-1a' }, xray: { sdk: 'X-Ray for Node.js', sdk_version: '3.12.0', package: 'aws-xray-sdk' } };
  document.service = { version: '4.18.2' };
  document.annotations = { route: span.name.slice(span.name.indexOf(' ') + 1) };
  if (subsegments.length > 0) document.subsegments = subsegments.map(subsegmentDocument);
  return document;
}

function subsegmentDocument(span: SyntheticSpan): Document {
  const document: Document = { id: span.spanId, name: span.name, start_time: span.startMicros / 1e6, end_time: span.endMicros / 1e6 };
  Object.assign(document, statusFlags(span));
  if (span.http) {
    document.namespace = 'remote';
    document.http = { request: { method: span.http.method, url: span.http.url, traced: true }, response: { status: span.http.status } };
  } else if (span.db?.system === 'postgresql') {
    document.name = `${span.db.database}@${span.db.server}`;
    document.namespace = 'remote';
    document.sql = { url: `postgresql://${span.db.server}:5432/${span.db.database}`, database_type: 'PostgreSQL', database_version: '15.4', driver_version: 'node-postgres', user: 'app', sanitized_query: span.db.statement };
  } else if (span.db) {
    document.namespace = 'remote';
    document.metadata = { redis: { command: span.db.statement.split(' ')[0], server: span.db.server } };
  }
  return document;
}

function statusFlags(span: SyntheticSpan): Document {
  if (span.status === 'fault') return { fault: true };
  if (span.status === 'error') return { error: true };
  return {};
}
