/** What the proxy knows about one request when it writes its access-log line. */
export interface AlbLogEntry {
  /** When the request arrived (epoch ms, with fractions). */
  received: number;
  /** When the response was complete (epoch ms). */
  finished: number;
  lbId: string;
  client: string;
  /** `ip:port` of the target, or null when none was chosen. */
  target: string | null;
  /** Seconds; null is written as -1 (ALB's "not available"). */
  requestProcessing: number | null;
  targetProcessing: number | null;
  responseProcessing: number | null;
  elbStatus: number;
  targetStatus: number | null;
  receivedBytes: number;
  sentBytes: number;
  method: string;
  url: string;
  httpVersion: string;
  userAgent: string | null;
  targetGroupArn: string;
  traceHeader: string;
  errorReason: string | null;
}

/**
 * One access-log line in the format ALB writes (`http` type, 29 fields, as in
 * AWS's examples), so that `parseAlbLine` and every other ALB reader take it.
 */
export function formatAlbLine(e: AlbLogEntry): string {
  const target = e.target ?? '-';
  const targetStatus = e.targetStatus === null ? '-' : String(e.targetStatus);
  return [
    'http',
    isoMicros(e.finished),
    e.lbId,
    e.client,
    target,
    seconds(e.requestProcessing),
    seconds(e.targetProcessing),
    seconds(e.responseProcessing),
    String(e.elbStatus),
    targetStatus,
    String(e.receivedBytes),
    String(e.sentBytes),
    quote(`${e.method} ${e.url} HTTP/${e.httpVersion}`),
    quote(e.userAgent ?? '-'),
    '-',
    '-',
    e.targetGroupArn,
    quote(e.traceHeader),
    quote('-'),
    quote('-'),
    '0',
    isoMicros(e.received),
    quote('forward'),
    quote('-'),
    quote(e.errorReason ?? '-'),
    quote(target),
    quote(targetStatus),
    quote('-'),
    quote('-'),
  ].join(' ');
}

// ALB writes times with microseconds and three decimals for durations.
function isoMicros(ms: number): string {
  const whole = Math.floor(ms);
  const micros = Math.floor((ms - whole) * 1000);
  return new Date(whole).toISOString().replace(/\.(\d{3})Z$/, (_m, millis: string) => `.${millis}${String(micros).padStart(3, '0')}Z`);
}

function seconds(value: number | null): string {
  return value === null ? '-1' : Math.max(0, value).toFixed(3);
}

// Quoted fields escape what would break the line: quotes, backslashes, control and non-ASCII bytes.
function quote(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    out += byte < 0x20 || byte >= 0x7f || byte === 0x22 || byte === 0x5c ? `\\x${byte.toString(16).padStart(2, '0')}` : String.fromCharCode(byte);
  }
  return `"${out}"`;
}
