// Reading fields of a decoded OTLP message, whichever JSON dialect wrote it.

/** A decoded JSON object or protobuf message, read field by field. */
export type OtlpObject = Record<string, unknown>;

/**
 * True for a plain object (not null, not an array, not a byte buffer).
 *
 * @example
 * isOtlpObject({ name: 'x' }) // true
 * isOtlpObject([1]) // false
 */
export function isOtlpObject(value: unknown): value is OtlpObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

const snakeNames = new Map<string, string>();

function snakeName(camel: string): string {
  let snake = snakeNames.get(camel);
  if (snake === undefined) {
    snake = camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    snakeNames.set(camel, snake);
  }
  return snake;
}

/**
 * The field `name` (lowerCamelCase, as OTLP/JSON spells it) of `message`,
 * falling back to its snake_case spelling: the Collector's JSON before OTLP
 * 1.0 wrote `start_time_unix_nano`. Undefined when neither is there.
 *
 * @example
 * otlpField({ start_time_unix_nano: '1' }, 'startTimeUnixNano') // '1'
 */
export function otlpField(message: OtlpObject, name: string): unknown {
  if (Object.hasOwn(message, name)) return message[name];
  const snake = snakeName(name);
  return snake !== name && Object.hasOwn(message, snake) ? message[snake] : undefined;
}

/**
 * The repeated field `name` of `message`: [] when absent or null, null when
 * it is there but not an array (the body does not follow the schema).
 *
 * @example
 * otlpList({ spans: [] }, 'spans') // []
 * otlpList({ spans: 3 }, 'spans') // null
 */
export function otlpList(message: OtlpObject, name: string): unknown[] | null {
  const value = otlpField(message, name);
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : null;
}
