import { bytesOf, type AsciiWriter } from './ascii-writer.ts';

/**
 * Writes epoch microseconds as ISO-8601 with six fractional digits and no
 * zone letter, `2026-11-24T18:00:15.134089` (callers add `Z`, or `0Z` for
 * Serilog's seven digits). The text up to the minute is cached: consecutive
 * records share it and Date formatting is the slow part.
 *
 * @example
 * const out = new AsciiWriter(Buffer.alloc(32));
 * new IsoMicros().write(out, 1795975215134089); // out holds '2026-11-30T18:00:15.134089'
 */
export class IsoMicros {
  private minute = Number.NaN;
  private prefix = bytesOf('');

  write(out: AsciiWriter, exactMicros: number): void {
    const micros = Math.floor(exactMicros);
    const minute = Math.floor(micros / 60_000_000);
    if (minute !== this.minute) {
      this.minute = minute;
      this.prefix = bytesOf(new Date(minute * 60_000).toISOString().slice(0, 17));
    }
    const within = micros - minute * 60_000_000;
    const seconds = Math.floor(within / 1_000_000);
    out.bytes(this.prefix);
    out.digits(seconds, 2);
    out.byte(46);
    out.digits(within - seconds * 1_000_000, 6);
  }
}
