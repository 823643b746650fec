import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { emptyRequestLineParts, splitRequestLine, type RequestLineParts } from './split-request-line.ts';

function split(request: string): RequestLineParts {
  const out = emptyRequestLineParts();
  splitRequestLine(request, 0, request.length, out);
  return out;
}

const none = emptyRequestLineParts();

describe('splitRequestLine', () => {
  it('splits method, URL and version, and the URL into host, port, path and query', () => {
    assert.deepEqual(split('GET https://www.example.com:443/a/b?c=1&d=2 HTTP/1.1'), {
      method: 'GET', url: 'https://www.example.com:443/a/b?c=1&d=2', protocol: 'HTTP/1.1',
      host: 'www.example.com', port: 443, path: '/a/b', query: 'c=1&d=2',
    });
  });

  it('keeps spaces inside the URL: the version follows the last space', () => {
    const parts = split('GET http://example.com:80/my file.txt?q=a b HTTP/1.1');
    assert.equal(parts.url, 'http://example.com:80/my file.txt?q=a b');
    assert.equal(parts.path, '/my file.txt');
    assert.equal(parts.query, 'q=a b');
    assert.equal(parts.protocol, 'HTTP/1.1');
  });

  it('drops trailing spaces after the version', () => {
    assert.equal(split('GET http://host:80/ HTTP/1.0 ').protocol, 'HTTP/1.0');
  });

  it('reads the unparsable-request shape "- http://host:80- -" as a host and port only', () => {
    assert.deepEqual(split('- http://www.example.com:80- -'), {
      ...none, url: 'http://www.example.com:80-', host: 'www.example.com', port: 80,
    });
  });

  it('reads "- - -" and its TCP-listener form "- - - " as nothing', () => {
    assert.deepEqual(split('- - -'), none);
    assert.deepEqual(split('- - - '), none);
    assert.deepEqual(split(''), none);
    assert.deepEqual(split('-'), none);
  });

  it('has no version when there is a single space', () => {
    assert.deepEqual(split('- http://example.com:8080- '), { ...none, url: 'http://example.com:8080-', host: 'example.com', port: 8080 });
    assert.deepEqual(split('GET /index.html'), { ...none, method: 'GET', url: '/index.html', path: '/index.html' });
  });

  it('keeps odd client methods as sent', () => {
    assert.equal(split('SSTP_DUPLEX_POST https://1.2.3.4:443/sra_{BA195980-CD49-458b-9E23-C84EE0ADCD75}/ HTTP/1.1').method, 'SSTP_DUPLEX_POST');
    assert.equal(split('--location http://x:80/ HTTP/1.1').method, '--location');
    assert.deepEqual(split('ZSDLKFJ2'), { ...none, method: 'ZSDLKFJ2' });
  });

  it('reads HTTP/2 URLs without port or path', () => {
    assert.deepEqual(split('GET https://example.com HTTP/2.0'), {
      ...none, method: 'GET', url: 'https://example.com', protocol: 'HTTP/2.0', host: 'example.com',
    });
    assert.deepEqual(split('GET https://example.com?x=1 HTTP/2.0'), {
      ...none, method: 'GET', url: 'https://example.com?x=1', protocol: 'HTTP/2.0', host: 'example.com', query: 'x=1',
    });
  });

  it('keeps an empty query apart from no query', () => {
    assert.equal(split('GET http://h:80/p? HTTP/1.1').query, '');
    assert.equal(split('GET http://h:80/p HTTP/1.1').query, null);
  });

  it('reads bracketed IPv6 hosts, keeping the brackets as URL hosts do', () => {
    const parts = split('GET http://[2001:db8::1]:8080/x HTTP/1.1');
    assert.equal(parts.host, '[2001:db8::1]');
    assert.equal(parts.port, 8080);
    assert.equal(parts.path, '/x');
  });

  it('leaves the port null when it is not a port', () => {
    assert.equal(split('GET http://h:99999/ HTTP/1.1').port, null);
    assert.equal(split('GET http://h:/ HTTP/1.1').port, null);
    assert.equal(split('GET http://h:/ HTTP/1.1').host, 'h');
  });

  it('takes URLs without a scheme as all path and query', () => {
    assert.deepEqual(split('OPTIONS * HTTP/1.1'), { ...none, method: 'OPTIONS', url: '*', protocol: 'HTTP/1.1', path: '*' });
    assert.deepEqual(split('GET /a?b HTTP/1.1'), { ...none, method: 'GET', url: '/a?b', protocol: 'HTTP/1.1', path: '/a', query: 'b' });
    assert.equal(split('GET 1http://x/ HTTP/1.1').host, null);
    assert.deepEqual(split('GET a?b://c HTTP/1.1'), { ...none, method: 'GET', url: 'a?b://c', protocol: 'HTTP/1.1', path: 'a', query: 'b://c' });
  });

  it('reads the request in place inside a longer line', () => {
    const line = 'x "GET http://h:80/p HTTP/1.1" y';
    const out = emptyRequestLineParts();
    splitRequestLine(line, 3, 29, out);
    assert.equal(out.method, 'GET');
    assert.equal(out.protocol, 'HTTP/1.1');
    assert.equal(out.path, '/p');
  });
});
