import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeResult } from './decode-result.ts';

describe('decodeResult', () => {
  it('turns ClickHouse types into Tinsel result values', () => {
    const rows = decodeResult({
      meta: [
        { name: 'time', type: 'Decimal(18, 6)' },
        { name: 'end_time', type: "Nullable(DateTime64(6, 'UTC'))" },
        { name: 'bucket', type: "DateTime('UTC')" },
        { name: 'n', type: 'UInt64' },
        { name: 'big', type: 'Int64' },
        { name: 'timing_unavailable', type: 'UInt8' },
        { name: 'status', type: 'UInt8' },
        { name: 'ids', type: 'Array(UInt64)' },
      ],
      data: [[1530570180.186641, '2018-07-02 22:23:00.5', '2026-01-01 00:01:00', '5000', '9007199254740993', 1, 1, ['1', '2']]],
    });
    assert.deepEqual(rows, [
      {
        time: '2018-07-02T22:23:00.186641Z',
        end_time: '2018-07-02T22:23:00.500000Z',
        bucket: '2026-01-01T00:01:00.000000Z',
        n: 5000,
        big: '9007199254740993',
        timing_unavailable: true,
        status: 1,
        ids: [1, 2],
      },
    ]);
  });

  it('keeps NULL as null', () => {
    assert.deepEqual(decodeResult({ meta: [{ name: 'end_time', type: 'Nullable(Decimal(18, 6))' }], data: [[null]] }), [{ end_time: null }]);
  });
});
