import type { Dialect } from '@tinsel/store';
import { clickHouseFeatures } from './clickhouse-features.ts';
import { clickHouseQueryFunctions } from './clickhouse-query-functions.ts';
import { clickHouseVersionedDialect } from './clickhouse-versioned-dialect.ts';

/**
 * The whole dialect of a ClickHouse release (by default a current one, 24.8):
 * storage types and functions from the versioned dialect, query-language
 * functions from `clickHouseQueryFunctions`. The query language's SQL
 * snapshots are taken in it.
 *
 * @example
 * renderSql(compiled.sql, clickHouseDialect());
 */
export function clickHouseDialect(version = '24.8'): Dialect {
  const features = clickHouseFeatures(version);
  // A MergeTree sorted by hour first cannot read newest-first in order: without the
  // two steps, a page of rows reads every column of every match before sorting.
  return { ...clickHouseVersionedDialect(features), ...clickHouseQueryFunctions(features), twoStepRows: true };
}
