/** The parts of a logged request line; null where the log has `-` or nothing. */
export interface RequestLineParts {
  method: string | null;
  url: string | null;
  protocol: string | null;
  host: string | null;
  port: number | null;
  path: string | null;
  query: string | null;
}

/** A blank RequestLineParts for splitRequestLine to fill. */
export function emptyRequestLineParts(): RequestLineParts {
  return { method: null, url: null, protocol: null, host: null, port: null, path: null, query: null };
}

const SPACE = 32;

/**
 * Splits the request field (`METHOD scheme://host:port/path?query HTTP/x.y`)
 * found in `text` between `start` and `end` into `out`. Never fails: whatever
 * the client sent is kept in the part it most plausibly belongs to.
 *
 * The method ends at the first space and the version starts after the last,
 * because the URL is logged as the client sent it and may contain spaces.
 * Trailing spaces are dropped first (`"GET http://h:80/ HTTP/1.0 "`). With a
 * single space there is no version (`"- http://example.com:8080- "`), with no
 * space only a method. The load balancer writes `-` for what it could not
 * read, as in `"- http://host:80- -"`; those parts are null.
 *
 * @example
 * const out = emptyRequestLineParts();
 * const s = 'GET https://www.example.com:443/a?b=1 HTTP/1.1';
 * splitRequestLine(s, 0, s.length, out);
 * // out: method 'GET', url 'https://www.example.com:443/a?b=1', protocol 'HTTP/1.1',
 * //      host 'www.example.com', port 443, path '/a', query 'b=1'
 */
export function splitRequestLine(text: string, start: number, end: number, out: RequestLineParts): void {
  while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
  out.method = out.url = out.protocol = out.host = out.path = out.query = null;
  out.port = null;
  if (end === start) return;
  const first = text.indexOf(' ', start);
  if (first === -1 || first >= end) {
    out.method = part(text, start, end);
    return;
  }
  out.method = part(text, start, first);
  const last = text.lastIndexOf(' ', end - 1);
  const urlEnd = last === first ? end : last;
  if (last !== first) out.protocol = part(text, last + 1, end);
  const url = part(text, first + 1, urlEnd);
  if (url === null) return;
  out.url = url;
  splitUrl(url, out);
}

/** Text between `start` and `end`; null when empty or `-`. */
function part(text: string, start: number, end: number): string | null {
  if (end <= start || (end - start === 1 && text.charCodeAt(start) === 45)) return null;
  return text.slice(start, end);
}

/**
 * Host, port, path and query of a URL. An absolute URL's authority runs to
 * the first `/` or `?`; the port is the digits after its first colon (after
 * `]` for a bracketed IPv6 host), and anything after those digits is ignored:
 * that is where the load balancer puts the `-` of an unreadable request
 * (`http://host:80-`). A URL without a scheme (`/status`, `*`) is all path.
 */
function splitUrl(url: string, out: RequestLineParts): void {
  const end = url.length;
  const scheme = url.indexOf('://');
  const absolute = scheme > 0 && isSchemeText(url, scheme);
  // Searches, not a character loop: the builtin scans faster than charCodeAt.
  const question = url.indexOf('?', absolute ? scheme + 3 : 0);
  let pathStart = 0;
  if (absolute) {
    const hostStart = scheme + 3;
    const slash = url.indexOf('/', hostStart);
    let authorityEnd = slash === -1 ? end : slash;
    if (question !== -1 && question < authorityEnd) authorityEnd = question;
    // An IPv6 literal's colons are inside its brackets; the port colon follows ']'.
    const bracket = url.charCodeAt(hostStart) === 91 ? url.indexOf(']', hostStart) : -1;
    const colon = url.indexOf(':', bracket === -1 ? hostStart : bracket);
    const hasPort = colon !== -1 && colon < authorityEnd;
    const hostEnd = hasPort ? colon : authorityEnd;
    if (hostEnd > hostStart) out.host = url.slice(hostStart, hostEnd);
    if (hasPort) out.port = readPort(url, colon + 1, authorityEnd);
    pathStart = authorityEnd;
  }
  if (pathStart >= end || (end - pathStart === 1 && url.charCodeAt(pathStart) === 45)) return;
  if (question === -1) {
    out.path = url.slice(pathStart);
    return;
  }
  if (question > pathStart) out.path = url.slice(pathStart, question);
  out.query = url.slice(question + 1);
}

/** RFC 3986 scheme: a letter, then letters, digits, `+`, `-` or `.`. */
function isSchemeText(url: string, end: number): boolean {
  for (let i = 0; i < end; i++) {
    const c = url.charCodeAt(i);
    const isLetter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
    const isOther = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
    if (!isLetter && (i === 0 || !isOther)) return false;
  }
  return true;
}

/** The leading digits of `url[start, end)` as a port; null when there are none or it is over 65535. */
function readPort(url: string, start: number, end: number): number | null {
  let port = 0;
  let i = start;
  for (; i < end && i - start < 6; i++) {
    const d = url.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    port = port * 10 + d;
  }
  return i === start || port > 65_535 ? null : port;
}
