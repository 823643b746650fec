import type { Route } from '../app/routes.ts';
import type { Estate, Tenant } from '../estate/estate.ts';
import type { Instance } from '../estate/instance-timeline.ts';
import type { AppWork, RequestPlan, SimulatedException } from '../request/request-plan.ts';
import { AsciiWriter, bytesOf } from './ascii-writer.ts';
import { FragmentCache } from './fragment-cache.ts';
import { IsoMicros } from './iso-micros.ts';

const times = new IsoMicros();
const scratch = new AsciiWriter(Buffer.allocUnsafe(65_536));
/** Queries slower than this log a warning, as the app's data layer does. */
const SLOW_QUERY_MICROS = 500_000;

// `0Z` makes Serilog's seven fractional digits; the level is left out for Information.
const template = (text: string) => bytesOf(`0Z","@mt":"${text}"`);
const REQUEST = template('HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms');
const ORDER = template('Placing order {OrderId} for cart {CartId}');
const CART = template('Added {Sku} to cart {CartId}');
const LOGIN = template('User {UserId} signed in');
const SEARCH = template('Search {Query} returned {ResultCount} results');
const SLOW_QUERY = template('Slow query on {DbServer}/{Database} took {ElapsedMs} ms');
const UNHANDLED = template('Unhandled exception processing {RequestPath} for cart {CartId}');
const OPEN = bytesOf('{"@t":"');
const WARNING = bytesOf(',"@l":"Warning"');
const ERROR = bytesOf(',"@l":"Error"');
const EXCEPTION = bytesOf(',"@x":');
const RENDERING = bytesOf(',"@r":["');
const RENDERING_END = bytesOf('"]');
const TRACE = bytesOf(',"@tr":"');
const SPAN = bytesOf('","@sp":"');
const CLOSE = bytesOf('"}\n');
const ORDER_PROPERTIES = bytesOf(',"SourceContext":"Shop.Checkout.CheckoutService","OrderId":"o-');
const CART_ID = bytesOf('","CartId":"c-');
const CART_PROPERTIES = bytesOf(',"SourceContext":"Shop.Cart.CartService","Sku":"SKU-');
const LOGIN_PROPERTIES = bytesOf(',"SourceContext":"Shop.Accounts.SignInService"}\n');
const SEARCH_PROPERTIES = bytesOf(',"SourceContext":"Shop.Catalog.SearchService","Query":"');
const RESULT_COUNT = bytesOf('","ResultCount":');
const UNHANDLED_PROPERTIES = bytesOf(',"SourceContext":"Shop.Web.ErrorHandlingMiddleware","RequestPath":"');
const ORDER_ID = bytesOf('","OrderId":"o-');
const ELAPSED_MS = bytesOf(',"ElapsedMs":');
const SQL = bytesOf(',"Sql":"');
const END = bytesOf('}\n');
const UPPER_HEX = bytesOf('0123456789ABCDEF');

const tenantOf = new FragmentCache((tenant: Tenant) => bytesOf(`","TenantId":"${tenant.tenant}","Domain":"${tenant.domain}","UserId":"u-`));
const routeOf = new FragmentCache((route: Route) => bytesOf(`","Route":"${route.name}","RequestId":"`));
const slowQueryOf = new FragmentCache((tenant: Tenant) => bytesOf(`,"SourceContext":"Shop.Data.TenantDb","DbServer":"${tenant.dbServer}","Database":"${tenant.dbName}"`));
const sqlOf = new FragmentCache((sql: string) => bytesOf(sql));
const requestPropertiesOf = new FragmentCache((route: Route) => bytesOf(`,"SourceContext":"Serilog.AspNetCore.RequestLoggingMiddleware","RequestMethod":"${route.method}","RequestPath":"`));
const statusCodes = new Map<number, Buffer>();
// The ambient context's tail; the service name is the same for every instance of an estate.
const machineOf = new FragmentCache(
  (estate: Estate) =>
    new FragmentCache((instance: Instance) =>
      bytesOf(`","MachineName":"ip-${instance.ip.replaceAll('.', '-')}","InstanceId":"${instance.instanceId}","AppVersion":"${instance.appVersion}","Application":"${estate.service}"`),
    ),
);

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
  scratch.pos = 0;
  if (writeClefEvents(scratch, estate, plan) === 0) return [];
  scratch.pos--;
  return scratch.toString().split('\n');
}

/**
 * formatClefEvents' lines, each with its newline, written into `out`; the
 * number of lines written. The lines of one request must fit in `out`
 * together: the ambient context is written once and copied from there.
 */
export function writeClefEvents(out: AsciiWriter, estate: Estate, plan: RequestPlan): number {
  const app = plan.app;
  if (app === null) return 0;
  const context = CONTEXT;
  context.begin(out, estate, plan, app);
  routeEvent(out, plan, app, context);
  for (const call of app.calls) {
    if (call.kind === 'sql' && call.end - call.start > SLOW_QUERY_MICROS && !call.error) {
      context.open(call.end, SLOW_QUERY, WARNING);
      out.bytes(slowQueryOf.get(plan.tenant));
      out.bytes(ELAPSED_MS);
      out.int(Math.round((call.end - call.start) / 1000));
      out.bytes(SQL);
      out.bytes(sqlOf.get(call.target));
      out.bytes(CLOSE);
    }
  }
  if (app.exception !== null) unhandled(out, plan, app, app.exception, context);
  const elapsed = app.end - app.start;
  context.open(app.end, REQUEST, app.status >= 500 ? ERROR : null, elapsed);
  out.bytes(requestPropertiesOf.get(plan.route));
  out.text(plan.path);
  out.bytes(statusCodeOf(app.status));
  out.scaled(elapsed, 3);
  out.bytes(END);
  return context.lines;
}

