const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

/**
 * Formats epoch microseconds as ALB writes them, `2025-09-03T10:15:42.123456Z`.
 * The date up to the minute is kept between calls: consecutive log lines
 * share it, and Date formatting is the slow part.
 *
 * @example
 * new AlbTimeFormatter().format(1530570180186641); // '2018-07-02T22:23:00.186641Z'
 */
export class AlbTimeFormatter {
  private minute = -1;
  private prefix = '';

  format(micros: number): string {
    const minute = Math.floor(micros / 60_000_000);
    if (minute !== this.minute) {
      this.minute = minute;
      this.prefix = new Date(minute * 60_000).toISOString().slice(0, 17);
    }
    const withinMinute = micros - minute * 60_000_000;
    const seconds = Math.floor(withinMinute / 1_000_000);
    const fraction = withinMinute - seconds * 1_000_000;
    return `${this.prefix}${TWO_DIGITS[seconds]}.${String(1_000_000 + fraction).slice(1)}Z`;
  }
}
