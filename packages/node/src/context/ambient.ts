import { AsyncLocalStorage } from 'node:async_hooks';
import type { SpanRecord } from '../spans/span.ts';

/**
 * What every log line and span inside one request sees: its trace, the span
 * now open, the route, tenant and user, and whatever the app added with
 * `withContext`. Fields set later in the request (the route once the router
 * has matched, the user once authenticated) are visible from then on.
 */
export interface Ambient {
  traceId: string;
  /** The span new work is a child of (the server span, or a client span being recorded). */
  spanId: string;
  sampled: boolean;
  route: string | null;
  tenant: string | null;
  user: string | null;
  properties: Record<string, unknown>;
  /** The span this context belongs to; null outside a recorded span. */
  span: SpanRecord | null;
  /** Reads the route late: frameworks match it after the middleware ran. */
  resolveRoute?: () => string | null;
}

const storage = new AsyncLocalStorage<Ambient>();

/** The ambient context of the code now running, or undefined outside any request. */
export function currentContext(): Ambient | undefined {
  return storage.getStore();
}

/** Runs `fn` with `ambient` as its context (used by the middleware). */
export function runInContext<T>(ambient: Ambient, fn: () => T): T {
  return storage.run(ambient, fn);
}

/**
 * Runs `fn` with `properties` added to the ambient context: every log line
 * and span inside sees them. Outside a request it still runs `fn`, with a
 * context that has no trace.
 *
 * @example
 * await withContext({ orderId }, () => chargeCard(order));
 */
export function withContext<T>(properties: Record<string, unknown>, fn: () => T): T {
  const parent = storage.getStore();
  if (parent === undefined) return fn();
  const ambient = { ...parent, properties: { ...parent.properties, ...properties } };
  return storage.run(ambient, () => {
    let result: T;
    try {
      result = fn();
    } catch (error) {
      rememberFailure(error, ambient);
      throw error;
    }
    if (result instanceof Promise) {
      // The error handler runs outside this scope; remember where the error was thrown from.
      // Rethrown on a new promise, so that an unawaited rejection stays unhandled as before.
      return result.catch((error: unknown) => {
        rememberFailure(error, ambient);
        throw error;
      }) as T;
    }
    return result;
  });
}

const failures = new WeakMap<object, Ambient>();

/** Keeps the innermost context an error escaped from, for `captureException` in an outer handler. */
function rememberFailure(error: unknown, ambient: Ambient): void {
  if (typeof error === 'object' && error !== null && !failures.has(error)) failures.set(error, ambient);
}

/** The context an error was thrown in (when it escaped a `withContext`), else the current one. */
export function contextOfError(error: unknown): Ambient | undefined {
  return (typeof error === 'object' && error !== null ? failures.get(error) : undefined) ?? storage.getStore();
}

/** Records the user of the current request (after authentication, say). */
export function setUser(user: string | null): void {
  const ambient = storage.getStore();
  if (ambient !== undefined) ambient.user = user;
}

/** The route of an ambient context: set explicitly, or read from the framework. */
export function routeOf(ambient: Ambient): string | null {
  if (ambient.route !== null) return ambient.route;
  try {
    return ambient.resolveRoute?.() ?? null;
  } catch {
    return null;
  }
}

/** The context as flat log properties: trace and span ids, then route, tenant, user and the rest. */
export function contextProperties(ambient: Ambient): Record<string, unknown> {
  const out: Record<string, unknown> = { trace_id: ambient.traceId, span_id: ambient.spanId };
  const route = routeOf(ambient);
  if (route !== null) out.route = route;
  if (ambient.tenant !== null) out.tenant = ambient.tenant;
  if (ambient.user !== null) out.user = ambient.user;
  for (const key in ambient.properties) out[key] = ambient.properties[key];
  return out;
}

/** Runs `fn` outside any request, so the SDK's own traffic is never traced. */
export function outsideContext<T>(fn: () => T): T {
  return storage.exit(fn);
}
