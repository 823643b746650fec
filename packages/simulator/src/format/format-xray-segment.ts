import type { Route } from '../app/routes.ts';
import type { Estate, Tenant } from '../estate/estate.ts';
import type { Instance } from '../estate/instance-timeline.ts';
import type { AppWork, Call, RequestPlan, SimulatedException } from '../request/request-plan.ts';
import { AsciiWriter, bytesOf } from './ascii-writer.ts';
import { FragmentCache } from './fragment-cache.ts';
import { writeTraceId } from './write-trace-id.ts';

const scratch = new AsciiWriter(Buffer.allocUnsafe(65_536));

const TRACE_ID = bytesOf('","trace_id":"');
const START = bytesOf('","start_time":');
const END = bytesOf(',"end_time":');
const CLIENT_IP = bytesOf('","x_forwarded_for":true},"response":{"status":');
const CONTENT_LENGTH = bytesOf(',"content_length":');
const FAULT = bytesOf(',"fault":true');
const ERROR = bytesOf(',"error":true');
const CAUSE = bytesOf(',"cause":');
const SUBSEGMENTS = bytesOf(',"subsegments":[');
const CLOSE = bytesOf(']}\n');
const SUBSEGMENT = bytesOf('{"id":"');
const SQL_TAIL = bytesOf('","database_type":"PostgreSQL","database_version":"16.4","driver_version":"Npgsql 8.0.5","user":"shop_app","preparation":"statement"}');
const FAILED_QUERY = bytesOf(',"fault":true,"cause":"');
const HTTP_TAIL = bytesOf('}}}');

const headOf = new FragmentCache((estate: Estate) => bytesOf(`{"name":"${estate.service}","id":"`));
const requestOf = new FragmentCache((route: Route) => bytesOf(`,"origin":"AWS::EC2::Instance","http":{"request":{"method":"${route.method}","url":"https://`));
const userAgentOf = new FragmentCache((userAgent: string) => bytesOf(`","user_agent":"${userAgent}","client_ip":"`));
const domainOf = new FragmentCache((tenant: Tenant) => bytesOf(tenant.domain));
const instanceOf = new FragmentCache((instance: Instance) =>
  bytesOf(
    `}},"aws":{"ec2":{"instance_id":"${instance.instanceId}","availability_zone":"${instance.az}","instance_size":"${instance.instanceType}","ami_id":"${instance.amiId}"}},` +
      `"service":{"version":"${instance.appVersion}"},"user":"u-`,
  ),
);
const annotationsOf = new FragmentCache((tenant: Tenant) => ({ tenant: bytesOf(`","annotations":{"tenant":"${tenant.tenant}","route":"`), db: bytesOf(`","db_server":"${tenant.dbServer}"}`) }));
const routeNameOf = new FragmentCache((route: Route) => bytesOf(route.name));
const queryTargetOf = new FragmentCache((tenant: Tenant) =>
  bytesOf(`,"namespace":"remote","name":"${tenant.dbName}@${tenant.dbServer}","sql":{"url":"postgresql://${tenant.dbServer}.internal:5432/${tenant.dbName}","sanitized_query":"`),
);
const sqlOf = new FragmentCache((sql: string) => bytesOf(sql));
const remoteCallOf = new FragmentCache((url: string) => {
  const host = url.slice(url.indexOf('//') + 2, url.indexOf('/', url.indexOf('//') + 2));
  return bytesOf(`,"namespace":"remote","name":"${host}","http":{"request":{"method":"POST","url":"${url}","traced":false},"response":{"status":`);
});

/**
 * The X-Ray segment document the app's SDK would send for a sampled
 * request: the root segment on its EC2 instance, a subsegment per query
 * (with the tenant's database in `sql.url`) and per remote HTTP call, and
 * the exception in `cause` when it failed. Null when the request was not
 * sampled or never reached the app.
 *
 * Every value is the simulator's own text, free of quotes and backslashes,
 * so the JSON is written directly; JSON.stringify of the nested objects was
 * the slowest step of a dataset.
 *
 * @example
 * formatXraySegment(estate, plan); // '{"name":"shop-web","id":"…","trace_id":"1-…",…}'
 */
export function formatXraySegment(estate: Estate, plan: RequestPlan): string | null {
  scratch.pos = 0;
  if (writeXraySegment(scratch, estate, plan) === 0) return null;
  scratch.pos--;
  return scratch.toString();
}

/** formatXraySegment's document and a newline, written into `out`; the number of lines written (0 or 1). */
export function writeXraySegment(out: AsciiWriter, estate: Estate, plan: RequestPlan): number {
  const app = plan.app;
  if (app === null || !plan.sampled) return 0;
  out.bytes(headOf.get(estate));
  out.hex(app.segmentHigh);
  out.hex(app.segmentLow);
  out.bytes(TRACE_ID);
  writeTraceId(out, plan.traceEpoch, plan.trace1, plan.trace2, plan.trace3);
  times(out, app.start, app.end);
  out.bytes(requestOf.get(plan.route));
  out.bytes(domainOf.get(plan.tenant));
  out.text(plan.path);
  out.bytes(userAgentOf.get(plan.userAgent));
  out.ipv4(plan.clientAddress);
  out.bytes(CLIENT_IP);
  out.int(app.status);
  out.bytes(CONTENT_LENGTH);
  out.int(plan.sentBytes);
  out.bytes(instanceOf.get(plan.instance));
  out.int(app.user);
  const annotations = annotationsOf.get(plan.tenant);
  out.bytes(annotations.tenant);
  out.bytes(routeNameOf.get(plan.route));
  out.bytes(annotations.db);
  if (app.status >= 500) out.bytes(FAULT);
  else if (app.status >= 400) out.bytes(ERROR);
  if (app.exception !== null) {
    out.bytes(CAUSE);
    out.text(causeOf(app.exception));
  }
  out.bytes(SUBSEGMENTS);
  for (let i = 0; i < app.calls.length; i++) {
    if (i > 0) out.byte(44);
    subsegment(out, plan, app.calls[i]!, app);
  }
  out.bytes(CLOSE);
  return 1;
}

/** `","start_time":<s>,"end_time":<s>` in seconds with up to six decimals, as JavaScript prints µs / 1e6. */
function times(out: AsciiWriter, start: number, end: number): void {
  out.bytes(START);
  out.scaled(start, 6);
  out.bytes(END);
  out.scaled(end, 6);
}

function subsegment(out: AsciiWriter, plan: RequestPlan, call: Call, app: AppWork): void {
  out.bytes(SUBSEGMENT);
  out.hex(call.idHigh);
  out.hex(call.idLow);
  times(out, call.start, call.end);
  if (call.kind === 'http') {
    out.bytes(remoteCallOf.get(call.target));
    out.text(String(call.status));
    out.bytes(HTTP_TAIL);
    return;
  }
  out.bytes(queryTargetOf.get(plan.tenant));
  out.bytes(sqlOf.get(call.target));
  out.bytes(SQL_TAIL);
  if (call.error && app.exception !== null) {
    out.bytes(FAILED_QUERY);
    out.text(app.exception.id);
    out.byte(34);
  }
  out.byte(125);
}

function causeOf(exception: SimulatedException): string {
  const stack = exception.frames.map((f) => `{"label":"${f.label}","path":"${f.path}","line":${f.line}}`).join(',');
  return `{"working_directory":"/app","exceptions":[{"id":"${exception.id}","type":"${exception.type}","message":"${exception.message}","stack":[${stack}]}]}`;
}
