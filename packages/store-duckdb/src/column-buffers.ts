import duckdb, { type Vector } from '@duckdb/node-bindings';
import type { ColumnType } from '@tinsel/model';

const TWO_32 = 4294967296;

/**
 * One column of one data chunk, filled from JavaScript values and copied
 * into DuckDB's vector in one call (strings: one call per non-null value).
 * This bypasses the value-object layer of @duckdb/node-api, whose per-value
 * BigInt validity bookkeeping cost more than DuckDB's own insert.
 */
export interface ColumnBuffer {
  write(vector: Vector, values: readonly unknown[], count: number): void;
}

/** Validity bits: bit i of byte i>>3 is row i, as DuckDB's little-endian uint64 mask lays them out. */
class Validity {
  readonly bytes: Uint8Array<ArrayBuffer>;
  constructor(rows: number) {
    this.bytes = new Uint8Array(Math.ceil(rows / 64) * 8);
  }
  reset(): void {
    this.bytes.fill(0xff);
  }
  clear(row: number): void {
    this.bytes[row >> 3]! &= ~(1 << (row & 7));
  }
  copyTo(vector: Vector): void {
    duckdb.vector_ensure_validity_writable(vector);
    duckdb.copy_data_to_vector_validity(vector, 0, this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
  }
}

class FixedWidthBuffer implements ColumnBuffer {
  private readonly validity: Validity;
  private readonly bytes: Uint8Array<ArrayBuffer>;
  private readonly words: Uint32Array;
  private readonly int32: Int32Array;
  private readonly float64: Float64Array;

  constructor(
    private readonly type: ColumnType,
    private readonly width: number,
    rows: number,
  ) {
    this.validity = new Validity(rows);
    this.bytes = new Uint8Array(rows * width);
    this.words = new Uint32Array(this.bytes.buffer);
    this.int32 = new Int32Array(this.bytes.buffer);
    this.float64 = new Float64Array(this.bytes.buffer);
  }

  write(vector: Vector, values: readonly unknown[], count: number): void {
    this.validity.reset();
    let nulls = 0;
    for (let i = 0; i < count; i++) {
      const value = values[i];
      if (value === null || value === undefined) {
        this.validity.clear(i);
        nulls++;
      } else this.set(i, value);
    }
    duckdb.copy_data_to_vector(vector, 0, this.bytes.buffer, 0, count * this.width);
    if (nulls > 0) this.validity.copyTo(vector);
  }

  private set(i: number, value: unknown): void {
    switch (this.type) {
      case 'int32':
        this.int32[i] = value as number;
        return;
      case 'float64':
        this.float64[i] = value as number;
        return;
      case 'bool':
        this.bytes[i] = value ? 1 : 0;
        return;
      case 'trace_id':
        return this.setUuid(i, value as string);
      default:
        return this.setInt64(i, value as number);
    }
  }

  // Epoch microseconds and byte counts: exact integers below 2^53, written as two 32-bit halves.
  private setInt64(i: number, n: number): void {
    const hi = Math.floor(n / TWO_32);
    this.words[i * 2] = n - hi * TWO_32;
    this.words[i * 2 + 1] = hi >>> 0;
  }

  // DuckDB keeps a UUID as a 128-bit integer with its top bit flipped, lower half first.
  private setUuid(i: number, hex: string): void {
    const w = i * 4;
    this.words[w] = parseInt(hex.slice(24, 32), 16);
    this.words[w + 1] = parseInt(hex.slice(16, 24), 16);
    this.words[w + 2] = parseInt(hex.slice(8, 16), 16);
    this.words[w + 3] = (parseInt(hex.slice(0, 8), 16) ^ 0x80000000) >>> 0;
  }
}

// duckdb_string_t, as the C API lays it out: 16 bytes, a uint32 length, then
// up to 12 bytes inline; longer strings point into the vector's own heap.
const STRING_T = 16;
const INLINE_MAX = 12;

class StringBuffer implements ColumnBuffer {
  private readonly validity: Validity;
  private readonly bytes: Uint8Array<ArrayBuffer>;
  private readonly words: Uint32Array;
  private readonly long: number[] = [];

  constructor(rows: number) {
    this.validity = new Validity(rows);
    this.bytes = new Uint8Array(rows * STRING_T);
    this.words = new Uint32Array(this.bytes.buffer);
  }

  /**
   * Short ASCII strings (most hosts, methods, codes, regions, ids) are
   * written inline and copied with the whole vector in one call; only longer
   * or non-ASCII strings cost a native call each.
   */
  write(vector: Vector, values: readonly unknown[], count: number): void {
    this.validity.reset();
    this.bytes.fill(0, 0, count * STRING_T);
    this.long.length = 0;
    let nulls = 0;
    for (let i = 0; i < count; i++) {
      const value = values[i] as string | null | undefined;
      if (value === null || value === undefined) {
        this.validity.clear(i);
        nulls++;
      } else if (!this.inline(i, value)) this.long.push(i);
    }
    duckdb.copy_data_to_vector(vector, 0, this.bytes.buffer, 0, count * STRING_T);
    for (const i of this.long) duckdb.vector_assign_string_element(vector, i, values[i] as string);
    if (nulls > 0) this.validity.copyTo(vector);
  }

  private inline(i: number, value: string): boolean {
    const length = value.length;
    if (length > INLINE_MAX) return false;
    const at = i * STRING_T + 4;
    for (let k = 0; k < length; k++) {
      const code = value.charCodeAt(k);
      if (code > 0x7f) return false;
      this.bytes[at + k] = code;
    }
    this.words[i * 4] = length;
    return true;
  }
}

const widths: Partial<Record<ColumnType, number>> = { int32: 4, int64: 8, float64: 8, bool: 1, timestamp: 8, trace_id: 16 };

export function columnBuffer(type: ColumnType, rows: number): ColumnBuffer {
  const width = widths[type];
  return width === undefined ? new StringBuffer(rows) : new FixedWidthBuffer(type, width, rows);
}
