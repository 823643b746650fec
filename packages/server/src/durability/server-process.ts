import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

const CLI = new URL('../cli/main.ts', import.meta.url).pathname;

/** Loopback ports for every listener, fixed for the life of a harness so senders keep their addresses across restarts. */
export interface ServerPorts {
  api: number;
  otlp: number;
  seq: number;
  es: number;
  xray: number;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function freePorts(): Promise<ServerPorts> {
  return { api: await freePort(), otlp: await freePort(), seq: await freePort(), es: await freePort(), xray: await freePort() };
}

/**
 * `tinsel serve` as a separate process on a data folder, so it can be
 * killed outright (SIGKILL: no handler runs, nothing is flushed) and
 * started again on the same folder and ports.
 */
export class ServerProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();

  constructor(
    readonly dataDir: string,
    readonly ports: ServerPorts,
    private readonly env: Record<string, string> = {},
  ) {}

  url(listener: 'api' | 'otlp' | 'seq' | 'es'): string {
    return `http://127.0.0.1:${this.ports[listener]}`;
  }

  /** Starts the server and resolves once /api/health answers. */
  async start(timeoutMs = 60_000): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve'], {
      env: {
        ...process.env,
        TINSEL_DATA_DIR: this.dataDir,
        TINSEL_LISTEN_PORT: String(this.ports.api),
        TINSEL_LISTEN_OTLP_PORT: String(this.ports.otlp),
        TINSEL_LISTEN_SEQ_PORT: String(this.ports.seq),
        TINSEL_LISTEN_ES_PORT: String(this.ports.es),
        TINSEL_LISTEN_XRAY_UDP_PORT: String(this.ports.xray),
        ...this.env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`tinsel serve exited with ${child.exitCode}: ${stderr}`);
      try {
        if ((await fetch(`${this.url('api')}/api/health`)).ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`tinsel serve did not answer within ${timeoutMs} ms: ${stderr}`);
  }

  /** SIGKILL: the process dies wherever it is. */
  async kill(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.exited;
    this.child = null;
  }

  /** SIGTERM: a clean shutdown, for reading the store afterwards. */
  async stop(): Promise<void> {
    this.child?.kill('SIGTERM');
    await this.exited;
    this.child = null;
  }
}
