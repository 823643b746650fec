import type { FastifyInstance } from 'fastify';
import { SpanBatcher, startXrayUdpSource, type XrayUdpSource } from '@tinsel/ingest';
import type { TinselConfig } from './config/config.ts';
import { createApp, createEsApp, createOtlpApp, createSeqApp } from './http/create-app.ts';
import { startInsights } from './insights/insights-runtime.ts';
import { alertStatePath } from './insights/alert-state-file.ts';
import { listenerAuth } from './auth/listener-auth.ts';
import { readTlsCredentials } from './config/tls-config.ts';
import type { Tinsel } from './open-tinsel.ts';

export interface Listeners {
  /** Where each listener is bound, e.g. `{ api: 'http://127.0.0.1:5170', xrayUdp: '127.0.0.1:2000' }`. */
  addresses: Record<string, string>;
  close(): Promise<void>;
}

/**
 * Binds every listener the configuration asks for: the API (which also
 * answers the compatibility endpoints), OTLP/HTTP, Seq, Elasticsearch and the X-Ray daemon's UDP port.
 */
export async function startListeners(config: TinselConfig, tinsel: Tinsel, log: (event: Record<string, unknown>) => void): Promise<Listeners> {
  // First: a server that would be open to the network refuses to start (and an open loopback one says so).
  const { keys: auth, sessions, logs } = listenerAuth(config, log);
  // HTTPS on every HTTP listener when listen.tls is set; the files are read again here, as a configuration built in code skipped validation.
  const tls = config.listen.tls ? readTlsCredentials(config.listen.tls) : undefined;
  // Alert rules and silences made through the API are kept beside the embedded store's data.
  const statePath = config.dataDir === ':memory:' ? undefined : alertStatePath(config.dataDir);
  const insights = startInsights(tinsel.store, config.insights, log, statePath ? { statePath } : {});
  tinsel.retention.start();
  const app = createApp({ ...tinsel, limits: config.limits, log, logs, auth, sessions, tls, insights });
  const addresses: Record<string, string> = { api: await app.listen({ host: config.listen.host, port: config.listen.port }) };
  let otlp: FastifyInstance | null = null;
  if (config.listen.otlpPort !== false) {
    otlp = createOtlpApp({ ...tinsel, limits: config.limits, log, logs, auth, sessions, tls });
    addresses.otlp = await otlp.listen({ host: config.listen.host, port: config.listen.otlpPort });
  }
  let es: FastifyInstance | null = null;
  // Absent (a configuration built in code) is off, as `false` is.
  if (config.listen.esPort !== false && config.listen.esPort !== undefined) {
    es = createEsApp({ ...tinsel, limits: config.limits, log, logs, auth, sessions, tls });
    addresses.es = await es.listen({ host: config.listen.host, port: config.listen.esPort });
  }
  let seq: FastifyInstance | null = null;
  const seqPort = config.listen.seqPort ?? false;
  if (seqPort !== false) {
    seq = createSeqApp({ ...tinsel, limits: config.limits, log, logs, auth, sessions, tls });
    addresses.seq = await seq.listen({ host: config.listen.host, port: seqPort });
  }
  let udp: XrayUdpSource | null = null;
  if (config.listen.xrayUdpPort !== false) {
    const batcher = new SpanBatcher(tinsel, 'tinsel_xray_udp', { onError: (error) => log({ level: 'error', msg: 'storing X-Ray spans failed', error: String(error) }) });
    tinsel.gauges.add(() => ({ tinsel_xray_udp_pending_spans: batcher.pending }));
    udp = await startXrayUdpSource({ host: config.listen.host, port: config.listen.xrayUdpPort, batcher, counters: tinsel.counters });
    addresses.xrayUdp = `${udp.address.address}:${udp.address.port}`;
  }
  return {
    addresses,
    async close() {
      await app.close();
      await otlp?.close();
      await es?.close();
      await seq?.close();
      await udp?.close();
      await insights.close();
    },
  };
}
