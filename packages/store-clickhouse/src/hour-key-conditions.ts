import { tables } from '@tinsel/model';
import { clickHouseSecondsOf } from './clickhouse-column-types.ts';
import { clickHouseFeatures } from './clickhouse-features.ts';

const timeColumns = [...new Set(Object.values(tables).map((t) => t.timeColumn))].join('|');
// `<time column> <op> toDecimal64('<seconds>[.<fraction>]', 6)` as the 18.16
// dialect writes a time bound. A quote inside a user's text literal is
// escaped (`\'`), so text in a literal never reads as this.
const bound = new RegExp(`(?<![\\w.\`])(\`?)(${timeColumns})\\1 (>=|>|<=|<) toDecimal64\\('(\\d+)(?:\\.\\d+)?', 6\\)`, 'g');
const decimalSeconds = clickHouseFeatures('18.16');

/**
 * Old servers (Decimal64 timestamps) give every time bound a twin on the
 * sort key's hour: `time >= S` becomes `(time >= S AND <hour of time> >=
 * <hour of S>)`. ClickHouse 18.16 does not see that the key's
 * `toStartOfHour(toDateTime(toUInt32(time), 'UTC'))` grows with a Decimal
 * `time`, so without the twin a time range reads every granule of its day
 * partitions. The twin follows from the bound, so the rows are the same.
 *
 * @example
 * withHourKeyConditions("time < toDecimal64('1795568400.5', 6)")
 * // → "(time < toDecimal64('1795568400.5', 6) AND toStartOfHour(toDateTime(toUInt32(time), 'UTC')) <= toDateTime(1795568400, 'UTC'))"
 */
export function withHourKeyConditions(text: string): string {
  return text.replace(bound, (whole: string, quote: string, column: string, op: string, seconds: string) => {
    const hour = Math.floor(Number(seconds) / 3600) * 3600;
    const key = `toStartOfHour(${clickHouseSecondsOf(`${quote}${column}${quote}`, decimalSeconds)})`;
    return `(${whole} AND ${key} ${op.startsWith('>') ? '>=' : '<='} toDateTime(${hour}, 'UTC'))`;
  });
}
