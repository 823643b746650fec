// Self-signed certificates for tests, made by the openssl command (node:crypto
// makes keys but not X.509 certificates). Nothing here is used outside tests.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Why TLS tests cannot run here, or false. In CI a missing openssl fails the test instead of skipping it. */
export function opensslSkipReason(): string | false {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return false;
  } catch {
    return process.env.CI === 'true' ? false : 'no openssl command to make a test certificate';
  }
}

/** A certificate for 127.0.0.1 and localhost, valid one day, as `<name>-cert.pem` and `<name>-key.pem` in `dir`. */
export function makeTestCertificate(dir: string, name = 'test'): { certFile: string; keyFile: string; cert: Buffer } {
  const certFile = join(dir, `${name}-cert.pem`);
  const keyFile = join(dir, `${name}-key.pem`);
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', keyFile, '-out', certFile],
    { stdio: 'ignore' },
  );
  return { certFile, keyFile, cert: readFileSync(certFile) };
}
