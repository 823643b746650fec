/**
 * Formats epoch microseconds as ISO-8601 with six fractional digits,
 * `2026-11-24T18:00:15.134089Z`. The text up to the minute is cached:
 * consecutive records share it and Date formatting is the slow part.
 *
 * @example
 * new IsoMicros().format(1795975215134089); // '2026-11-30T18:00:15.134089Z'
 */
export class IsoMicros {
  private minute = Number.NaN;
  private prefix = '';

  format(exactMicros: number): string {
    const micros = Math.floor(exactMicros);
    const minute = Math.floor(micros / 60_000_000);
    if (minute !== this.minute) {
      this.minute = minute;
      this.prefix = new Date(minute * 60_000).toISOString().slice(0, 17);
    }
    const within = micros - minute * 60_000_000;
    const seconds = Math.floor(within / 1_000_000);
    return `${this.prefix}${seconds < 10 ? '0' : ''}${seconds}.${String(1_000_000 + (within - seconds * 1_000_000)).slice(1)}Z`;
  }
}
