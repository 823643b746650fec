const SECRET_NAME = /pass(word|wd)?|secret|token|api[-_]?key|auth|credential|cookie|session|private[-_]?key|card[-_]?number|cvv|ssn/i;

/** True for names whose values must never leave the process (password, token, secret, …). */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

export const REDACTED = '[redacted]';

/**
 * Copies a value with secrets replaced and its size bounded: properties
 * whose names look secret become `[redacted]`, strings are cut to
 * `maxString` characters, and nesting stops at `maxDepth`.
 *
 * @example
 * redact({ user: 'ann', password: 'hunter2' }) // { user: 'ann', password: '[redacted]' }
 */
export function redact(value: unknown, maxDepth = 3, maxString = 256): unknown {
  if (typeof value === 'string') return value.length > maxString ? `${value.slice(0, maxString)}…` : value;
  if (value === null || typeof value !== 'object') return value;
  if (maxDepth <= 0) return Array.isArray(value) ? '[Array]' : '[Object]';
  if (Array.isArray(value)) return value.slice(0, 20).map((item) => redact(item, maxDepth - 1, maxString));
  const out: Record<string, unknown> = {};
  let count = 0;
  for (const key of Object.keys(value)) {
    if (count++ >= 50) break;
    out[key] = isSecretName(key) ? REDACTED : redact((value as Record<string, unknown>)[key], maxDepth - 1, maxString);
  }
  return out;
}
