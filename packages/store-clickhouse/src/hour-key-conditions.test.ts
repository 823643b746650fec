import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from '@tinsel/store';
import { clickHouseFeatures } from './clickhouse-features.ts';
import { withHourKeyConditions } from './hour-key-conditions.ts';
import { renderClickHouseSql } from './render-clickhouse-sql.ts';

describe('withHourKeyConditions', () => {
  it('twins each bound on a table\'s time column with a bound on the sort key\'s hour', () => {
    assert.equal(
      withHourKeyConditions("SELECT 1 FROM spans WHERE start_time >= toDecimal64('1795567199.999999', 6) AND `start_time` < toDecimal64('1795568400.000000', 6)"),
      "SELECT 1 FROM spans WHERE (start_time >= toDecimal64('1795567199.999999', 6) AND toStartOfHour(toDateTime(toUInt32(start_time), 'UTC')) >= toDateTime(1795564800, 'UTC'))" +
        " AND (`start_time` < toDecimal64('1795568400.000000', 6) AND toStartOfHour(toDateTime(toUInt32(`start_time`), 'UTC')) <= toDateTime(1795568400, 'UTC'))",
    );
  });

  it('leaves other columns, equality, qualified names and text inside literals alone', () => {
    const untouched = [
      "end_time >= toDecimal64('1795567199.000000', 6)",
      "time = toDecimal64('1795567199.000000', 6)",
      "s.time >= toDecimal64('1795567199.000000', 6)",
      "message = 'time >= toDecimal64(\\'1795567199.0\\', 6)'",
    ];
    for (const text of untouched) assert.equal(withHourKeyConditions(text), text);
  });

  it('is applied by the renderer for Decimal64 servers only', () => {
    const query = sql`SELECT 1 FROM logs WHERE timestamp < toDecimal64(${'1795568400.000000'}, 6)`;
    assert.match(renderClickHouseSql(query, clickHouseFeatures('18.16.1')).text, /AND toStartOfHour\(toDateTime\(toUInt32\(timestamp\), 'UTC'\)\) <= toDateTime\(1795568400, 'UTC'\)\)$/);
    assert.doesNotMatch(renderClickHouseSql(query, clickHouseFeatures('24.8')).text, /toStartOfHour/);
  });
});
