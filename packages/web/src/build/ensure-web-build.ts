// Builds the UI with Vite when its static assets are missing or older than
// their sources. Runs in Node (the server and the browser tests call it),
// never in the browser.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** packages/web: the Vite project root. */
export const webRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where the built UI lives; `tinsel serve` serves it on the API port. */
export const webDistDir = join(webRoot, 'dist');

const LOCK = join(webRoot, '.build-lock');
const STALE_LOCK_MS = 120_000;

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) if (!entry.endsWith('.test.ts')) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when dist/index.html is missing or older than any source of the UI. */
export function webBuildIsStale(): boolean {
  const built = join(webDistDir, 'index.html');
  if (!existsSync(built)) return true;
  const sources = ['index.html', 'vite.config.ts', 'package.json', 'src'].map((p) => join(webRoot, p)).filter((p) => existsSync(p));
  return Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
}

/** Whether Vite is installed here (a production install may leave it out). */
export function canBuildWeb(): boolean {
  try {
    createRequire(join(webRoot, 'package.json')).resolve('vite/package.json');
    return true;
  } catch {
    return false;
  }
}

function runVite(outDir: string): Promise<void> {
  const require = createRequire(join(webRoot, 'package.json'));
  const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: webRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed (exit ${code}):\n${output.slice(-4000)}`))));
  });
}

async function takeLock(): Promise<() => void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      return () => rmSync(LOCK, { recursive: true, force: true });
    } catch {
      // Another process is building; a lock left by a crash is taken over once stale.
      const age = existsSync(LOCK) ? Date.now() - statSync(LOCK).mtimeMs : 0;
      if (age > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((wake) => setTimeout(wake, 200));
    }
  }
}

/**
 * Builds packages/web/dist when it is missing or stale; returns whether a
 * build ran. Concurrent callers (two test files, a test and the demo) wait
 * for one another, and the new assets replace the old in one rename, so a
 * running server never serves a half-written build.
 */
export async function ensureWebBuild(): Promise<boolean> {
  if (!webBuildIsStale()) return false;
  const release = await takeLock();
  try {
    if (!webBuildIsStale()) return false;
    const fresh = `${webDistDir}.build-${process.pid}`;
    await runVite(fresh);
    const old = `${webDistDir}.old-${process.pid}`;
    if (existsSync(webDistDir)) renameSync(webDistDir, old);
    renameSync(fresh, webDistDir);
    rmSync(old, { recursive: true, force: true });
    return true;
  } finally {
    release();
  }
}