/** Opens each event of one request: its time, template, level, then the shared ambient context. */
class Context {
  lines = 0;
  private start = -1;
  private end = -1;
  private out!: AsciiWriter;
  private estate!: Estate;
  private plan!: RequestPlan;
  private app!: AppWork;

  begin(out: AsciiWriter, estate: Estate, plan: RequestPlan, app: AppWork): void {
    this.out = out;
    this.estate = estate;
    this.plan = plan;
    this.app = app;
    this.lines = 0;
    this.start = this.end = -1;
  }

  /** Writes up to the first property (not included); `renderedMicros` is the request summary's Elapsed. */
  open(micros: number, templateBytes: Buffer, level: Buffer | null, renderedMicros?: number, exception?: string): void {
    const out = this.out;
    out.bytes(OPEN);
    times.write(out, micros);
    out.bytes(templateBytes);
    if (level !== null) out.bytes(level);
    if (exception !== undefined) {
      out.bytes(EXCEPTION);
      out.text(exception);
    }
    if (renderedMicros !== undefined) {
      out.bytes(RENDERING);
      out.fixed(renderedMicros * 10, 4);
      out.bytes(RENDERING_END);
    }
    if (this.start < 0) this.write();
    else out.repeat(this.start, this.end);
    this.lines++;
  }

  private write(): void {
    const { out, plan, app } = this;
    this.start = out.pos;
    out.bytes(TRACE);
    out.hex(plan.traceEpoch);
    out.hex(plan.trace1);
    out.hex(plan.trace2);
    out.hex(plan.trace3);
    out.bytes(SPAN);
    out.hex(app.segmentHigh);
    out.hex(app.segmentLow);
    out.bytes(tenantOf.get(plan.tenant));
    out.int(app.user);
    out.bytes(routeOf.get(plan.route));
    out.hex(plan.conn1);
    out.byte(58);
    out.hex(app.segmentHigh);
    out.bytes(machineOf.get(this.estate).get(plan.instance));
    this.end = out.pos;
  }
}

/** The request summary's StatusCode, up to its Elapsed value. */
function statusCodeOf(status: number): Buffer {
  let fragment = statusCodes.get(status);
  if (fragment === undefined) statusCodes.set(status, (fragment = bytesOf(`","StatusCode":${status},"Elapsed":`)));
  return fragment;
}

// One at a time: writing is synchronous.
const CONTEXT = new Context();

function routeEvent(out: AsciiWriter, plan: RequestPlan, app: AppWork, context: Context): void {
  const middle = app.start + Math.round((app.end - app.start) / 2);
  switch (plan.route.name) {
    case 'POST /checkout':
      if (app.order === null) return;
      context.open(middle, ORDER, null);
      out.bytes(ORDER_PROPERTIES);
      out.int(app.order);
      out.bytes(CART_ID);
      out.hex(app.cart);
      out.bytes(CLOSE);
      return;
    case 'POST /cart/items':
      context.open(middle, CART, null);
      out.bytes(CART_PROPERTIES);
      // The SKU is the segment id's first six hex digits in capitals.
      for (let shift = 28; shift >= 8; shift -= 4) out.byte(UPPER_HEX[(app.segmentHigh >>> shift) & 15]!);
      out.bytes(CART_ID);
      out.hex(app.cart);
      out.bytes(CLOSE);
      return;
    case 'POST /login':
      context.open(middle, LOGIN, null);
      out.bytes(LOGIN_PROPERTIES);
      return;
    case 'GET /search':
      context.open(middle, SEARCH, null);
      out.bytes(SEARCH_PROPERTIES);
      out.text(plan.path.slice(plan.path.indexOf('=') + 1).replaceAll('+', ' '));
      out.bytes(RESULT_COUNT);
      out.int((app.segmentHigh >>> 24) % 60);
      out.bytes(END);
      return;
  }
}

function unhandled(out: AsciiWriter, plan: RequestPlan, app: AppWork, exception: SimulatedException, context: Context): void {
  context.open(app.end - 200, UNHANDLED, ERROR, undefined, JSON.stringify(exceptionText(exception)));
  out.bytes(UNHANDLED_PROPERTIES);
  out.text(plan.path);
  out.bytes(CART_ID);
  out.hex(app.cart);
  if (app.order !== null) {
    out.bytes(ORDER_ID);
    out.int(app.order);
  }
  out.bytes(CLOSE);
}

function exceptionText(exception: SimulatedException): string {
  const frames = exception.frames.map((f) => `   at ${f.label}${f.path === '' ? '' : ` in ${f.path}:line ${f.line}`}`);
  return `${exception.type}: ${exception.message}\n${frames.join('\n')}`;
}
