import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { webDistDir } from '@tinsel/web';

/** The UI's own addresses; anything else (/api, /v1, /_bulk, …) is never answered with the page. */
const UI_PATHS = ['/', '/search', '/story', '/story/*', '/trace', '/trace/*', '/traces', '/traces/*', '/dashboards', '/dashboards/*', '/service-map', '/service-map/*', '/insights', '/insights/*', '/alerts'];

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

/**
 * Serves the built web UI (packages/web/dist) on the API port: the page for
 * each UI address (the UI routes in the browser), and the hashed assets
 * under /assets with a year-long cache, since a new build gives them new names.
 */
export function registerWebUiRoute(app: FastifyInstance, options: { distDir?: string } = {}): void {
  const dist = options.distDir ?? webDistDir;
  const page = (reply: FastifyReply) => {
    const file = join(dist, 'index.html');
    if (!existsSync(file)) {
      return reply.status(503).type('text/plain; charset=utf-8').send('The web UI is not built. Run `npm run build -w @tinsel/web` (npm start builds it), then reload.\n');
    }
    // The page names the current assets, so it is never cached.
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(createReadStream(file));
  };
  for (const path of UI_PATHS) app.get(path, (_request, reply) => page(reply));

  app.get('/assets/*', (request, reply) => {
    const name = (request.params as { '*': string })['*'];
    const root = join(dist, 'assets');
    const file = normalize(join(root, name));
    // A path that climbs out of the assets folder is no asset.
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      return reply.status(404).send({ error: 'TINSEL_ERR_NOT_FOUND', message: 'No such route.' });
    }
    return reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .type(TYPES[extname(file)] ?? 'application/octet-stream')
      .send(createReadStream(file));
  });
}
