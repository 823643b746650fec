// The low-level readers: ids, nanosecond timestamps, AnyValues, enums.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readAnyValue, readAttributes } from './read-any-value.ts';
import { readSpanKind, readStatusCode } from './read-otlp-enums.ts';
import { readOtlpId } from './read-otlp-id.ts';
import { nanosToMicros, readUnixNanos } from './read-unix-nanos.ts';

describe('readOtlpId', () => {
  it('reads hex of either case, bytes and base64 as lowercase hex', () => {
    assert.deepEqual(readOtlpId('EEE19B7EC3C1B174', 8, 'span id'), { ok: true, value: 'eee19b7ec3c1b174' });
    assert.deepEqual(readOtlpId(Buffer.from('eee19b7ec3c1b174', 'hex'), 8, 'span id'), { ok: true, value: 'eee19b7ec3c1b174' });
    assert.deepEqual(readOtlpId('7uGbfsPBsXQ=', 8, 'span id'), { ok: true, value: 'eee19b7ec3c1b174' });
  });

  it('reads absent and empty as null', () => {
    assert.deepEqual(readOtlpId(undefined, 16, 'trace id'), { ok: true, value: null });
    assert.deepEqual(readOtlpId('', 16, 'trace id'), { ok: true, value: null });
    assert.deepEqual(readOtlpId(new Uint8Array(0), 16, 'trace id'), { ok: true, value: null });
  });

  it('fails wrong lengths and types with a reason', () => {
    assert.deepEqual(readOtlpId('abc', 8, 'span id'), { ok: false, reason: 'span id must be 8 bytes (16 hex digits), got "abc"' });
    assert.deepEqual(readOtlpId(new Uint8Array(9), 8, 'span id'), { ok: false, reason: 'span id must be 8 bytes, got 9' });
    assert.deepEqual(readOtlpId(12, 8, 'span id'), { ok: false, reason: 'span id must be a hex string, got 12' });
    assert.equal(readOtlpId('eee19b7ec3c1b17g', 8, 'span id').ok, false);
  });
});

describe('readUnixNanos', () => {
  it('reads decimal strings and integers exactly', () => {
    assert.deepEqual(readUnixNanos('18446744073709551615'), { ok: true, value: 18446744073709551615n });
    assert.deepEqual(readUnixNanos(1000), { ok: true, value: 1000n });
  });

  it('reads absent and 0 as unknown', () => {
    assert.deepEqual(readUnixNanos(undefined), { ok: true, value: null });
    assert.deepEqual(readUnixNanos('0'), { ok: true, value: null });
  });

  it('fails negatives, fractions, overflow and text', () => {
    for (const bad of ['-1', 1.5, '18446744073709551616', '1e9', 'soon', true]) assert.equal(readUnixNanos(bad).ok, false, String(bad));
  });

  it('truncates to microseconds', () => {
    assert.equal(nanosToMicros(1544712660000000999n), 1544712660000000);
  });
});

describe('readAnyValue', () => {
  it('reads every kind', () => {
    assert.deepEqual(readAnyValue({ stringValue: '' }), { ok: true, value: '' });
    assert.deepEqual(readAnyValue({ boolValue: false }), { ok: true, value: false });
    assert.deepEqual(readAnyValue({ intValue: '-7' }), { ok: true, value: -7 });
    assert.deepEqual(readAnyValue({ intValue: '-9223372036854775808' }), { ok: true, value: '-9223372036854775808' });
    assert.deepEqual(readAnyValue({ doubleValue: 1.5 }), { ok: true, value: 1.5 });
    assert.deepEqual(readAnyValue({ doubleValue: '-Infinity' }), { ok: true, value: '-Infinity' });
    assert.deepEqual(readAnyValue({ bytesValue: new Uint8Array([1, 2]) }), { ok: true, value: 'AQI=' });
    assert.deepEqual(readAnyValue({ arrayValue: {} }), { ok: true, value: [] });
    assert.deepEqual(readAnyValue({ kvlist_value: { values: [{ key: 'k', value: { int_value: 1 } }] } }), { ok: true, value: { k: 1 } });
    assert.deepEqual(readAnyValue({}), { ok: true, value: null });
  });

  it('fails wrong types and runaway nesting', () => {
    assert.equal(readAnyValue({ stringValue: 1 }).ok, false);
    assert.equal(readAnyValue({ intValue: '1.5' }).ok, false);
    assert.equal(readAnyValue([]).ok, false);
    let deep: unknown = { stringValue: 'x' };
    for (let i = 0; i < 40; i++) deep = { arrayValue: { values: [deep] } };
    assert.match((readAnyValue(deep) as { reason: string }).reason, /nested deeper/);
  });

  it('keeps a "__proto__" key as data', () => {
    const read = readAttributes([{ key: '__proto__', value: { stringValue: 'x' } }], {});
    assert.ok(read.ok);
    assert.equal(JSON.stringify(read.value), '{"__proto__":"x"}');
    assert.equal(Object.getPrototypeOf(read.value), Object.prototype);
  });
});

describe('readSpanKind and readStatusCode', () => {
  it('read numbers and names', () => {
    assert.deepEqual(readSpanKind(5), { ok: true, value: 'consumer' });
    assert.deepEqual(readSpanKind('SPAN_KIND_UNSPECIFIED'), { ok: true, value: 'internal' });
    assert.deepEqual(readSpanKind(9), { ok: true, value: 'internal' });
    assert.deepEqual(readStatusCode('STATUS_CODE_OK'), { ok: true, value: 1 });
    assert.deepEqual(readStatusCode(7), { ok: true, value: 0 });
  });

  it('fail other names and types', () => {
    assert.equal(readSpanKind('server').ok, false);
    assert.equal(readSpanKind({}).ok, false);
    assert.equal(readStatusCode('ERROR').ok, false);
  });
});
