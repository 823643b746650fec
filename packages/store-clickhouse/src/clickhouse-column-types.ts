import type { ColumnSpec } from '@tinsel/model';
import type { ClickHouseFeatures } from './clickhouse-features.ts';

/**
 * The physical ClickHouse type of a logical column on a given server.
 *
 * - `timestamp`: DateTime64(6, 'UTC') where the server has it; on older
 *   servers Decimal64(6) seconds, which keeps every microsecond and is still
 *   a type of its own, so results can be turned back into ISO text.
 * - `trace_id`: the canonical 32-hex text. Sharding (cityHash64) and the
 *   bloom-filter index work on it, and every surface already speaks it.
 * - `json`: the JSON text; the dialect reads members with JSONExtract* or,
 *   on old servers, visitParam*.
 * - `bool`: Bool, else UInt8 (decoded back to a boolean by column name).
 */
export function clickHouseColumnType(spec: ColumnSpec, features: ClickHouseFeatures): string {
  const base = baseType(spec, features);
  const nullable = spec.nullable ? `Nullable(${base})` : base;
  const dictionary = spec.lowCardinality === true && spec.type === 'string' && features.lowCardinality;
  return dictionary ? `LowCardinality(${nullable})` : nullable;
}

function baseType(spec: ColumnSpec, features: ClickHouseFeatures): string {
  switch (spec.type) {
    case 'string':
    case 'json':
    case 'trace_id':
      return 'String';
    case 'int32':
      return 'Int32';
    case 'int64':
      return 'Int64';
    case 'float64':
      return 'Float64';
    case 'bool':
      return features.boolType ? 'Bool' : 'UInt8';
    case 'timestamp':
      return features.dateTime64 ? "DateTime64(6, 'UTC')" : 'Decimal64(6)';
  }
}

/** A timestamp column as a DateTime (whole seconds, UTC) for partitions and sort keys. */
export function clickHouseSecondsOf(column: string, features: ClickHouseFeatures): string {
  return features.dateTime64 ? `toDateTime(${column}, 'UTC')` : `toDateTime(toUInt32(${column}), 'UTC')`;
}
