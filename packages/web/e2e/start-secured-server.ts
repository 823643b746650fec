// Starts `tinsel serve` with API keys and a user with a password (hashed by
// `tinsel hash-password`, as an operator would), on a temporary data folder
// and an ephemeral port, and fills it with a few ALB lines of the last
// minutes, sent with the ingest key.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webRoot } from '../src/build/ensure-web-build.ts';

const bin = join(webRoot, '..', 'server', 'bin', 'tinsel.js');

/** A running server that wants a sign-in. */
export interface SecuredServer {
  baseUrl: string;
  /** The user and password configured in auth.users (scope read). */
  user: { name: string; password: string };
  /** How many ALB lines it holds, and how many of them answered 500. */
  lines: { total: number; errors: number };
  stop(): Promise<void>;
}

const INGEST_KEY = 'browser-ingest-key-0123456789abcdef';

/** The password's hash, from the command an operator runs. */
function hashPassword(password: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'hash-password'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`tinsel hash-password exited ${code}`))));
    child.stdin.end(`${password}\n`);
  });
}

/** ALB lines in AWS's format, one every 10 s over the last minutes; every fourth answered 500. */
function albLines(count: number, now: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const at = new Date(now - (count - i) * 10_000);
    const status = i % 4 === 0 ? 500 : 200;
    const root = `1-${Math.floor(at.getTime() / 1000).toString(16)}-${(0xabc000 + i).toString(16).padStart(24, '0')}`;
    const created = new Date(at.getTime() - 25).toISOString().replace('Z', '000Z');
    return `http ${at.toISOString().replace('Z', '000Z')} app/shop-lb/50dc6c495c0c9188 192.168.131.39:${2800 + i} 10.0.0.1:80 0.000 0.0${10 + i} 0.000 ${status} ${status} 34 366 "GET http://shop.example.com:80/cart/${i} HTTP/1.1" "curl/8.5.0" - - arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/shop/73e2d6bc24d8a067 "Root=${root}" "-" "-" 0 ${created} "forward" "-" "-" "10.0.0.1:80" "${status}" "-" "-"`;
  });
}

/** Writes tinsel.yaml, starts the server and ingests the lines; throws with its output when it does not start. */
export async function startSecuredServer(): Promise<SecuredServer> {
  const dir = mkdtempSync(join(tmpdir(), 'tinsel-secured-'));
  const user = { name: 'ana', password: 'a long browser password' };
  const yaml = [
    `dataDir: ${join(dir, 'data')}`,
    'listen: { host: 127.0.0.1, port: 0, xrayUdpPort: off, otlpPort: off, seqPort: off, esPort: off }',
    'auth:',
    `  keys: [{ name: shipper, key: ${INGEST_KEY}, scopes: [ingest] }]`,
    `  users: [{ name: ${user.name}, passwordHash: "${await hashPassword(user.password)}", scopes: [read] }]`,
  ];
  writeFileSync(join(dir, 'tinsel.yaml'), `${yaml.join('\n')}\n`);
  const child = spawn(process.execPath, [bin, 'serve', '--config', join(dir, 'tinsel.yaml')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  let baseUrl: string | undefined;
  while (baseUrl === undefined) {
    baseUrl = /"msg":"Tinsel is listening","api":"(http:\/\/[^"]+)"/.exec(stderr)?.[1];
    if (baseUrl !== undefined) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`tinsel serve did not start:\n${stderr.slice(-4000)}`);
    }
    await new Promise((wake) => setTimeout(wake, 100));
  }
  const lines = albLines(40, Date.now());
  const ingest = await fetch(`${baseUrl}/api/ingest/alb`, { method: 'POST', headers: { 'content-type': 'text/plain', 'x-tinsel-key': INGEST_KEY }, body: `${lines.join('\n')}\n` });
  if (!ingest.ok) {
    await stop();
    throw new Error(`ingest answered ${ingest.status}: ${await ingest.text()}`);
  }
  return { baseUrl, user, lines: { total: lines.length, errors: lines.filter((l) => / 500 500 /.test(l)).length }, stop };
}
