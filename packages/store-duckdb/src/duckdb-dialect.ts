import type { ColumnSpec } from '@tinsel/model';
import { sql, type Dialect, type Sql } from '@tinsel/store';

const columnTypes: Record<ColumnSpec['type'], string> = {
  string: 'VARCHAR',
  int32: 'INTEGER',
  int64: 'BIGINT',
  float64: 'DOUBLE',
  bool: 'BOOLEAN',
  timestamp: 'TIMESTAMP',
  // 16 bytes instead of 32 characters: trace ids are random and do not compress.
  trace_id: 'UUID',
  json: 'VARCHAR',
};

/** DuckDB's SQL: double-quoted names, `$n` placeholders. */
export const duckDbDialect: Dialect = {
  name: 'duckdb',
  escapeName(name: string): string {
    return `"${name.replace(/"/g, '""')}"`;
  },
  placeholder(index: number): string {
    return `$${index}`;
  },
  columnType(spec: ColumnSpec): string {
    return columnTypes[spec.type];
  },
  timeBucket(column: Sql, seconds: number): Sql {
    return sql`to_timestamp(floor(epoch(${column}) / ${seconds}) * ${seconds})::TIMESTAMP`;
  },
  timestamp(micros: number): Sql {
    return sql`make_timestamp(CAST(${BigInt(Math.trunc(micros))} AS BIGINT))`;
  },
  traceId(hex: string): Sql {
    return sql`CAST(${hex} AS UUID)`;
  },
  jsonText(column: Sql, key: string): Sql {
    // The key is quoted inside the JSON path, so any key (dots, spaces) names one member.
    return sql`json_extract_string(${column}, ${`$."${key.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`})`;
  },
  quantile(expr: Sql, q: number): Sql {
    return sql`quantile_cont(${expr}, ${q})`;
  },
};
