import type { ColumnType } from '@tinsel/model';
import { BIGINT, BOOLEAN, DOUBLE, INTEGER, TIMESTAMP, UUID, VARCHAR, type DuckDBType } from '@duckdb/node-api';

// The binding's types for each logical column type; the same choices as the
// SQL names in duckdb-dialect.ts (a trace id is a 16-byte UUID, JSON is text).
const types: Record<ColumnType, DuckDBType> = {
  string: VARCHAR,
  json: VARCHAR,
  int32: INTEGER,
  int64: BIGINT,
  float64: DOUBLE,
  bool: BOOLEAN,
  timestamp: TIMESTAMP,
  trace_id: UUID,
};

/** The DuckDB type a data chunk uses for a column of this logical type. */
export function duckDbType(type: ColumnType): DuckDBType {
  return types[type];
}
