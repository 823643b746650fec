import pino from 'pino';
import { pinoClefOptions, runInContext, TinselClient, type Ambient } from '@tinsel/node';

const CHUNK = 1000;
const LINES_PER_REQUEST = 10;

/**
 * Lines per second through bare pino, and through pino with Tinsel's CLEF
 * options (ids and context on every line) and stream, shipping to
 * `endpoint`. Lines are written in chunks with a turn of the event loop
 * between them, and the SDK's time includes its final flush, so sending
 * counts too.
 */
export async function measureLoggerThroughput(lines: number, endpoint: string): Promise<{ bare: number; sdk: number; dropped: number }> {
  // Both write to a real destination, as production pino does (stdout or a file).
  const sink = pino.destination({ dest: '/dev/null', sync: false });
  const bare = pino({ base: { service: 'bench' } }, sink);
  const client = new TinselClient({ service: 'bench', endpoint, instrumentOutgoing: false, queue: { capacity: 20_000, batchSize: 1000, intervalMs: 50 } });
  const withSdk = pino(pinoClefOptions({ base: { service: 'bench' } }), client.pinoStream(sink));
  // A new context every ten lines, as requests that log ten lines each; bare pino runs in them too.
  const ambient = (): Ambient => ({ traceId: '5759e988bd862e3fe1be46a994272793', spanId: '53995c3f42cd8ad8', sampled: false, route: '/api/orders/:id', tenant: 'acme', user: 'ann', properties: { orderId: 'o-42' }, span: null });
  const time = async (log: pino.Logger, after: () => Promise<void>): Promise<number> => {
    const began = performance.now();
    for (let written = 0; written < lines; written += CHUNK) {
      for (let r = 0; r < CHUNK; r += LINES_PER_REQUEST) {
        runInContext(ambient(), () => {
          for (let i = 0; i < LINES_PER_REQUEST; i++) log.info({ OrderId: written + r + i, Items: 3 }, 'Loaded order');
        });
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    await after();
    return lines / ((performance.now() - began) / 1000);
  };
  const bareRate = await time(bare, async () => {});
  const sdkRate = await time(withSdk, () => client.flush(10_000));
  const stats = client.stats().logs;
  await client.shutdown();
  sink.flushSync();
  sink.end();
  return { bare: bareRate, sdk: sdkRate, dropped: stats.droppedQueueFull + stats.droppedSendFailed };
}
