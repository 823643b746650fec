import { fail, ok, quoteForReason, type Result } from '@tinsel/model';
import { isOtlpObject, otlpField, otlpList } from './otlp-field.ts';

/** An OTLP AnyValue as plain JSON: what Tinsel writes into its json columns. */
export type AttributeValue = string | number | boolean | null | AttributeValue[] | { [key: string]: AttributeValue };

/** Attributes by key, in arrival order; a repeated key keeps its last value. */
export type Attributes = Record<string, AttributeValue>;

// Deeper nesting is not telemetry; refusing it also bounds the recursion.
const MAX_DEPTH = 16;

/**
 * Reads an OTLP AnyValue into plain JSON. `intValue` becomes a number when
 * it is exact as one and stays a decimal string past 2^53; a non-finite
 * `doubleValue` ("NaN", "Infinity") stays a string, which JSON can hold;
 * `bytesValue` is base64 (protobuf bytes are encoded, JSON's string is
 * kept); `kvlistValue` becomes an object; an empty AnyValue is null.
 *
 * @example
 * readAnyValue({ intValue: '10' }) // ok(10)
 * readAnyValue({ arrayValue: { values: [{ stringValue: 'a' }] } }) // ok(['a'])
 */
export function readAnyValue(value: unknown, depth = 0): Result<AttributeValue> {
  if (value === undefined || value === null) return ok(null);
  if (!isOtlpObject(value)) return fail(`AnyValue must be an object, got ${quoteForReason(value)}`);
  if (depth > MAX_DEPTH) return fail(`AnyValue nested deeper than ${MAX_DEPTH} levels`);
  const string = otlpField(value, 'stringValue');
  if (string !== undefined && string !== null) return typeof string === 'string' ? ok(string) : badType('stringValue', string);
  const bool = otlpField(value, 'boolValue');
  if (bool !== undefined && bool !== null) return typeof bool === 'boolean' ? ok(bool) : badType('boolValue', bool);
  const int = otlpField(value, 'intValue');
  if (int !== undefined && int !== null) return readInt(int);
  const double = otlpField(value, 'doubleValue');
  if (double !== undefined && double !== null) return readDouble(double);
  const bytes = otlpField(value, 'bytesValue');
  if (bytes instanceof Uint8Array) return ok(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64'));
  if (bytes !== undefined && bytes !== null) return typeof bytes === 'string' ? ok(bytes) : badType('bytesValue', bytes);
  const array = otlpField(value, 'arrayValue');
  if (array !== undefined && array !== null) return readArray(array, depth);
  const kvlist = otlpField(value, 'kvlistValue');
  if (kvlist !== undefined && kvlist !== null) return readKvlist(kvlist, depth);
  return ok(null);
}

/**
 * Reads a repeated KeyValue into `into`, each key prefixed with `prefix`.
 *
 * @example
 * const attributes: Attributes = {};
 * readAttributes([{ key: 'service.name', value: { stringValue: 'cart' } }], attributes, 'resource.');
 * // attributes: { 'resource.service.name': 'cart' }
 */
export function readAttributes(list: unknown, into: Attributes, prefix = '', depth = 0): Result<Attributes> {
  if (list === undefined || list === null) return ok(into);
  if (!Array.isArray(list)) return fail(`attributes must be an array, got ${quoteForReason(list)}`);
  for (let i = 0; i < list.length; i++) {
    const pair: unknown = list[i];
    if (!isOtlpObject(pair)) return fail(`attribute ${i} must be a KeyValue object, got ${quoteForReason(pair)}`);
    const key = otlpField(pair, 'key');
    if (typeof key !== 'string') return fail(`attribute ${i} has no string key`);
    const value = readAnyValue(otlpField(pair, 'value'), depth + 1);
    if (!value.ok) return fail(`attribute ${quoteForReason(key)}: ${value.reason}`);
    // defineProperty, not assignment: a key named "__proto__" must stay data.
    Object.defineProperty(into, prefix + key, { value: value.value, enumerable: true, writable: true, configurable: true });
  }
  return ok(into);
}

function badType(field: string, value: unknown): Result<AttributeValue> {
  return fail(`${field} has the wrong type: ${quoteForReason(value)}`);
}

function readInt(value: unknown): Result<AttributeValue> {
  if (typeof value === 'number' && Number.isInteger(value)) return ok(value);
  if (typeof value !== 'string' || !/^-?\d{1,20}$/.test(value)) return badType('intValue', value);
  const n = Number(value);
  return ok(Number.isSafeInteger(n) ? n : BigInt(value).toString());
}

function readDouble(value: unknown): Result<AttributeValue> {
  if (typeof value === 'number') return ok(Number.isFinite(value) ? value : String(value));
  if (value === 'NaN' || value === 'Infinity' || value === '-Infinity') return ok(value);
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return ok(Number(value));
  return badType('doubleValue', value);
}

function readArray(array: unknown, depth: number): Result<AttributeValue> {
  if (!isOtlpObject(array)) return badType('arrayValue', array);
  const values = otlpList(array, 'values');
  if (values === null) return badType('arrayValue.values', otlpField(array, 'values'));
  const out: AttributeValue[] = [];
  for (const item of values) {
    const read = readAnyValue(item, depth + 1);
    if (!read.ok) return read;
    out.push(read.value);
  }
  return ok(out);
}

function readKvlist(kvlist: unknown, depth: number): Result<AttributeValue> {
  if (!isOtlpObject(kvlist)) return badType('kvlistValue', kvlist);
  const read = readAttributes(otlpField(kvlist, 'values'), {}, '', depth + 1);
  return read.ok ? ok(read.value) : read;
}
