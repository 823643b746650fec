import { intAttribute, stringAttribute } from './attribute-lookup.ts';
import type { Attributes } from './read-any-value.ts';

/** The HTTP columns of a span. */
export interface HttpFields {
  method: string | null;
  url: string | null;
  status: number | null;
}

const INT32_MAX = 2 ** 31 - 1;

/**
 * Reads method, URL and response status from span attributes of either
 * generation of the HTTP semantic conventions (stable since 1.23:
 * `http.request.method`, `url.full`, `http.response.status_code`; before:
 * `http.method`, `http.url`, `http.status_code`). Without a full URL, one
 * is put together from scheme, host and target when a path is known, as a
 * server span usually reports it; a host alone (a database or RPC client)
 * is not a URL.
 *
 * @example
 * readHttpFields({ 'http.request.method': 'GET', 'url.scheme': 'https', 'server.address': 'shop.example', 'url.path': '/cart' })
 * // { method: 'GET', url: 'https://shop.example/cart', status: null }
 */
export function readHttpFields(attributes: Attributes): HttpFields {
  const status = intAttribute(attributes, 'http.response.status_code', 'http.status_code');
  return {
    method: stringAttribute(attributes, 'http.request.method', 'http.method'),
    url: stringAttribute(attributes, 'url.full', 'http.url') ?? composeUrl(attributes),
    status: status !== null && status <= INT32_MAX ? status : null,
  };
}

function composeUrl(attributes: Attributes): string | null {
  const target = stringAttribute(attributes, 'http.target') ?? pathAndQuery(attributes);
  if (target === null) return null;
  const host = stringAttribute(attributes, 'http.host') ?? hostAndPort(attributes);
  if (host === null) return target;
  const scheme = stringAttribute(attributes, 'url.scheme', 'http.scheme') ?? 'http';
  return `${scheme}://${host}${target.startsWith('/') ? '' : '/'}${target}`;
}

function pathAndQuery(attributes: Attributes): string | null {
  const path = stringAttribute(attributes, 'url.path');
  if (path === null) return null;
  const query = stringAttribute(attributes, 'url.query');
  return query === null ? path : `${path}?${query}`;
}

function hostAndPort(attributes: Attributes): string | null {
  const host = stringAttribute(attributes, 'server.address', 'net.host.name');
  if (host === null) return null;
  const port = stringAttribute(attributes, 'server.port', 'net.host.port');
  return port === null ? host : `${host}:${port}`;
}
