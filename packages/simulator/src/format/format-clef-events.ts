import type { Estate } from '../estate/estate.ts';
import type { AppWork, RequestPlan, SimulatedException } from '../request/request-plan.ts';
import { IsoMicros } from './iso-micros.ts';

const times = new IsoMicros();
/** Queries slower than this log a warning, as the app's data layer does. */
const SLOW_QUERY_MICROS = 500_000;

/**
 * The app's log events for one request, as CLEF lines (one JSON object
 * each): a route-specific event, slow-query warnings, the unhandled
 * exception with the context in scope, and the closing request summary.
 * Every event carries the trace id (`@tr`, 32 hex), the span id (`@sp`) and
 * the ambient context: TenantId, UserId, Route, RequestId, MachineName.
 * Logs do not depend on X-Ray sampling; a request the app never saw has none.
 *
 * @example
 * formatClefEvents(estate, plan);
 * // ['{"@t":"2026-11-24T18:00:15.1413150Z","@mt":"HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms",…}']
 */
export function formatClefEvents(estate: Estate, plan: RequestPlan): string[] {
  const app = plan.app;
  if (app === null) return [];
  // Every value here is Tinsel's own text, free of quotes and backslashes, so
  // the JSON is written directly: JSON.stringify per event was the slow part.
  // The context is the same on every event of the request and is written once.
  const traceId = plan.traceId.slice(2, 10) + plan.traceId.slice(11);
  const shared =
    `"@tr":"${traceId}","@sp":"${app.segmentId}","TenantId":"${plan.tenant.tenant}","Domain":"${plan.tenant.domain}","UserId":"${app.userId}",` +
    `"Route":"${plan.route.name}","RequestId":"${plan.connTraceId.slice(4, 12)}:${app.segmentId.slice(0, 8)}","MachineName":"ip-${plan.instance.ip.replaceAll('.', '-')}",` +
    `"InstanceId":"${plan.instance.instanceId}","AppVersion":"${plan.instance.appVersion}","Application":"${estate.service}"`;
  const events: string[] = [];
  const routeEvent = routeMessage(plan, app);
  if (routeEvent !== null) events.push(event(app.start + Math.round((app.end - app.start) / 2), null, routeEvent.template, shared, routeEvent.properties));
  for (const call of app.calls) {
    if (call.kind === 'sql' && call.end - call.start > SLOW_QUERY_MICROS && !call.error) {
      const properties = `"SourceContext":"Shop.Data.TenantDb","DbServer":"${plan.tenant.dbServer}","Database":"${plan.tenant.dbName}","ElapsedMs":${Math.round((call.end - call.start) / 1000)},"Sql":"${call.target}"`;
      events.push(event(call.end, 'Warning', 'Slow query on {DbServer}/{Database} took {ElapsedMs} ms', shared, properties));
    }
  }
  if (app.exception !== null) {
    const order = app.orderId === null ? '' : `,"OrderId":"${app.orderId}"`;
    const properties = `"SourceContext":"Shop.Web.ErrorHandlingMiddleware","RequestPath":"${plan.path}","CartId":"${app.cartId}"${order}`;
    events.push(event(app.end - 200, 'Error', 'Unhandled exception processing {RequestPath} for cart {CartId}', shared, properties, exceptionText(app.exception)));
  }
  const elapsed = (app.end - app.start) / 1000;
  const summary = `"SourceContext":"Serilog.AspNetCore.RequestLoggingMiddleware","RequestMethod":"${plan.route.method}","RequestPath":"${plan.path}","StatusCode":${app.status},"Elapsed":${elapsed}`;
  events.push(event(app.end, app.status >= 500 ? 'Error' : null, REQUEST_TEMPLATE, shared, summary, undefined, elapsed.toFixed(4)));
  return events;
}

const REQUEST_TEMPLATE = 'HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms';

/** One CLEF line; Serilog writes seven fractional digits and leaves the level out for Information. */
function event(micros: number, level: string | null, template: string, shared: string, properties: string, exception?: string, rendering?: string): string {
  let text = `{"@t":"${times.format(micros).slice(0, -1)}0Z","@mt":"${template}"`;
  if (level !== null) text += `,"@l":"${level}"`;
  if (exception !== undefined) text += `,"@x":${JSON.stringify(exception)}`;
  if (rendering !== undefined) text += `,"@r":["${rendering}"]`;
  return `${text},${shared},${properties}}`;
}

function routeMessage(plan: RequestPlan, app: AppWork): { template: string; properties: string } | null {
  switch (plan.route.name) {
    case 'POST /checkout':
      return app.orderId === null ? null : { template: 'Placing order {OrderId} for cart {CartId}', properties: `"SourceContext":"Shop.Checkout.CheckoutService","OrderId":"${app.orderId}","CartId":"${app.cartId}"` };
    case 'POST /cart/items':
      return { template: 'Added {Sku} to cart {CartId}', properties: `"SourceContext":"Shop.Cart.CartService","Sku":"SKU-${app.segmentId.slice(0, 6).toUpperCase()}","CartId":"${app.cartId}"` };
    case 'POST /login':
      return { template: 'User {UserId} signed in', properties: '"SourceContext":"Shop.Accounts.SignInService"' };
    case 'GET /search':
      return { template: 'Search {Query} returned {ResultCount} results', properties: `"SourceContext":"Shop.Catalog.SearchService","Query":"${plan.path.slice(plan.path.indexOf('=') + 1).replaceAll('+', ' ')}","ResultCount":${parseInt(app.segmentId.slice(0, 2), 16) % 60}` };
    default:
      return null;
  }
}

function exceptionText(exception: SimulatedException): string {
  const frames = exception.frames.map((f) => `   at ${f.label}${f.path === '' ? '' : ` in ${f.path}:line ${f.line}`}`);
  return `${exception.type}: ${exception.message}\n${frames.join('\n')}`;
}
