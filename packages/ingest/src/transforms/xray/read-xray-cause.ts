import { flattenInto, type Attributes } from './span-attributes.ts';
import { spanIdOf } from './span-id-of.ts';
import { isXrayObject, type XrayObject } from './xray-object.ts';

/** One exception as stored in the `exceptions` column; absent fields are left out. */
export interface XrayException {
  id?: string;
  type?: string;
  message?: string;
  /** Frames as text lines `label (path:line)`, joined by line feeds. */
  stack?: string;
  remote?: boolean;
  /** Stack frames the SDK left out. */
  truncated?: number;
  /** Exceptions skipped between this one and its cause. */
  skipped?: number;
  /** Id of the exception that caused this one. */
  cause?: string;
  /** True when copied from the exception a `cause` id refers to. */
  referenced?: true;
}

/** A `cause`: exceptions recorded here, or the id of one recorded elsewhere. */
export interface XrayCause {
  exceptions: XrayException[] | null;
  reference: string | null;
}

const NO_CAUSE: XrayCause = { exceptions: null, reference: null };

/**
 * Reads a `cause`. An object gives its exceptions; `working_directory`,
 * `paths` and any other field go to `xray.cause.<field>` in `attributes`.
 * A 16-hex string is a reference to an exception recorded in another
 * subsegment, which the caller resolves. Anything else is kept as
 * `xray.cause` so that nothing is lost.
 *
 * @example
 * readXrayCause('3f8a1c2b4d5e6f70', attributes) // { exceptions: null, reference: '3f8a1c2b4d5e6f70' }
 */
export function readXrayCause(cause: unknown, attributes: Attributes): XrayCause {
  if (typeof cause === 'string') {
    const reference = spanIdOf(cause);
    if (reference !== null) return { exceptions: null, reference };
  }
  if (!isXrayObject(cause)) {
    attributes['xray.cause'] = cause;
    return NO_CAUSE;
  }
  let exceptions: XrayException[] | null = null;
  for (const key in cause) {
    const value = cause[key];
    if (key === 'exceptions' && Array.isArray(value)) {
      for (const item of value) if (isXrayObject(item)) (exceptions ??= []).push(readException(item));
    } else {
      flattenInto(attributes, `xray.cause.${key}`, value);
    }
  }
  return { exceptions, reference: null };
}

// Fields outside X-Ray's exception schema are not kept: the column holds a
// fixed shape that the UI can show.
function readException(raw: XrayObject): XrayException {
  const out: XrayException = {};
  const { id, type, message, stack, remote, truncated, skipped, cause } = raw;
  if (typeof id === 'string') out.id = spanIdOf(id) ?? id;
  if (typeof type === 'string') out.type = type;
  if (typeof message === 'string') out.message = message;
  if (Array.isArray(stack) && stack.length > 0) out.stack = stack.map(frameLine).join('\n');
  if (typeof remote === 'boolean') out.remote = remote;
  if (typeof truncated === 'number') out.truncated = truncated;
  if (typeof skipped === 'number') out.skipped = skipped;
  if (typeof cause === 'string') out.cause = spanIdOf(cause) ?? cause;
  return out;
}

/** `label (path:line)`, leaving out what the frame does not have. */
function frameLine(frame: unknown): string {
  if (!isXrayObject(frame)) return String(frame);
  const { label, path, line } = frame;
  const where = typeof path === 'string' ? (typeof line === 'number' || typeof line === 'string' ? `${path}:${line}` : path) : '';
  const what = typeof label === 'string' ? label : '';
  if (what !== '' && where !== '') return `${what} (${where})`;
  return what !== '' ? what : where !== '' ? `(${where})` : '?';
}
