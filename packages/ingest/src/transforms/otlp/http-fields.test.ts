import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readHttpFields } from './http-fields.ts';

describe('readHttpFields', () => {
  it('reads the stable semantic conventions', () => {
    assert.deepEqual(
      readHttpFields({ 'http.request.method': 'PUT', 'url.full': 'https://a.example/x?y=1', 'http.response.status_code': 201 }),
      { method: 'PUT', url: 'https://a.example/x?y=1', status: 201 },
    );
  });

  it('reads the older names, a status sent as text included', () => {
    assert.deepEqual(readHttpFields({ 'http.method': 'GET', 'http.url': 'http://b/y', 'http.status_code': '502' }), {
      method: 'GET',
      url: 'http://b/y',
      status: 502,
    });
  });

  it('prefers the new name when a span carries both', () => {
    const fields = readHttpFields({ 'http.method': 'GET', 'http.request.method': 'POST', 'http.status_code': 200, 'http.response.status_code': 500 });
    assert.equal(fields.method, 'POST');
    assert.equal(fields.status, 500);
  });

  it('composes a URL from target and host, old and new style', () => {
    assert.equal(readHttpFields({ 'http.target': '/a?b', 'http.host': 'h:81' }).url, 'http://h:81/a?b');
    assert.equal(readHttpFields({ 'http.target': '/a', 'net.host.name': 'h', 'net.host.port': 8080, 'http.scheme': 'https' }).url, 'https://h:8080/a');
    assert.equal(readHttpFields({ 'url.path': '/p', 'url.query': 'q=1', 'server.address': 's', 'url.scheme': 'https' }).url, 'https://s/p?q=1');
    assert.equal(readHttpFields({ 'http.target': '/only-path' }).url, '/only-path');
  });

  it('does not make a URL of a host alone', () => {
    assert.equal(readHttpFields({ 'server.address': 'db1', 'server.port': 5432 }).url, null);
  });

  it('leaves a status that is not an int32 null', () => {
    assert.equal(readHttpFields({ 'http.status_code': 'OK' }).status, null);
    assert.equal(readHttpFields({ 'http.status_code': 2 ** 40 }).status, null);
  });
});
