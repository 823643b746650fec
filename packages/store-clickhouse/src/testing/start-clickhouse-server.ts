import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { serverConfigXml, usersXml, type ServerPorts } from './server-config-xml.ts';

/** A clickhouse-server process started for a test, on loopback ports of its own. */
export interface TestClickHouseServer {
  /** `http://127.0.0.1:<port>` of its HTTP interface. */
  url: string;
  ports: ServerPorts;
  dir: string;
  /** The server's process id, e.g. to read its CPU time from /proc. */
  pid: number;
  stop(): Promise<void>;
}

/** A two-shard cluster of two processes on loopback, named `cluster` in both configs. */
export interface TestClickHouseCluster {
  cluster: string;
  shards: TestClickHouseServer[];
  stop(): Promise<void>;
}

const startTimeoutMs = 60_000;

/**
 * The clickhouse-server binary: `TINSEL_CLICKHOUSE_SERVER` when set (a path),
 * else the first on PATH or in /usr/sbin (Debian's place, not on every
 * user's PATH); undefined when there is none.
 */
export function findClickHouseServer(): string | undefined {
  const chosen = process.env.TINSEL_CLICKHOUSE_SERVER;
  if (chosen) return executable(chosen) ? chosen : undefined;
  for (const dir of [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/bin']) {
    const candidate = join(dir, 'clickhouse-server');
    if (dir && executable(candidate)) return candidate;
  }
  return undefined;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Why ClickHouse tests cannot run here, or undefined when they can. Under
 * `CI=true` a missing server is a failure, not a skip: the caller turns the
 * reason into a failing test.
 */
export function clickHouseUnavailable(): { reason: string; fatal: boolean } | undefined {
  if (findClickHouseServer()) return undefined;
  const reason = 'clickhouse-server not found (PATH, /usr/sbin or TINSEL_CLICKHOUSE_SERVER); Debian: apt-get install -y clickhouse-server';
  return { reason, fatal: process.env.CI === 'true' };
}

/** Starts one server in a new temporary folder and waits until it answers `/ping`. */
export async function startClickHouseServer(): Promise<TestClickHouseServer> {
  const [ports] = await allocatePorts(1);
  return launch(ports!);
}

/** Starts two servers that both know a cluster `tinsel_test` of one shard each. */
export async function startClickHouseCluster(): Promise<TestClickHouseCluster> {
  const cluster = 'tinsel_test';
  const ports = await allocatePorts(2);
  const shards = ports.map((p) => ({ tcpPort: p.tcp }));
  const started = await Promise.allSettled(ports.map((p) => launch(p, { name: cluster, shards })));
  const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(servers.map((s) => s.stop()));
    throw failed.reason;
  }
  return { cluster, shards: servers, stop: async () => void (await Promise.all(servers.map((s) => s.stop()))) };
}

async function launch(ports: ServerPorts, cluster?: Parameters<typeof serverConfigXml>[2]): Promise<TestClickHouseServer> {
  const binary = findClickHouseServer();
  if (!binary) throw new Error(clickHouseUnavailable()?.reason);
  const dir = mkdtempSync(join(tmpdir(), 'tinsel-clickhouse-'));
  for (const sub of ['data', 'tmp', 'user_files', 'format_schemas', 'log']) mkdirSync(join(dir, sub));
  writeFileSync(join(dir, 'config.xml'), serverConfigXml(dir, ports, cluster));
  writeFileSync(join(dir, 'users.xml'), usersXml);
  const child = spawn(binary, [`--config-file=${join(dir, 'config.xml')}`], { cwd: dir, stdio: 'ignore' });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const url = `http://127.0.0.1:${ports.http}`;
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    await stopProcess(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForPing(url, child, dir);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, ports, dir, pid: child.pid ?? 0, stop };
}

async function waitForPing(url: string, child: ChildProcess, dir: string): Promise<void> {
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`clickhouse-server exited with ${child.exitCode}: ${logTail(dir)}`);
    try {
      const response = await fetch(`${url}/ping`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`clickhouse-server did not answer /ping within ${startTimeoutMs} ms: ${logTail(dir)}`);
}

function logTail(dir: string): string {
  try {
    return readFileSync(join(dir, 'log', 'error.log'), 'utf8').slice(-2000);
  } catch {
    return '(no error log)';
  }
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Free loopback ports, three per server, all held open together so that none repeats. */
async function allocatePorts(servers: number): Promise<ServerPorts[]> {
  const holders = await Promise.all(
    Array.from({ length: servers * 3 }, () => new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = holders.map((h) => {
    const address = h.address();
    return typeof address === 'object' && address ? address.port : 0;
  });
  await Promise.all(holders.map((h) => new Promise((resolve) => h.close(resolve))));
  return Array.from({ length: servers }, (_, i) => ({ http: ports[i * 3]!, tcp: ports[i * 3 + 1]!, interserver: ports[i * 3 + 2]! }));
}
