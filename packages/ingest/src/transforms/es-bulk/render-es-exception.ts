import { isPlainObject, readEsField } from './read-es-field.ts';

/** An exception found in a document: its text, and the top-level key it came from. */
export interface EsException {
  text: string;
  key: 'exceptions' | 'exception' | 'error' | 'stack';
}

const INNER_END = '\n   --- End of inner exception stack trace ---\n';

/**
 * The exception a log document carries, as text with its stack:
 * Serilog.Sinks.Elasticsearch's `exceptions` array (one entry per exception,
 * outermost first, `Depth` counting inward, or nested `InnerException`s),
 * an `exception` string or object, or ECS `error.*` (`error.stack_trace`,
 * else `error.type: error.message`), or winston's `stack` (in `fields` or
 * at the top). .NET exceptions render as .NET prints
 * them: the chain of `Type: Message` joined by ` ---> `, then the stacks
 * innermost first.
 *
 * @example
 * renderEsException({ error: { type: 'TypeError', message: 'x is undefined' } })
 * // { text: 'TypeError: x is undefined', key: 'error' }
 */
export function renderEsException(doc: Record<string, unknown>): EsException | null {
  const list = doc.exceptions;
  if (Array.isArray(list) && list.length > 0) return withKey(renderChain(flatten(list)), 'exceptions');
  const single = doc.exception;
  if (typeof single === 'string' && single !== '') return { text: single, key: 'exception' };
  if (isPlainObject(single)) return withKey(renderChain(flatten([single])), 'exception');
  return withKey(renderEcsError(doc), 'error') ?? stackProperty(doc);
}

// winston's `errors({ stack: true })` format leaves the stack in the event's meta, which winston-elasticsearch puts under `fields`.
function stackProperty(doc: Record<string, unknown>): EsException | null {
  const stack = readEsField(doc, 'fields.stack') ?? doc.stack;
  return typeof stack === 'string' && stack !== '' ? { text: stack, key: 'stack' } : null;
}

function withKey(text: string | null, key: EsException['key']): EsException | null {
  return text === null || text === '' ? null : { text, key };
}

/** Entries outermost first: a Serilog list sorted by Depth, nested InnerExceptions unrolled. */
function flatten(entries: unknown[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const sorted = entries.filter(isPlainObject).sort((a, b) => depthOf(a) - depthOf(b));
  for (const entry of sorted) {
    let current: unknown = entry;
    // A cycle cannot come from JSON, but a deep chain can: bound it.
    for (let guard = 0; isPlainObject(current) && guard < 64; guard++) {
      out.push(current);
      current = current.InnerException ?? current.innerException;
    }
  }
  return out;
}

function depthOf(entry: Record<string, unknown>): number {
  return typeof entry.Depth === 'number' ? entry.Depth : 0;
}

function renderChain(chain: Record<string, unknown>[]): string | null {
  if (chain.length === 0) return null;
  const header = chain.map(headerOf).join(' ---> ');
  const stacks = chain.map(stackOf).reverse().filter((s) => s !== '');
  return stacks.length === 0 ? header : `${header}\n${stacks.join(INNER_END)}`;
}

function headerOf(entry: Record<string, unknown>): string {
  const type = textOf(entry.ClassName ?? entry.Type ?? entry.type ?? entry.name);
  const message = textOf(entry.Message ?? entry.message);
  if (type === '') return message;
  return message === '' ? type : `${type}: ${message}`;
}

function stackOf(entry: Record<string, unknown>): string {
  // formatStackTraceAsArray writes the stack as an array of lines.
  const stack = entry.StackTraceString ?? entry.StackTrace ?? entry.stack_trace ?? entry.stack;
  return Array.isArray(stack) ? stack.map(textOf).join('\n') : textOf(stack);
}

function renderEcsError(doc: Record<string, unknown>): string | null {
  const stack = textOf(readEsField(doc, 'error.stack_trace'));
  if (stack !== '') return stack;
  const type = textOf(readEsField(doc, 'error.type'));
  const message = textOf(readEsField(doc, 'error.message'));
  if (type === '' && message === '') return null;
  return type === '' ? message : message === '' ? type : `${type}: ${message}`;
}

function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
