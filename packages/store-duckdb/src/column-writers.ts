import type { ColumnSpec } from '@tinsel/model';
import { BIGINT, BOOLEAN, DOUBLE, INTEGER, TIMESTAMP, UUID, VARCHAR, DuckDBTimestampValue, DuckDBUUIDValue, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';

/** Converts a record value to the DuckDB value its column stores. */
export type ToDuckDb = (value: unknown) => DuckDBValue;

interface ColumnWriter {
  type: DuckDBType;
  convert: ToDuckDb;
}

const same: ToDuckDb = (value) => value as DuckDBValue;

const writers: Record<ColumnSpec['type'], ColumnWriter> = {
  string: { type: VARCHAR, convert: same },
  json: { type: VARCHAR, convert: same },
  int32: { type: INTEGER, convert: same },
  float64: { type: DOUBLE, convert: same },
  bool: { type: BOOLEAN, convert: same },
  int64: { type: BIGINT, convert: (v) => (v === null ? null : BigInt(v as number)) },
  timestamp: { type: TIMESTAMP, convert: (v) => (v === null ? null : new DuckDBTimestampValue(BigInt(v as number))) },
  trace_id: { type: UUID, convert: (v) => (v === null ? null : DuckDBUUIDValue.fromUint128(BigInt(`0x${v as string}`))) },
};

export function columnWriter(spec: ColumnSpec): ColumnWriter {
  return writers[spec.type];
}
