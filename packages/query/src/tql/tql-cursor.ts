import { fail, ok, type Result } from '@tinsel/model';

/**
 * Where the next page starts. Rows newest first carry the time and tiebreak
 * key of the last row sent; any other order carries an offset.
 */
export type TqlCursor = { kind: 'after'; time: number; key: string } | { kind: 'offset'; offset: number };

/** A cursor as an opaque URL-safe text for clients. */
export function encodeCursor(cursor: TqlCursor): string {
  const body = cursor.kind === 'after' ? { t: cursor.time, k: cursor.key } : { o: cursor.offset };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

/** Reads a cursor a client sent back; anything else is refused with a reason. */
export function decodeCursor(text: string): Result<TqlCursor> {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return fail('cursor: not a cursor Tinsel issued');
  }
  const b = body as { t?: unknown; k?: unknown; o?: unknown };
  if (typeof b.t === 'number' && Number.isSafeInteger(b.t) && typeof b.k === 'string' && b.k.length <= 64) return ok({ kind: 'after', time: b.t, key: b.k });
  if (typeof b.o === 'number' && Number.isSafeInteger(b.o) && b.o >= 0) return ok({ kind: 'offset', offset: b.o });
  return fail('cursor: not a cursor Tinsel issued');
}

/** `2018-07-02T22:23:00.186641Z` → epoch microseconds, exactly (Date.parse stops at milliseconds). */
export function isoToMicros(iso: string): number | null {
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?Z$/.exec(iso);
  if (!m) return null;
  const seconds = Date.parse(`${m[1]}Z`);
  if (Number.isNaN(seconds)) return null;
  return seconds * 1000 + Number((m[2] ?? '').padEnd(6, '0'));
}
