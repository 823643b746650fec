import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createSecureContext } from 'node:tls';

/** `listen.tls`: PEM files every HTTP listener serves HTTPS with; paths resolved against tinsel.yaml's folder. */
export interface TlsConfig {
  cert: string;
  key: string;
}

/** The PEM contents, as fastify's `https` option takes them. */
export interface TlsCredentials {
  cert: Buffer;
  key: Buffer;
}

/**
 * Reads `listen.tls` (`{ cert, key }`, or TINSEL_LISTEN_TLS_CERT and
 * TINSEL_LISTEN_TLS_KEY) and checks, while the configuration loads, that
 * both files can be read, hold PEM and belong together, so a bad file stops
 * the start with the key named rather than at the first handshake.
 *
 * @example
 * parseTlsConfig({ cert: 'tls/cert.pem', key: 'tls/key.pem' }, '/etc/tinsel') // { cert: '/etc/tinsel/tls/cert.pem', … }
 */
export function parseTlsConfig(value: unknown, baseDir: string): TlsConfig | undefined {
  if (value === undefined || value === null || value === false || value === 'off') return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error('listen.tls: expected a mapping { cert, key } of PEM file paths');
  const raw = value as Record<string, unknown>;
  const unknownKey = Object.keys(raw).find((k) => k !== 'cert' && k !== 'key');
  if (unknownKey) throw new Error(`listen.tls.${unknownKey}: unknown key (known: cert, key)`);
  for (const name of ['cert', 'key'] as const) {
    if (typeof raw[name] !== 'string' || raw[name] === '') throw new Error(`listen.tls.${name}: expected the path of a PEM file, got ${JSON.stringify(raw[name] ?? null)}`);
  }
  const tls = { cert: resolve(baseDir, raw.cert as string), key: resolve(baseDir, raw.key as string) };
  readTlsCredentials(tls);
  return tls;
}

/** The two PEM files' contents; every failure names the key and the file, never the key's content. */
export function readTlsCredentials(tls: TlsConfig): TlsCredentials {
  const cert = readPem(tls.cert, 'listen.tls.cert', /-----BEGIN CERTIFICATE-----/, 'a PEM certificate (-----BEGIN CERTIFICATE-----)');
  const key = readPem(tls.key, 'listen.tls.key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a PEM private key (-----BEGIN PRIVATE KEY-----)');
  try {
    createSecureContext({ cert, key });
  } catch (error) {
    throw new Error(`listen.tls: ${tls.cert} and ${tls.key} cannot be used together (${(error as Error).message})`, { cause: error });
  }
  return { cert, key };
}

function readPem(path: string, key: string, marker: RegExp, what: string): Buffer {
  let content: Buffer;
  try {
    content = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new Error(`${key}: cannot read ${path} (${code})`, { cause: error });
  }
  if (!marker.test(content.toString('latin1'))) throw new Error(`${key}: ${path} is not ${what}`);
  return content;
}
