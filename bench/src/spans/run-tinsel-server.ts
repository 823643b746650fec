// Child process of the spans benchmark: runs Tinsel (store, OTLP/HTTP, X-Ray
// UDP, API) as `tinsel serve` wires it, on a new data folder and loopback
// ports, and answers the benchmark over the IPC channel. In its own process
// the server has the event loop and the figures (peak RSS among them) to
// itself, as it would beside the applications that send it spans.
import { rmSync } from 'node:fs';
// The same listeners the serve command binds.
import { defaultConfig, openTinsel, startListeners } from '@tinsel/server';
import { loadSpans } from './load-spans.ts';
import type { ServerReady, ServerReply, ServerRequest } from './server-messages.ts';

const [dataDir] = process.argv.slice(2) as [string];
const config = { ...defaultConfig, dataDir, listen: { host: '127.0.0.1', port: 0, xrayUdpPort: 0, otlpPort: 0 } };
const tinsel = await openTinsel(config);
const listeners = await startListeners(config, tinsel, (event) => {
  if (event.level === 'error') process.stderr.write(`${JSON.stringify(event)}\n`);
});
const { api, otlp, xrayUdp } = listeners.addresses;
const ready: ServerReady = { ready: { api: api!, otlp: otlp!, xrayUdp: xrayUdp! } };
process.send!(ready);

let closing: Promise<{ maxRssBytes: number }> | null = null;

function close(): Promise<{ maxRssBytes: number }> {
  closing ??= (async () => {
    await listeners.close();
    await tinsel.close();
    rmSync(dataDir, { recursive: true, force: true });
    return { maxRssBytes: process.resourceUsage().maxRSS * 1024 };
  })();
  return closing;
}

// The benchmark went away without saying so (a crash, ^C): no server left behind.
process.on('disconnect', () => void close().finally(() => process.exit(0)));

async function answer(request: ServerRequest): Promise<unknown> {
  switch (request.command) {
    case 'counters':
      return tinsel.counters.snapshot();
    case 'stats': {
      const stats = await tinsel.store.stats();
      return { spanRows: stats.rows.spans, bytesOnDisk: stats.bytesOnDisk, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
    }
    case 'compact':
      return tinsel.store.compact();
    case 'load':
      return loadSpans(tinsel.store, request.load);
    case 'close':
      return close();
  }
}

process.on('message', (request: ServerRequest) => {
  answer(request).then(
    (value) => reply({ id: request.id, ok: true, value: value ?? null }, request.command === 'close'),
    (error: unknown) => reply({ id: request.id, ok: false, error: error instanceof Error ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}` : String(error) }, false),
  );
});

function reply(message: ServerReply, last: boolean): void {
  process.send!(message, () => {
    if (last) process.disconnect();
  });
}
