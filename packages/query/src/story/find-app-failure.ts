import type { StoryLog, StorySpan } from './story.ts';

/** What failed inside the app: a span, an error log line, or both, and the exception. */
export interface AppFailure {
  span: StorySpan | null;
  log: StoryLog | null;
  exception: { type: string | null; message: string | null } | null;
}

const ERROR_LEVELS = new Set(['error', 'fatal']);

/**
 * Where the app failed, most telling evidence first: the deepest fault span
 * that recorded an exception (the deepest is nearest the cause; its parents
 * fault because it did); else an error or fatal log line with an exception;
 * else the deepest span with any exception; else the deepest fault span;
 * else the first error log line. Null when nothing failed.
 *
 * @example
 * findAppFailure(story.spans, story.logs)?.exception // { type: 'SqlException', message: 'Timeout expired' }
 */
export function findAppFailure(spans: readonly StorySpan[], logs: readonly StoryLog[]): AppFailure | null {
  const faultWithException = deepest(spans.filter((s) => s.status === 'fault' && spanException(s) !== null));
  if (faultWithException) return { span: faultWithException, log: null, exception: spanException(faultWithException) };
  const errorLogs = logs.filter((l) => ERROR_LEVELS.has(String(l.level)));
  const logWithException = errorLogs.find((l) => typeof l.exception === 'string' && l.exception !== '');
  if (logWithException) return { span: spanOf(spans, logWithException), log: logWithException, exception: logException(String(logWithException.exception)) };
  const anyException = deepest(spans.filter((s) => spanException(s) !== null));
  if (anyException) return { span: anyException, log: null, exception: spanException(anyException) };
  const fault = deepest(spans.filter((s) => s.status === 'fault'));
  if (fault) return { span: fault, log: null, exception: null };
  const errorLog = errorLogs[0];
  return errorLog ? { span: spanOf(spans, errorLog), log: errorLog, exception: null } : null;
}

function deepest(spans: StorySpan[]): StorySpan | null {
  let found: StorySpan | null = null;
  for (const span of spans) if (found === null || span.depth > found.depth) found = span;
  return found;
}

function spanOf(spans: readonly StorySpan[], log: StoryLog): StorySpan | null {
  return spans.find((s) => s.span_id === log.span_id) ?? null;
}

/** The first exception a span recorded (X-Ray lists the thrown one first). */
function spanException(span: StorySpan): AppFailure['exception'] {
  if (typeof span.exceptions !== 'string') return null;
  try {
    const list: unknown = JSON.parse(span.exceptions);
    const first = Array.isArray(list) ? (list[0] as Record<string, unknown> | undefined) : undefined;
    if (!first) return null;
    return { type: typeof first.type === 'string' ? first.type : null, message: typeof first.message === 'string' ? first.message : null };
  } catch {
    return null;
  }
}

/** `System.TimeoutException: Timeout expired\n   at …` → its type and message. */
function logException(text: string): AppFailure['exception'] {
  const firstLine = text.split('\n', 1)[0]!.trim();
  const match = /^([\w.$]*(?:Exception|Error|Fault)\w*)(?::\s*(.*))?$/.exec(firstLine);
  return match ? { type: match[1]!, message: match[2] ?? null } : { type: null, message: firstLine };
}
