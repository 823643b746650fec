import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The scripts a first visit loads before the UI can render, with their sizes. */
export interface InitialJs {
  files: { path: string; bytes: number; gzipBytes: number }[];
  bytes: number;
  gzipBytes: number;
  cssGzipBytes: number;
}

/**
 * Reads the built index.html and sums the JavaScript it loads at once (the
 * entry script and the modules it preloads), raw and gzipped at level 9 as a
 * server or CDN would send them. Chunks loaded later (lazy imports) are not
 * initial, so they are left out.
 */
export function measureInitialJs(distDir: string): InitialJs {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]!);
  const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]!);
  const size = (path: string) => {
    const bytes = readFileSync(join(distDir, path.replace(/^\//, '')));
    return { path, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  };
  const files = [...new Set(scripts)].map(size);
  return {
    files,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
    cssGzipBytes: styles.map(size).reduce((n, f) => n + f.gzipBytes, 0),
  };
}
