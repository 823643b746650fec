import type { FastifyInstance } from 'fastify';
import { deadLetter, deleteInProgressRows, normalizeXrayDocument } from '@tinsel/ingest';
import { deadLettersTable, spansTable, type DeadLetterRecord, type SpanRecord } from '@tinsel/model';
import type { AppDeps } from '../create-app.ts';

interface Unprocessed {
  Id?: string;
  ErrorCode: string;
  Message: string;
}

/**
 * `POST /TraceSegments`: the X-Ray PutTraceSegments API, as the daemon and
 * the SDKs call it. Each document stands alone: good ones are stored before
 * the answer, bad ones come back in `UnprocessedTraceSegments` with their id
 * and are kept as dead letters.
 */
export function registerXrayApiRoute(app: FastifyInstance, deps: AppDeps): void {
  app.register(async (scope) => {
    // AWS clients send application/json or application/x-amz-json-1.1; read any body as JSON.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
      try {
        done(null, body === '' ? null : JSON.parse(body as string));
      } catch {
        done(null, { notJson: true });
      }
    });
    registerPutTraceSegments(scope, deps);
  });
}

function registerPutTraceSegments(app: FastifyInstance, deps: AppDeps): void {
  app.post('/TraceSegments', async (request, reply) => {
    const documents = (request.body as { TraceSegmentDocuments?: unknown } | null)?.TraceSegmentDocuments;
    if (!Array.isArray(documents) || documents.some((d) => typeof d !== 'string')) {
      return reply
        .status(400)
        .header('x-amzn-ErrorType', 'InvalidRequestException')
        .send({ __type: 'InvalidRequestException', message: 'TraceSegmentDocuments: expected an array of segment documents as strings' });
    }
    const decoded: SpanRecord[] = [];
    const dead: DeadLetterRecord[] = [];
    const unprocessed: Unprocessed[] = [];
    (documents as string[]).forEach((document, index) => {
      const result = normalizeXrayDocument(document, 'xray-api');
      if (result.ok) decoded.push(...result.value.spans);
      else {
        unprocessed.push({ ...idOf(document), ErrorCode: errorCodeFor(result.reason), Message: `Invalid segment. ${result.reason}` });
        dead.push(deadLetter('spans', 'xray-api', index + 1, result.reason, document));
      }
    });
    const { fresh: spans, redelivered } = (await deps.redelivery?.fresh(deps.store, decoded)) ?? { fresh: decoded, redelivered: 0 };
    deps.counters.add('tinsel_xray_api_spans_redelivered_total', redelivered);
    await deps.store.append(spansTable, spans);
    await deps.store.append(deadLettersTable, dead);
    // A completed segment replaces the in-progress row sent when it started.
    const superseding = deps.inProgress?.note(spans) ?? [];
    if (superseding.length > 0) await deps.store.execute(deleteInProgressRows(deps.store.dialect, superseding));
    deps.counters.add('tinsel_xray_api_spans_total', spans.length);
    deps.counters.add('tinsel_xray_api_dead_letters_total', dead.length);
    return { UnprocessedTraceSegments: unprocessed };
  });
}

// The X-Ray API names the id of a rejected document when it can read one.
function idOf(document: string): { Id?: string } {
  const match = /"id"\s*:\s*"([0-9a-fA-F]{16})"/.exec(document);
  return match ? { Id: match[1] } : {};
}

function errorCodeFor(reason: string): string {
  return /trace_id/.test(reason) ? 'InvalidTraceId' : 'InvalidSegment';
}
