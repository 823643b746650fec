import type { ColumnSpec } from '@tinsel/model';
import { sql, unsafeRawSql, type Dialect, type Sql } from '@tinsel/store';
import type { ClickHouseFeatures } from './clickhouse-features.ts';
import { clickHouseColumnType } from './clickhouse-column-types.ts';
import { microsToDecimalText } from './micros-text.ts';
import { quoteName } from './quote-name.ts';

/** The Dialect functions that follow the physical column types; the query functions complete it. */
export type ClickHouseStorageDialect = Omit<Dialect, 'jsonPath' | 'containsText' | 'like' | 'toNumber' | 'toText' | 'countDistinct' | 'rowKey'>;

/**
 * The parts of ClickHouse's dialect that depend on the server's version:
 * the physical column types, and every function that must match them
 * (timestamps are DateTime64(6) or Decimal64(6) seconds; JSON members are
 * read with JSONExtract* or visitParam*). Placeholders are the store's own
 * rendering (`renderClickHouseSql`), which knows whether the server takes
 * query parameters.
 */
export function clickHouseVersionedDialect(features: ClickHouseFeatures): ClickHouseStorageDialect {
  return {
    name: 'clickhouse',
    escapeName: quoteName,
    placeholder(index: number): string {
      return `{p${index}:String}`;
    },
    columnType(spec: ColumnSpec): string {
      return clickHouseColumnType(spec, features);
    },
    timeBucket(column: Sql, seconds: number): Sql {
      const step = Math.max(1, Math.trunc(seconds));
      return features.dateTime64
        ? sql`toDateTime64(intDiv(toUnixTimestamp64Micro(${column}), ${step * 1_000_000}) * ${step}, 6, 'UTC')`
        : sql`toDateTime(intDiv(toUInt32(${column}), ${step}) * ${step}, 'UTC')`;
    },
    timestamp(micros: number): Sql {
      return features.dateTime64
        ? sql`fromUnixTimestamp64Micro(toInt64(${Math.trunc(micros)}), 'UTC')`
        : sql`toDecimal64(${microsToDecimalText(micros)}, 6)`;
    },
    traceId(hex: string): Sql {
      return sql`${hex}`;
    },
    jsonText(column: Sql, key: string): Sql {
      return features.jsonExtract ? jsonExtractText(column, key) : visitParamText(column, key);
    },
    quantile(expr: Sql, q: number): Sql {
      return sql`quantile(${q})(${expr})`;
    },
  };
}

function jsonExtractText(column: Sql, key: string): Sql {
  return sql`multiIf(JSONType(${column}, ${key}) = 'String', JSONExtractString(${column}, ${key}), JSONType(${column}, ${key}) = 'Null', NULL, nullIf(JSONExtractRaw(${column}, ${key}), ''))`;
}

/**
 * 18.x reads JSON members with visitParam*, which look for `"<key>":` in the
 * text: the key is given JSON-escaped, as it appears in the stored text
 * (Tinsel writes compact JSON). A string member comes back unquoted, any
 * other member as its raw text, a missing one as NULL.
 */
function visitParamText(column: Sql, key: string): Sql {
  const escaped = JSON.stringify(key).slice(1, -1);
  const raw = sql`visitParamExtractRaw(${column}, ${escaped})`;
  return sql`if(visitParamHas(${column}, ${escaped}) = 1, if(substring(${raw}, 1, 1) = '"', visitParamExtractString(${column}, ${escaped}), ${raw}), ${unsafeRawSql('NULL')})`;
}
