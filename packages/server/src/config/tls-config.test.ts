import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from './load-config.ts';
import { validateConfig } from './validate-config.ts';

const reasonOf = (tls: unknown, baseDir = '.') => {
  const result = validateConfig({ listen: { tls } }, baseDir);
  return result.ok ? null : result.reason;
};

describe('listen.tls', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tinsel-tls-config-'));
  writeFileSync(join(dir, 'notes.txt'), 'not a certificate');

  it('is off when absent', () => {
    const result = validateConfig({}, dir);
    assert.ok(result.ok);
    assert.equal(result.value.listen.tls, undefined);
  });

  it('names the key and the file when a file cannot be read or holds no PEM', () => {
    assert.equal(reasonOf({ cert: 'missing-cert.pem', key: 'missing-key.pem' }, dir), `listen.tls.cert: cannot read ${join(dir, 'missing-cert.pem')} (ENOENT)`);
    assert.equal(reasonOf({ cert: 'notes.txt', key: 'notes.txt' }, dir), `listen.tls.cert: ${join(dir, 'notes.txt')} is not a PEM certificate (-----BEGIN CERTIFICATE-----)`);
    assert.match(reasonOf({ cert: dir, key: 'k.pem' }, dir)!, /^listen\.tls\.cert: cannot read .* \(EISDIR\)$/);
  });

  it('wants both paths and nothing else', () => {
    assert.equal(reasonOf({ cert: 'c.pem' }), 'listen.tls.key: expected the path of a PEM file, got null');
    assert.equal(reasonOf('cert.pem'), 'listen.tls: expected a mapping { cert, key } of PEM file paths');
    assert.match(reasonOf({ cert: 'c.pem', key: 'k.pem', ca: 'x' })!, /^listen\.tls\.ca: unknown key/);
  });

  it('takes the paths from TINSEL_LISTEN_TLS_CERT and TINSEL_LISTEN_TLS_KEY', () => {
    const result = loadConfig({ file: undefined, env: { TINSEL_LISTEN_TLS_CERT: join(dir, 'nope.pem'), TINSEL_LISTEN_TLS_KEY: join(dir, 'nope-key.pem') } });
    assert.ok(!result.ok && result.reason.startsWith('listen.tls.cert: cannot read'));
  });
});
