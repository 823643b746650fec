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
