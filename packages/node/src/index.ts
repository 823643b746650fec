// @tinsel/node: trace ids and ambient context in every log line, spans out,
// exceptions with their context. Start with `initTinsel({ service, endpoint })`.
import { TinselClient } from './tinsel-client.ts';
import type { TinselOptions } from './tinsel-options.ts';

export { TinselClient, type TinselStats } from './tinsel-client.ts';
export type { TinselOptions } from './tinsel-options.ts';
export { currentContext, withContext, setUser, runInContext, type Ambient } from './context/ambient.ts';
export { pinoMixin, winstonFormat, templated, type TemplateLogger } from './logs/logger-integrations.ts';
export { renderTemplate } from './logs/message-template.ts';
export { pinoClefOptions } from './logs/pino-clef-options.ts';
export { Sampler, DEFAULT_SAMPLING_RULE, type SamplingRule, type SamplingRules, type MatchedSamplingRule } from './sampling/sampler.ts';
export { readIncomingTrace, type IncomingTrace } from './propagation/incoming-trace.ts';
export { outgoingHeaders, amznTraceHeader } from './propagation/outgoing-headers.ts';
export { redact, isSecretName } from './errors/redact.ts';
export { BoundedQueue } from './transport/bounded-queue.ts';
export type { SpanRecord } from './spans/span.ts';

let active: TinselClient | null = null;

/**
 * Starts the SDK once per process; a second call returns the first client.
 *
 * @example
 * const tinsel = initTinsel({ service: 'shop', endpoint: 'http://127.0.0.1:5170' });
 * app.use(tinsel.express());
 * const log = pino(pinoClefOptions({ base: { service: 'shop' } }), tinsel.pinoStream(process.stdout));
 */
export function initTinsel(options: TinselOptions): TinselClient {
  active ??= new TinselClient(options);
  return active;
}

/** Records an exception through the client `initTinsel` started; does nothing before it. */
export function captureException(error: unknown, extra?: Record<string, unknown>): void {
  active?.captureException(error, extra);
}

/** Flushes and stops the client `initTinsel` started, so that a new one may be started. */
export async function shutdownTinsel(timeoutMs = 2000): Promise<void> {
  const client = active;
  active = null;
  await client?.shutdown(timeoutMs);
}
