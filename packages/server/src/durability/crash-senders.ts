import { createHash } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { gzipSync } from 'node:zlib';
import { Client } from '@elastic/elasticsearch';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { ServerProcess } from './server-process.ts';

/** What one sender sent: each event id it was told was stored, and each it sent without being told. */
export interface SendLedger {
  signal: string;
  acked: Set<string>;
  unacked: Set<string>;
  batches: { acked: number; failed: number };
}

const ledger = (signal: string): SendLedger => ({ signal, acked: new Set(), unacked: new Set(), batches: { acked: 0, failed: 0 } });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A loop that sends batch after batch until stopped, recording each batch as acknowledged or not. */
export interface Sender {
  ledger: SendLedger;
  stop(): Promise<void>;
}

function loop(signal: string, sendBatch: (ids: string[]) => Promise<boolean>, batchSize: number): Sender {
  const book = ledger(signal);
  let running = true;
  let n = 0;
  const done = (async () => {
    while (running) {
      const ids = Array.from({ length: batchSize }, () => `${signal}-${n++}`);
      let ok = false;
      try {
        ok = await sendBatch(ids);
      } catch {
        ok = false;
      }
      for (const id of ids) (ok ? book.acked : book.unacked).add(id);
      if (ok) book.batches.acked += 1;
      else {
        book.batches.failed += 1;
        await pause(100);
      }
    }
  })();
  return {
    ledger: book,
    async stop() {
      running = false;
      await done;
    },
  };
}

/** Elasticsearch `_bulk` through the official client, without its own retries: a failed batch is not resent. */
export function esSender(server: ServerProcess): Sender {
  const client = new Client({ node: server.url('es'), maxRetries: 0, requestTimeout: 10_000 });
  const sender = loop('crash-es', async (ids) => {
    const response = await client.bulk({ operations: ids.flatMap((id) => [{ index: { _index: 'crash' } }, { '@timestamp': new Date().toISOString(), message: id, level: 'info' }]) });
    return !response.errors;
  }, 50);
  return { ledger: sender.ledger, stop: async () => (await sender.stop(), await client.close()) };
}

/**
 * Seq's API as Serilog's Seq sink calls it: CLEF lines to
 * `/api/events/raw?clef`, a 201 meaning stored. (seq-logging cannot share
 * this process with the Elasticsearch client: it sets a numeric
 * Content-Length that the fetch here refuses.)
 */
export function seqSender(server: ServerProcess): Sender {
  return loop('crash-seq', async (ids) => {
    const body = ids.map((id) => JSON.stringify({ '@t': new Date().toISOString(), '@mt': id, Harness: 'crash' })).join('\n');
    const response = await fetch(`${server.url('seq')}/api/events/raw?clef`, { method: 'POST', headers: { 'content-type': 'application/vnd.serilog.clef' }, body, signal: AbortSignal.timeout(10_000) });
    return response.status === 201;
  }, 40);
}

/**
 * OTLP/HTTP protobuf spans through the OpenTelemetry SDK's exporter, which
 * resends a batch whose connection was reset: its acknowledged spans must
 * still be stored once.
 */
export function otlpSender(server: ServerProcess): Sender {
  return loop('crash-otlp', async (ids) => {
    const exporter = new OTLPTraceExporter({ url: `${server.url('otlp')}/v1/traces`, timeoutMillis: 10_000 });
    let stored = false;
    const original = exporter.export.bind(exporter);
    exporter.export = (spans, done) => original(spans, (result) => ((stored = result.code === 0), done(result)));
    const provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(exporter, { maxExportBatchSize: 1000, scheduledDelayMillis: 60_000 })] });
    const tracer = provider.getTracer('crash');
    for (const id of ids) tracer.startSpan(id).end();
    await provider.forceFlush();
    await provider.shutdown();
    return stored;
  }, 30);
}

/**
 * Whole ALB log files uploaded as `tinsel ingest alb` does, each resent
 * until it is acknowledged: a file is its key, size and hash, so a resent
 * file already stored is recognised and not stored twice.
 */
export function albSender(server: ServerProcess, lines: (file: number) => string[]): Sender {
  let file = 0;
  const book = ledger('crash-alb');
  let running = true;
  const done = (async () => {
    while (running) {
      const key = `AWSLogs/123456789012/elasticloadbalancing/us-east-1/2026/11/26/123456789012_elasticloadbalancing_us-east-1_app.crash.0_20261126T0000Z_10.0.0.1_crash${file}.log.gz`;
      const body = gzipSync(`${lines(file).join('\n')}\n`);
      try {
        const response = await fetch(`${server.url('api')}/api/ingest/alb/file`, {
          method: 'POST',
          headers: { 'x-tinsel-source-key': key, 'x-tinsel-source-size': String(body.length), 'x-tinsel-source-sha256': createHash('sha256').update(body).digest('hex'), 'content-type': 'application/octet-stream' },
          body,
        });
        if (response.ok) {
          book.acked.add(key);
          book.unacked.delete(key);
          book.batches.acked += 1;
          file += 1;
          continue;
        }
      } catch {
        // The server went away mid-file: send the same file again.
      }
      book.unacked.add(key);
      book.batches.failed += 1;
      await pause(100);
    }
  })();
  return { ledger: book, stop: async () => ((running = false), await done) };
}

/** X-Ray segments over the daemon's UDP protocol: no acknowledgement, so only counted. */
export function xraySender(server: ServerProcess): Sender & { sent(): number } {
  const socket = createSocket('udp4');
  let sent = 0;
  const sender = loop('crash-xray', async (ids) => {
    const now = Date.now() / 1000;
    for (const id of ids) {
      const traceId = `1-${Math.floor(now).toString(16)}-${createHash('md5').update(id).digest('hex').slice(0, 24)}`;
      const segment = { name: id, id: createHash('md5').update(`s${id}`).digest('hex').slice(0, 16), trace_id: traceId, start_time: now, end_time: now + 0.01 };
      socket.send(`{"format":"json","version":1}\n${JSON.stringify(segment)}`, server.ports.xray, '127.0.0.1');
      sent += 1;
    }
    await pause(20);
    return true;
  }, 20);
  return { ledger: sender.ledger, sent: () => sent, stop: async () => {
      await sender.stop();
      socket.close();
    },
  };
}
