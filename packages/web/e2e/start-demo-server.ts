// Starts `tinsel demo` on a temporary data folder and ephemeral ports, so the
// browser tests see a Tinsel filled by the simulator and never collide with
// another Tinsel on the machine.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { webRoot } from '../src/build/ensure-web-build.ts';

const bin = join(webRoot, '..', 'server', 'bin', 'tinsel.js');
const env = { ...process.env, TINSEL_LISTEN_PORT: '0', TINSEL_LISTEN_XRAY_UDP_PORT: '0', TINSEL_LISTEN_OTLP_PORT: 'off', TINSEL_LISTEN_ES_PORT: 'off', TINSEL_LISTEN_SEQ_PORT: 'off' };

/** A running demo server: its address, the story links it printed, and a way to stop it. */
export interface DemoServer {
  baseUrl: string;
  /** Story ids the demo printed, by kind: `500`, `504`, `460`. */
  storyIds: Record<string, string>;
  output(): string;
  stop(): Promise<void>;
}

/** Options passed to `tinsel demo`: the backfill window and the incidents staged in it. */
export interface DemoOptions {
  backfill?: string;
  incidents?: string[];
  rate?: number;
  /** A tinsel.yaml to start with (insights interval, alert rules …), written beside the data folder. */
  configYaml?: string;
}

/**
 * Starts the demo and waits until its backfill is stored and its links are
 * printed (the 500 always; the others when their incidents happened).
 */
export async function startDemoServer(dataDir: string, options: DemoOptions = {}): Promise<DemoServer> {
  const incidents = options.incidents ?? ['bad-deploy@-5m/4m', 'target-timeouts@-5m/4m', 'db-overload@-4m/3m'];
  // An hour-long cycle keeps the scripted incidents the only ones in the backfill; every request is traced.
  const args = [bin, 'demo', '--data-dir', dataDir, '--backfill', options.backfill ?? '6m', '--rate', String(options.rate ?? 25), '--sample-rate', '1', '--incident-every', '60m'];
  for (const incident of incidents) args.push('--incident', incident);
  if (options.configYaml !== undefined) {
    const file = join(dirname(dataDir), 'tinsel.yaml');
    writeFileSync(file, options.configYaml);
    args.push('--config', file);
  }
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 180_000;
  while (!/500 failed in the app +\S+/.test(stdout)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`tinsel demo did not start:\n${stdout}\n${stderr.slice(-4000)}`);
    }
    await new Promise((wake) => setTimeout(wake, 200));
  }
  const baseUrl = /UI\/API +(http:\/\/\S+)/.exec(stdout)![1]!;
  const storyIds: Record<string, string> = {};
  for (const match of stdout.matchAll(/^ +(\d{3}) [^\n]*?\/story\/(\S+)/gm)) storyIds[match[1]!] = match[2]!;
  return { baseUrl, storyIds, output: () => stdout, stop };
}
