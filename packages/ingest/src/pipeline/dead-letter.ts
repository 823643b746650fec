import type { DeadLetterRecord, Signal } from '@tinsel/model';

// Keep a dead letter readable and bounded: a 10 MB garbage line must not become a 10 MB row.
const MAX_RAW_CHARS = 64 * 1024;

/**
 * A rejected input with its reason and position.
 *
 * @example
 * deadLetter('requests', '/logs/a.log.gz', 12, 'field 9 elb_status_code: …', line)
 */
export function deadLetter(signal: Signal, source: string, position: number | null, reason: string, raw: string): DeadLetterRecord {
  return {
    received_at: Date.now() * 1000,
    signal,
    source,
    position,
    reason,
    raw: raw.length > MAX_RAW_CHARS ? raw.slice(0, MAX_RAW_CHARS) : raw,
  };
}
