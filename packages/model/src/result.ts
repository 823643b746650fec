/**
 * The outcome of an operation whose failure is expected on hot paths (a bad
 * log line, a malformed header): a value, never a throw.
 *
 * @example
 * const r = parseTraceparent(header);
 * if (!r.ok) deadLetter(r.reason);
 */
export type Result<T> = { ok: true; value: T } | { ok: false; reason: string };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(reason: string): Result<T> {
  return { ok: false, reason };
}
