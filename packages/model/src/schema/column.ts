/**
 * Column types shared by every store backend. A backend's Dialect maps each
 * to its own SQL type; records carry the JavaScript value named here.
 *
 * - `timestamp`: epoch microseconds as a number (exact to 2^53 µs, year 2255).
 * - `trace_id`: the canonical 32 lowercase hex trace id.
 * - `json`: a JSON text; backends may store it natively.
 */
export type ColumnType = 'string' | 'int32' | 'int64' | 'float64' | 'bool' | 'timestamp' | 'trace_id' | 'json';

export interface ColumnSpec<T extends ColumnType = ColumnType, N extends boolean = boolean> {
  readonly type: T;
  readonly nullable: N;
  /** Few distinct values (hosts, status classes): backends may dictionary-encode. */
  readonly lowCardinality?: boolean;
  readonly doc: string;
}

export interface ColumnValueOf {
  string: string;
  int32: number;
  int64: number;
  float64: number;
  bool: boolean;
  timestamp: number;
  trace_id: string;
  json: string;
}

type Options = { lowCardinality?: boolean };

function make<T extends ColumnType>(type: T) {
  return {
    required: (doc: string, options: Options = {}): ColumnSpec<T, false> => ({ type, nullable: false, doc, ...options }),
    nullable: (doc: string, options: Options = {}): ColumnSpec<T, true> => ({ type, nullable: true, doc, ...options }),
  };
}

/**
 * Column constructors: `col.string.nullable('SNI host')`.
 */
export const col = {
  string: make('string'),
  int32: make('int32'),
  int64: make('int64'),
  float64: make('float64'),
  bool: make('bool'),
  timestamp: make('timestamp'),
  traceId: make('trace_id'),
  json: make('json'),
};
