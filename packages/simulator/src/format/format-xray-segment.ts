import type { Estate } from '../estate/estate.ts';
import type { AppWork, Call, RequestPlan, SimulatedException } from '../request/request-plan.ts';

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
  const app = plan.app;
  if (app === null || !plan.sampled) return null;
  const { instance, tenant, route } = plan;
  const flags = app.status >= 500 ? ',"fault":true' : app.status >= 400 ? ',"error":true' : '';
  const cause = app.exception === null ? '' : `,"cause":${causeOf(app.exception)}`;
  const subsegments = app.calls.map((call) => subsegment(plan, call, app)).join(',');
  return (
    `{"name":"${estate.service}","id":"${app.segmentId}","trace_id":"${plan.traceId}","start_time":${app.start / 1e6},"end_time":${app.end / 1e6},"origin":"AWS::EC2::Instance",` +
    `"http":{"request":{"method":"${route.method}","url":"https://${tenant.domain}${plan.path}","user_agent":"${plan.userAgent}","client_ip":"${plan.clientIp}","x_forwarded_for":true},` +
    `"response":{"status":${app.status},"content_length":${plan.sentBytes}}},` +
    `"aws":{"ec2":{"instance_id":"${instance.instanceId}","availability_zone":"${instance.az}","instance_size":"${instance.instanceType}","ami_id":"${instance.amiId}"}},` +
    `"service":{"version":"${instance.appVersion}"},"user":"${app.userId}",` +
    `"annotations":{"tenant":"${tenant.tenant}","route":"${route.name}","db_server":"${tenant.dbServer}"}${flags}${cause},"subsegments":[${subsegments}]}`
  );
}

function subsegment(plan: RequestPlan, call: Call, app: AppWork): string {
  const base = `"id":"${call.id}","start_time":${call.start / 1e6},"end_time":${call.end / 1e6},"namespace":"remote"`;
  if (call.kind === 'http') {
    const host = call.target.slice(call.target.indexOf('//') + 2, call.target.indexOf('/', call.target.indexOf('//') + 2));
    return `{${base},"name":"${host}","http":{"request":{"method":"POST","url":"${call.target}","traced":false},"response":{"status":${call.status}}}}`;
  }
  const { dbServer, dbName } = plan.tenant;
  const failed = call.error && app.exception !== null ? `,"fault":true,"cause":"${app.exception!.id}"` : '';
  return (
    `{${base},"name":"${dbName}@${dbServer}","sql":{"url":"postgresql://${dbServer}.internal:5432/${dbName}","sanitized_query":"${call.target}",` +
    `"database_type":"PostgreSQL","database_version":"16.4","driver_version":"Npgsql 8.0.5","user":"shop_app","preparation":"statement"}${failed}}`
  );
}

function causeOf(exception: SimulatedException): string {
  const stack = exception.frames.map((f) => `{"label":"${f.label}","path":"${f.path}","line":${f.line}}`).join(',');
  return `{"working_directory":"/app","exceptions":[{"id":"${exception.id}","type":"${exception.type}","message":"${exception.message}","stack":[${stack}]}]}`;
}
