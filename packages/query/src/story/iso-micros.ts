const ISO = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/;

/**
 * Epoch microseconds of a timestamp as stores return it
 * (`2018-07-02T22:23:00.186641Z`), exact to the microsecond, which
 * `Date.parse` is not. Numbers are taken as microseconds already; anything
 * unreadable is null.
 *
 * @example
 * isoMicros('2018-07-02T22:23:00.186641Z') // 1530570180186641
 */
export function isoMicros(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return null;
  const match = ISO.exec(value);
  if (!match) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : ms * 1000;
  }
  const seconds = Date.parse(`${match[1]}Z`);
  return seconds * 1000 + Number((match[2] ?? '').padEnd(6, '0').slice(0, 6));
}

/** The ISO-8601 text of epoch microseconds, with all six fractional digits. */
export function microsIso(micros: number): string {
  const seconds = Math.floor(micros / 1_000_000);
  const fraction = String(micros - seconds * 1_000_000).padStart(6, '0');
  return `${new Date(seconds * 1000).toISOString().slice(0, 19)}.${fraction}Z`;
}
