import { fail, ok, quoteForReason, type Result, type SpanRecord } from '@tinsel/model';
import { canonicalTraceIdOf } from './canonical-trace-id-of.ts';
import { describeJsonError } from './describe-json-error.ts';
import { flattenXrayTree } from './flatten-xray-tree.ts';
import { spanIdOf } from './span-id-of.ts';
import { isXrayObject } from './xray-object.ts';

/** The spans of one X-Ray segment document. */
export interface XraySpans {
  /** The document's node first, then its subsegments in document order. */
  spans: SpanRecord[];
  /** The top-level `id`: what PutTraceSegments reports an unprocessed document by. */
  documentId: string;
}

/** Where a document arrived: the daemon UDP protocol or the PutTraceSegments API. */
export type XraySource = 'xray-udp' | 'xray-api';

// A start more than a day after receipt is a broken clock or a unit
// mistake (milliseconds sent as seconds); stored, it would sit in a future
// partition that no query looks at.
const MAX_FUTURE_MICROS = 86_400_000_000;

/**
 * Normalises one X-Ray segment document — a segment with its nested
 * subsegments, an in-progress segment, or an independent subsegment
 * (`"type": "subsegment"` with `trace_id` and `parent_id`) — into spans.
 * Failures are values naming the field and, for a nested subsegment, its id
 * and path: `subsegment 0f910026178b71eb at subsegments[0]: end_time … is
 * before start_time …`. `now` is epoch milliseconds.
 *
 * Column mapping: see `xray-node-to-span.ts`. In short: trace id to 32
 * lowercase hex; times to epoch µs; a segment is `server` and its own
 * service; a subsegment is `client` for namespace `aws`/`remote`, else
 * `internal`, with the enclosing segment's name as service; status from
 * fault > throttle > error. An independent subsegment's enclosing segment is
 * in another document, so its service (and its descendants') is '' —
 * unknown — rather than its own name: `DynamoDB` or `## saveUser` is not a
 * service, and a later step joining on `parent_span_id` can fill it in.
 *
 * @example
 * const result = normalizeXrayDocument(text, 'xray-udp');
 * if (result.ok) batcher.add(result.value.spans);
 * else deadLetters.push(result.reason);
 */
export function normalizeXrayDocument(text: string, source: XraySource, now: number = Date.now()): Result<XraySpans> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return fail(describeJsonError(text, error));
  }
  if (!isXrayObject(document)) {
    return fail(`document must be a JSON object, got ${Array.isArray(document) ? 'an array' : quoteForReason(document)}`);
  }
  const independent = document['type'] === 'subsegment';
  const what = independent ? 'subsegment' : 'segment';
  const documentId = spanIdOf(document['id']);
  if (documentId === null) {
    return fail(`${what}: ${document['id'] === undefined ? 'id is missing' : `id must be 16 hex digits, got ${quoteForReason(document['id'])}`}`);
  }
  const traceId = canonicalTraceIdOf(document['trace_id']);
  if (!traceId.ok) return fail(`${what} ${documentId}: ${traceId.reason}`);
  const rawParent = document['parent_id'];
  const parentSpanId = rawParent === undefined || rawParent === null ? null : spanIdOf(rawParent);
  if (parentSpanId === null && rawParent !== undefined && rawParent !== null) {
    return fail(`${what} ${documentId}: parent_id must be 16 hex digits, got ${quoteForReason(rawParent)}`);
  }
  if (independent && parentSpanId === null) {
    return fail(`subsegment ${documentId}: parent_id is missing; a subsegment sent on its own needs the id of its parent`);
  }
  const context = { traceId: traceId.value, parentSpanId, service: '', host: null, origin: null, source, isSegment: !independent };
  let spans: Result<SpanRecord[]>;
  try {
    spans = flattenXrayTree(document, `${what} ${documentId}`, context, now * 1000 + MAX_FUTURE_MICROS);
  } catch (error) {
    return fail(`${what} ${documentId}: ${unexpectedProblem(error)}`);
  }
  return spans.ok ? ok({ spans: spans.value, documentId }) : spans;
}

// JSON.parse reads any depth, but JSON.stringify recurses: metadata nested
// a few thousand levels deep (10 kB of brackets) overflows the stack when
// the attributes are written. A UDP source has no caller to catch a throw,
// so this, and any other surprise, becomes a reason like every failure.
function unexpectedProblem(error: unknown): string {
  if (error instanceof RangeError) return 'a value nests too deeply to store (metadata, aws or an unknown field)';
  return `could not be normalised: ${error instanceof Error ? error.message : String(error)}`;
}
