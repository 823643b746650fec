import { DuckDBTimestampValue, DuckDBUUIDValue, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { requestsTable, type RequestRecord } from '@tinsel/model';

const columns = Object.entries(requestsTable.columns);

function appendOne(appender: DuckDBAppender, type: string, value: unknown): void {
  if (value === null || value === undefined) return appender.appendNull();
  switch (type) {
    case 'timestamp':
      return appender.appendTimestamp(new DuckDBTimestampValue(BigInt(value as number)));
    case 'trace_id':
      return appender.appendUUID(DuckDBUUIDValue.fromUint128(BigInt(`0x${value as string}`)));
    case 'int32':
      return appender.appendInteger(value as number);
    case 'int64':
      return appender.appendBigInt(BigInt(value as number));
    case 'float64':
      return appender.appendDouble(value as number);
    case 'bool':
      return appender.appendBoolean(value as boolean);
    default:
      return appender.appendVarchar(value as string);
  }
}

/** The plain appender, one call per value: the baseline the data-chunk path is measured against. */
export async function appendValueByValue(connection: DuckDBConnection, rows: readonly RequestRecord[]): Promise<void> {
  const appender = await connection.createAppender('requests');
  for (const row of rows) {
    const record = row as unknown as Record<string, unknown>;
    for (const [name, spec] of columns) appendOne(appender, spec.type, record[name]);
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
}
