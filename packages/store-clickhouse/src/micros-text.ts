/**
 * Epoch microseconds to and from the texts ClickHouse reads and writes:
 * `1530570180.186641` (Decimal64(6) seconds) and `2018-07-02 22:23:00.186641`
 * (DateTime64(6)); and to Tinsel's ISO form `2018-07-02T22:23:00.186641Z`.
 */
export function microsToDecimalText(micros: number): string {
  const sign = micros < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(micros));
  return `${sign}${Math.floor(abs / 1e6)}.${String(abs % 1e6).padStart(6, '0')}`;
}

export function microsToIso(micros: number): string {
  const millis = Math.floor(micros / 1000);
  const fraction = String(((micros % 1e6) + 1e6) % 1e6).padStart(6, '0');
  return `${new Date(millis).toISOString().slice(0, 19)}.${fraction}Z`;
}

/** `2018-07-02 22:23:00.186641` (UTC) for DateTime64(6) input. */
export function microsToDateTimeText(micros: number): string {
  return microsToIso(micros).slice(0, 26).replace('T', ' ');
}

/** Decimal seconds as ClickHouse prints them in JSON (a number) to ISO. */
export function decimalSecondsToIso(seconds: number | string): string {
  return microsToIso(Math.round(Number(seconds) * 1e6));
}

/** `2018-07-02 22:23:00[.ffffff]` (UTC) to ISO with six fraction digits. */
export function dateTimeTextToIso(text: string): string {
  const [date, time = '00:00:00'] = text.split(' ');
  const [whole = '00:00:00', fraction = ''] = time.split('.');
  return `${date}T${whole}.${fraction.padEnd(6, '0').slice(0, 6)}Z`;
}
