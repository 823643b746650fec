/**
 * The URL of a Tinsel server that answers its health check, or null. The
 * embedded store is a single-writer file, so while a server runs the CLI
 * must go through it.
 */
export async function findServer(url: string | undefined, fallbackPort: number, direct = false): Promise<string | null> {
  if (direct) return null;
  const base = (url ?? `http://127.0.0.1:${fallbackPort}`).replace(/\/$/, '');
  try {
    const response = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(url ? 5000 : 500) });
    if (response.ok) return base;
  } catch {
    if (url) throw new Error(`no Tinsel server answers at ${base}`);
  }
  return null;
}

/**
 * `fetch` to the server with the CLI's API key (`--key`, else `TINSEL_KEY`)
 * in `X-Tinsel-Key`. A refused key is an error that says what to do, not a
 * body each command would have to recognise.
 */
export async function serverFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const key = process.env.TINSEL_KEY;
  const headers = new Headers(init.headers);
  if (key !== undefined && key !== '') headers.set('x-tinsel-key', key);
  const response = await fetch(url, { ...init, headers });
  if (response.status === 401 || response.status === 403) {
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    throw new Error(`the server refused the request (${response.status}): ${body.message ?? 'API key refused'}${key ? '' : ' Pass --key or set TINSEL_KEY.'}`);
  }
  return response;
}
