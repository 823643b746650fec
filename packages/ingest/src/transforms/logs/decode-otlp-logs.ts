import { fail, ok, quoteForReason, type Result } from '@tinsel/model';
import type { OtlpEncoding } from '../otlp/otlp-trace-batch.ts';
import { isOtlpObject, otlpField, otlpList, type OtlpObject } from '../otlp/otlp-field.ts';
import { parseOtlpJson } from '../otlp/parse-otlp-json.ts';
import { readAttributes, type Attributes } from '../otlp/read-any-value.ts';
import type { DecodedLogs, LogDecodeOptions } from './log-decode-options.ts';
import { otlpLogsProto } from './otlp-logs-proto.ts';
import { readOtlpLogRecord, type OtlpLogContext } from './read-otlp-log-record.ts';

// int64/fixed64 as decimal strings and enums as numbers, the OTLP/JSON shape.
const AS_JSON_SHAPE = { longs: String, enums: Number } as const;

/**
 * Decodes the body of an OTLP/HTTP `POST /v1/logs` (JSON or protobuf) into
 * log rows. A body that does not decode, or whose containers are not
 * arrays of objects, fails whole (a 400); otherwise each log record is
 * accepted or rejected on its own, with its 1-based position across the
 * request, for the partial-success answer.
 *
 * @example
 * decodeOtlpLogs(Buffer.from('{"resourceLogs":[]}'), 'json', { source: 'otlp' }) // ok({ records: [], rejected: [] })
 */
export function decodeOtlpLogs(body: Buffer, encoding: OtlpEncoding, options: LogDecodeOptions): Result<DecodedLogs> {
  const request = encoding === 'json' ? parseOtlpJson(body) : parseProtobuf(body);
  if (!request.ok) return request;
  const decoded: DecodedLogs = { records: [], rejected: [] };
  const receivedAt = options.receivedAt ?? Date.now() * 1000;
  const resourceLogs = otlpList(request.value, 'resourceLogs');
  if (resourceLogs === null) return fail('resourceLogs must be an array');
  for (const [r, group] of resourceLogs.entries()) {
    if (!isOtlpObject(group)) return fail(`resourceLogs[${r}] must be an object, got ${quoteForReason(group)}`);
    const resource = readResource(otlpField(group, 'resource'));
    const scoped = otlpList(group, 'scopeLogs');
    const library = otlpList(group, 'instrumentationLibraryLogs');
    if (scoped === null || library === null) return fail(`resourceLogs[${r}].scopeLogs must be an array`);
    for (const [s, scopeGroup] of [...scoped, ...library].entries()) {
      const where = `resourceLogs[${r}].scopeLogs[${s}]`;
      if (!isOtlpObject(scopeGroup)) return fail(`${where} must be an object, got ${quoteForReason(scopeGroup)}`);
      const logRecords = otlpList(scopeGroup, 'logRecords');
      if (logRecords === null) return fail(`${where}.logRecords must be an array`);
      const context = resource.ok ? contextOf(scopeGroup, resource.value, options, receivedAt) : resource;
      for (const raw of logRecords) addRecord(decoded, raw, context, encoding);
    }
  }
  return ok(decoded);
}

function addRecord(decoded: DecodedLogs, raw: unknown, context: Result<OtlpLogContext>, encoding: OtlpEncoding): void {
  const position = decoded.records.length + decoded.rejected.length + 1;
  const row = context.ok ? readOtlpLogRecord(raw, context.value) : context;
  if (row.ok) decoded.records.push(row.value);
  else decoded.rejected.push({ position, reason: row.reason, raw: encoding === 'json' ? (JSON.stringify(raw) ?? '') : '' });
}

function parseProtobuf(body: Buffer): Result<OtlpObject> {
  try {
    return ok(otlpLogsProto.request.toObject(otlpLogsProto.request.decode(body), AS_JSON_SHAPE));
  } catch (error) {
    return fail(`not an OTLP protobuf ExportLogsServiceRequest: ${(error as Error).message}`);
  }
}

function readResource(resource: unknown): Result<Attributes> {
  if (resource === undefined || resource === null) return ok({});
  if (!isOtlpObject(resource)) return fail(`resource must be an object, got ${quoteForReason(resource)}`);
  const attributes = readAttributes(otlpField(resource, 'attributes'), {});
  return attributes.ok ? attributes : fail(`resource ${attributes.reason}`);
}

function contextOf(group: OtlpObject, resource: Attributes, options: LogDecodeOptions, receivedAt: number): Result<OtlpLogContext> {
  const scope = otlpField(group, 'scope') ?? otlpField(group, 'instrumentationLibrary') ?? {};
  if (!isOtlpObject(scope)) return fail(`scope must be an object, got ${quoteForReason(scope)}`);
  const name = otlpField(scope, 'name');
  const service = resource['service.name'];
  const host = resource['host.name'];
  return ok({
    resource: Object.keys(resource).length > 0 ? resource : null,
    scopeName: typeof name === 'string' && name !== '' ? name : null,
    service: typeof service === 'string' && service !== '' ? service : null,
    host: typeof host === 'string' && host !== '' ? host : null,
    options,
    receivedAt,
  });
}
