import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { splitEndpoint, type Endpoint } from './split-endpoint.ts';

function split(text: string): Endpoint | null {
  const out = { ip: '', port: 0 };
  return splitEndpoint(text, 0, text.length, out) ? out : null;
}

describe('splitEndpoint', () => {
  it('splits IPv4 ip:port', () => {
    assert.deepEqual(split('192.168.131.39:2817'), { ip: '192.168.131.39', port: 2817 });
  });

  it('splits an unbracketed IPv6 address on the last colon', () => {
    assert.deepEqual(split('2001:db8:85a3::8a2e:370:7334:50599'), { ip: '2001:db8:85a3::8a2e:370:7334', port: 50599 });
    assert.deepEqual(split('::1:443'), { ip: '::1', port: 443 });
  });

  it('drops the brackets of a bracketed IPv6 address', () => {
    assert.deepEqual(split('[2001:db8::1]:443'), { ip: '2001:db8::1', port: 443 });
  });

  it('reads the endpoint in place', () => {
    const out = { ip: '', port: 0 };
    assert.ok(splitEndpoint('x 10.0.0.1:80 y', 2, 13, out));
    assert.deepEqual(out, { ip: '10.0.0.1', port: 80 });
  });

  it('refuses what is not ip:port', () => {
    for (const bad of ['', '-', '10.0.0.1', '10.0.0.1:', ':80', '10.0.0.1:8o', '10.0.0.1:65536', '10.0.0.1:1234567', 'host.example:80', '[::1:80', '10.0.0.1 :80']) {
      assert.equal(split(bad), null, bad);
    }
  });
});
