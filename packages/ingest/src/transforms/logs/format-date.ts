// An ISO-8601 timestamp, field by field as written (its own offset kept).
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;
const TOKEN = /yyyy|yy|MM|M|dd|d|HH|H|hh|h|mm|m|ss|s|f{1,7}|tt|zzz|K|'[^']*'|"[^"]*"|\\./g;

/**
 * Formats an ISO-8601 timestamp string (how CLEF carries a .NET DateTime)
 * by a .NET date format: standard `o`/`O`/`s`/`u`/`d`/`t`/`T`, or custom
 * (`yyyy-MM-dd HH:mm:ss.fff`). Null when the value is not such a timestamp
 * or the format has no date parts, so the caller renders the plain value.
 *
 * @example
 * formatDate('2016-06-07T03:44:57.8532799Z', 'HH:mm:ss') // '03:44:57'
 */
export function formatDate(value: string, format: string): string | null {
  const m = ISO.exec(value);
  if (!m) return null;
  const f = {
    year: m[1]!, month: m[2]!, day: m[3]!, hour: m[4] ?? '00', minute: m[5] ?? '00', second: m[6] ?? '00',
    fraction: (m[7] ?? '').padEnd(7, '0'), zone: m[8] ?? '',
  };
  const standard = STANDARD[format];
  const pattern = standard === undefined ? format : standard;
  if (!/[yMdHhmsf]/.test(pattern)) return null;
  return pattern.replace(TOKEN, (token) => part(token, f));
}

const STANDARD: Record<string, string> = {
  o: 'yyyy-MM-ddTHH:mm:ss.fffffffK',
  O: 'yyyy-MM-ddTHH:mm:ss.fffffffK',
  s: 'yyyy-MM-ddTHH:mm:ss',
  u: "yyyy-MM-dd HH:mm:ss'Z'",
  d: 'MM/dd/yyyy',
  t: 'HH:mm',
  T: 'HH:mm:ss',
  g: 'MM/dd/yyyy HH:mm',
  G: 'MM/dd/yyyy HH:mm:ss',
};

type Fields = { year: string; month: string; day: string; hour: string; minute: string; second: string; fraction: string; zone: string };

function part(token: string, f: Fields): string {
  const hour = Number(f.hour);
  const hour12 = String(hour % 12 === 0 ? 12 : hour % 12);
  switch (token) {
    case 'yyyy': return f.year;
    case 'yy': return f.year.slice(2);
    case 'MM': return f.month;
    case 'M': return String(Number(f.month));
    case 'dd': return f.day;
    case 'd': return String(Number(f.day));
    case 'HH': return f.hour;
    case 'H': return String(hour);
    case 'hh': return hour12.padStart(2, '0');
    case 'h': return hour12;
    case 'mm': return f.minute;
    case 'm': return String(Number(f.minute));
    case 'ss': return f.second;
    case 's': return String(Number(f.second));
    case 'tt': return hour < 12 ? 'AM' : 'PM';
    case 'zzz': return f.zone === 'Z' || f.zone === '' ? '+00:00' : f.zone;
    case 'K': return f.zone;
    default:
      if (token.startsWith('f')) return f.fraction.slice(0, token.length);
      if (token.startsWith('\\')) return token.slice(1);
      return token.slice(1, -1);
  }
}
