import { currentContext, routeOf, type Ambient } from '../context/ambient.ts';

/**
 * The ambient context in CLEF's names: `@tr` and `@sp` for the ids, then
 * route, tenant, user and the `withContext` properties.
 */
export function clefFields(ambient: Ambient): Record<string, unknown> {
  const out: Record<string, unknown> = { '@tr': ambient.traceId, '@sp': ambient.spanId };
  const route = routeOf(ambient);
  if (route !== null) out.route = route;
  if (ambient.tenant !== null) out.tenant = ambient.tenant;
  if (ambient.user !== null) out.user = ambient.user;
  for (const key in ambient.properties) out[key] = ambient.properties[key];
  return out;
}

interface Fragment { route: string | null; user: string | null; text: string }
const fragments = new WeakMap<Ambient, Fragment>();

/**
 * The context's fields as a JSON fragment (`,"@tr":"…",…`), serialised once
 * per context and reused for every line: serialising a handful of fields on
 * each line would cost pino more than the rest of the line.
 */
function contextFragment(): string {
  const ambient = currentContext();
  if (ambient === undefined) return '';
  const route = routeOf(ambient);
  let fragment = fragments.get(ambient);
  if (fragment === undefined || fragment.route !== route || fragment.user !== ambient.user) {
    let text = '';
    try {
      text = `,${JSON.stringify(clefFields(ambient)).slice(1, -1)}`;
    } catch {
      text = `,"@tr":"${ambient.traceId}","@sp":"${ambient.spanId}"`;
    }
    fragment = { route, user: ambient.user, text };
    fragments.set(ambient, fragment);
  }
  return fragment.text;
}

// toISOString is the dearest part of a line; lines in the same millisecond share it.
let lastMs = 0;
let lastTime = '';
function clefTime(): string {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    lastTime = `,"@t":"${new Date(now).toISOString()}"`;
  }
  return lastTime + contextFragment();
}

type PinoOptionsIn = { formatters?: { log?: (object: Record<string, unknown>) => Record<string, unknown> } } & Record<string, unknown>;

/**
 * pino options that make every line a CLEF event as pino writes it (`@t`,
 * `@l`, `@m`, `@x`, `@tr`, `@sp`, the ambient context, `@mt` from
 * `templated`), so lines reach Tinsel's Seq endpoint as written, with no
 * conversion on the way. The context rides in pino's timestamp fragment,
 * serialised once per request. Pass your own options through it.
 *
 * @example
 * const log = pino(pinoClefOptions({ base: { service: 'shop' } }), tinsel.pinoStream(process.stdout));
 */
export function pinoClefOptions<T extends PinoOptionsIn>(options: T = {} as T): T & Record<string, unknown> {
  const userLog = options.formatters?.log;
  return {
    ...options,
    messageKey: '@m',
    timestamp: clefTime,
    formatters: {
      ...options.formatters,
      level: (label: string) => ({ '@l': label }),
      log: (object: Record<string, unknown>) => {
        const out = userLog ? userLog(object) : object;
        const stack = (out.err as { stack?: unknown } | undefined)?.stack;
        return typeof stack === 'string' ? { ...out, '@x': stack } : out;
      },
    },
  };
}
