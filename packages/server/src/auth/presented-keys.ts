import type { FastifyRequest } from 'fastify';

/**
 * Every secret a request presents, where each real client puts one:
 * `X-Tinsel-Key` (the CLI, the API), `X-Seq-ApiKey` or `?apiKey` (Seq sinks),
 * `Authorization: Bearer <key>` (OTLP exporters, the API),
 * `Authorization: ApiKey <base64(id:key)>` and `Basic <base64(user:key)>`
 * (Elasticsearch shippers). An ApiKey token that is not base64 of `id:key`
 * is taken as the key itself, as some shippers send it raw. The web UI's
 * session cookie is not a key: the auth hook checks it apart.
 */
export function presentedKeys(request: FastifyRequest): string[] {
  const keys: string[] = [];
  for (const header of ['x-tinsel-key', 'x-seq-apikey']) keys.push(...headerValues(request.headers[header]));
  const query = request.query as Record<string, unknown> | undefined;
  if (typeof query?.apiKey === 'string' && query.apiKey !== '') keys.push(query.apiKey);
  for (const value of headerValues(request.headers.authorization)) keys.push(...fromAuthorization(value));
  return keys;
}

function headerValues(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter((v) => v !== '');
}

function fromAuthorization(value: string): string[] {
  const space = value.indexOf(' ');
  if (space < 0) return [];
  const scheme = value.slice(0, space).toLowerCase();
  const token = value.slice(space + 1).trim();
  if (token === '') return [];
  if (scheme === 'bearer') return [token];
  if (scheme === 'basic') {
    const password = afterColon(decodeBase64(token));
    return password === null ? [] : [password];
  }
  if (scheme === 'apikey') {
    const secret = afterColon(decodeBase64(token));
    return secret === null ? [token] : [secret, token];
  }
  return [];
}

function decodeBase64(token: string): string | null {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(token)) return null;
  return Buffer.from(token, 'base64').toString('utf8');
}

function afterColon(decoded: string | null): string | null {
  if (decoded === null) return null;
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : decoded.slice(colon + 1);
}
