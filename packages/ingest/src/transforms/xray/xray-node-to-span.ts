import type { SpanRecord } from '@tinsel/model';
import type { XrayNodeCore } from './check-xray-node.ts';
import type { XraySource } from './normalize-xray-document.ts';
import { readXrayAnnotations } from './read-xray-annotations.ts';
import { readXrayCause, type XrayCause } from './read-xray-cause.ts';
import { readXrayHttp } from './read-xray-http.ts';
import { readXraySql } from './read-xray-sql.ts';
import { attributesJson, flattenInto, newAttributes, type Attributes } from './span-attributes.ts';
import { xrayStatus } from './xray-status.ts';
import { isXrayObject, type XrayObject } from './xray-object.ts';

/** What a node inherits from the document and from its ancestors. */
export interface XraySpanContext {
  traceId: string;
  parentSpanId: string | null;
  /** The enclosing segment's name; '' under an independent subsegment. */
  service: string;
  host: string | null;
  origin: string | null;
  source: XraySource;
  isSegment: boolean;
}

/** A span, with its `cause` kept apart until references are resolved. */
export interface XrayBuiltSpan {
  span: SpanRecord;
  cause: XrayCause | null;
}

/**
 * The SpanRecord of one checked segment or subsegment (its `subsegments`
 * are the caller's). One pass over the node's keys: each known field goes to
 * its column or reader, and every other top-level field to `xray.<field>` in
 * `attributes` — `user`, `namespace`, `precursor_ids`, `inferred`, `traced`,
 * and keys X-Ray does not define (`Dummy`). A known block of the wrong shape
 * (an `http` that is a string) also lands there, kept as written.
 *
 * @example
 * xrayNodeToSpan(node, core, { traceId, parentSpanId: null, service: node.name, host: null, origin: null, source: 'xray-udp', isSegment: true })
 */
export function xrayNodeToSpan(node: XrayObject, core: XrayNodeCore, context: XraySpanContext): XrayBuiltSpan {
  const span = emptySpan(node, core, context);
  const attributes = newAttributes();
  let cause: XrayCause | null = null;
  for (const key in node) {
    const value = node[key];
    switch (key) {
      case 'id': case 'name': case 'start_time': case 'end_time': case 'in_progress': case 'trace_id':
      case 'parent_id': case 'type': case 'subsegments': case 'error': case 'fault': case 'throttle':
        break; // columns, structure or status: read elsewhere
      case 'origin':
        if (typeof value === 'string') span.origin = value;
        else attributes['xray.origin'] = value;
        break;
      case 'cause':
        cause = readXrayCause(value, attributes);
        break;
      case 'annotations':
        if (isXrayObject(value)) span.annotations = readXrayAnnotations(value, attributes);
        else attributes['xray.annotations'] = value;
        break;
      default:
        readBlock(key, value, span, attributes);
    }
  }
  span.attributes = attributesJson(attributes);
  return { span, cause };
}

function readBlock(key: string, value: unknown, span: SpanRecord, attributes: Attributes): void {
  if (!isXrayObject(value)) {
    attributes[`xray.${key}`] = value;
    return;
  }
  if (key === 'http') readXrayHttp(value, span, attributes);
  else if (key === 'sql') readXraySql(value, span, attributes);
  else if (key === 'aws' || key === 'service') {
    flattenInto(attributes, key, value);
    if (key === 'aws' && isXrayObject(value['ec2']) && typeof value['ec2']['instance_id'] === 'string') {
      span.host = value['ec2']['instance_id'];
    }
  } else if (key === 'metadata') {
    // Free-form and possibly deep: one attribute per namespace, kept whole.
    for (const namespace in value) attributes[`metadata.${namespace}`] = value[namespace];
  } else {
    attributes[`xray.${key}`] = value;
  }
}

function emptySpan(node: XrayObject, core: XrayNodeCore, context: XraySpanContext): SpanRecord {
  const namespace = node['namespace'];
  return {
    trace_id: context.traceId,
    span_id: core.id,
    parent_span_id: context.parentSpanId,
    service: context.isSegment ? core.name : context.service,
    name: core.name,
    kind: context.isSegment ? 'server' : namespace === 'remote' || namespace === 'aws' ? 'client' : 'internal',
    start_time: core.start,
    end_time: core.end,
    duration_ms: core.end === null ? null : (core.end - core.start) / 1000,
    status: xrayStatus(node),
    in_progress: core.end === null,
    http_method: null,
    http_url: null,
    http_status: null,
    sql_query: null,
    db_server: null,
    exceptions: null,
    annotations: null,
    attributes: null,
    // X-Ray has no resource block: its aws and service blocks stay in attributes.
    resource: null,
    origin: context.origin,
    host: context.host,
    source: context.source,
  };
}
