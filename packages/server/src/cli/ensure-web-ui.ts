import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { canBuildWeb, ensureWebBuild, webBuildIsStale, webDistDir } from '@tinsel/web';

/**
 * Builds the web UI before a server starts when its assets are missing or
 * older than its sources (a Vite build takes seconds). A failed build never
 * stops the server: the API works without the UI, and the log says why.
 * Returns whether the UI can be served.
 */
export async function ensureWebUi(log: (event: Record<string, unknown>) => void): Promise<boolean> {
  if (webBuildIsStale() && canBuildWeb()) {
    const started = performance.now();
    try {
      if (await ensureWebBuild()) log({ msg: 'web UI built', dir: webDistDir, ms: Math.round(performance.now() - started) });
    } catch (error) {
      log({ level: 'warn', msg: 'web UI could not be built; the API still serves', error: (error as Error).message.slice(0, 2000) });
    }
  }
  return existsSync(join(webDistDir, 'index.html'));
}
