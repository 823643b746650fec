import { join, sql, type Dialect, type Sql } from '@tinsel/store';
import type { ClickHouseFeatures } from './clickhouse-features.ts';

/** The Dialect functions the query language needs beyond storage: JSON paths, text search, counting, tiebreaks. */
export type ClickHouseQueryFunctions = Pick<Dialect, 'jsonPath' | 'containsText' | 'like' | 'toNumber' | 'toText' | 'countDistinct' | 'rowKey'>;

/**
 * ClickHouse's forms of the query functions, for a server's features: JSON
 * members through JSONExtract* (19.1+) or chained visitParam* (18.x, flat
 * objects read one level at a time), ILIKE (20.6+, with the Bool type line
 * as a close enough marker: 21.12) or LIKE over lowered text before it.
 */
export function clickHouseQueryFunctions(features: ClickHouseFeatures): ClickHouseQueryFunctions {
  return {
    jsonPath(column: Sql, path: readonly string[]): Sql {
      return features.jsonExtract ? jsonExtractPath(column, path) : visitParamPath(column, path);
    },
    containsText(expr: Sql, needle: string): Sql {
      return sql`positionCaseInsensitiveUTF8(${expr}, ${needle}) > 0`;
    },
    like(expr: Sql, pattern: string, ignoreCase: boolean): Sql {
      // LIKE in ClickHouse takes `\` as its escape character already.
      if (!ignoreCase) return sql`like(${expr}, ${pattern})`;
      return features.boolType ? sql`ilike(${expr}, ${pattern})` : sql`like(lowerUTF8(${expr}), lowerUTF8(${pattern}))`;
    },
    toNumber(expr: Sql): Sql {
      return sql`toFloat64OrNull(toString(${expr}))`;
    },
    toText(expr: Sql): Sql {
      return sql`toString(${expr})`;
    },
    countDistinct(expr: Sql): Sql {
      return sql`uniqExact(${expr})`;
    },
    rowKey(exprs: readonly Sql[]): Sql {
      // cityHash64 of nullable arguments differs across releases: hash text, with NULL as empty.
      return sql`toString(cityHash64(${join(exprs.map((e) => sql`ifNull(toString(${e}), '')`))}))`;
    },
  };
}

function jsonExtractPath(column: Sql, path: readonly string[]): Sql {
  const keys = join([...path]);
  return sql`multiIf(JSONType(${column}, ${keys}) = 'String', JSONExtractString(${column}, ${keys}), JSONType(${column}, ${keys}) = 'Null', NULL, nullIf(JSONExtractRaw(${column}, ${keys}), ''))`;
}

/** visitParam* reads one level of compact JSON: each step takes the raw member text of the step before. */
function visitParamPath(column: Sql, path: readonly string[]): Sql {
  const escaped = path.map((key) => JSON.stringify(key).slice(1, -1));
  let parent = column;
  for (const key of escaped.slice(0, -1)) parent = sql`visitParamExtractRaw(${parent}, ${key})`;
  const last = escaped[escaped.length - 1]!;
  const raw = sql`visitParamExtractRaw(${parent}, ${last})`;
  return sql`if(visitParamHas(${parent}, ${last}) = 1, if(substring(${raw}, 1, 1) = '"', visitParamExtractString(${parent}, ${last}), ${raw}), NULL)`;
}
