import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadRequest, LoadResult, ServerReady, ServerReply, ServerRequest, ServerStats } from './server-messages.ts';

const runner = fileURLToPath(new URL('./run-tinsel-server.ts', import.meta.url));

// Longer than any step takes at the largest N this benchmark is meant for.
const REPLY_TIMEOUT_MS = 60 * 60 * 1000;

type Command = ServerRequest['command'];

/** Tinsel running in a child process, as the benchmark drives it. */
export interface TinselServerProcess {
  addresses: ServerReady['ready'];
  counters(): Promise<Record<string, number>>;
  stats(): Promise<ServerStats>;
  compact(): Promise<void>;
  load(request: LoadRequest): Promise<LoadResult>;
  /** Stops the server, deletes its data folder and reports its peak RSS. */
  close(): Promise<{ maxRssBytes: number }>;
}

/**
 * Starts Tinsel on a new temporary data folder in a child process and
 * resolves once its listeners are bound.
 *
 * @example
 * const server = await startTinselServerProcess();
 * await fetch(`${server.addresses.api}/api/health`);
 * await server.close();
 */
export async function startTinselServerProcess(): Promise<TinselServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tinsel-bench-spans-'));
  const child = fork(runner, [dataDir], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const addresses = await new Promise<ServerReady['ready']>((resolve, reject) => {
    child.once('message', (message: ServerReady) => resolve(message.ready));
    child.once('exit', (code) => reject(new Error(`the Tinsel child process exited with ${code} before listening`)));
  });
  const ask = requester(child);
  return {
    addresses,
    counters: () => ask('counters') as Promise<Record<string, number>>,
    stats: () => ask('stats') as Promise<ServerStats>,
    compact: async () => void (await ask('compact')),
    load: (load) => ask('load', { load }) as Promise<LoadResult>,
    close: () => ask('close') as Promise<{ maxRssBytes: number }>,
  };
}

function requester(child: ChildProcess): (command: Command, fields?: object) => Promise<unknown> {
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void; timer: NodeJS.Timeout }>();
  let next = 1;
  child.on('message', (message: ServerReply) => {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    clearTimeout(waiting.timer);
    if (message.ok) waiting.resolve(message.value);
    else waiting.reject(new Error(message.error));
  });
  child.on('exit', (code) => {
    for (const waiting of pending.values()) waiting.reject(new Error(`the Tinsel child process exited with ${code}`));
    pending.clear();
  });
  return (command, fields = {}) =>
    new Promise((resolve, reject) => {
      const id = next++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`no answer to ${command} within ${REPLY_TIMEOUT_MS / 1000} s`));
      }, REPLY_TIMEOUT_MS);
      pending.set(id, { resolve, reject, timer });
      child.send({ id, command, ...fields } as ServerRequest);
    });
}
