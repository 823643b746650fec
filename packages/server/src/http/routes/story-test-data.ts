// Three requests as Tinsel would receive them: ALB access-log lines in AWS's
// format, X-Ray segment documents and application log rows. Used by the
// story route and CLI tests.
import { logsTable, requestsTable, spansTable, type LogRecord, type RequestRecord, type SpanRecord } from '@tinsel/model';
import { normalizeXrayDocument, parseAlbLine } from '@tinsel/ingest';
import type { Store } from '@tinsel/store';

const ELB = 'app/shop-prod/50dc6c495c0c9188';
const TARGET_GROUP = 'arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/web/73e2d6bc24d8a067';
const iso = (seconds: number): string => new Date(Math.round(seconds * 1000)).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');

/** Ids of the three stories. */
export const storyIds = {
  /** POST /checkout: the target answered 500 after a database timeout. */
  failed: '1-67891233-abcdef012345678912345678',
  /** GET /report: the target never answered; ALB gave up with 504 after 60 s. */
  died: '1-6789123a-0123456789abcdef01234567',
  /** GET /cart retried by its caller: the first attempt got 502, the second was served. */
  retried: '1-67891240-fedcba9876543210fedcba98',
} as const;

function albLine(o: { created: number; timings: [number, number, number]; elb: string; target: string; method: string; path: string; traceField: string; took?: number }): string {
  const took = o.took ?? o.timings.reduce((sum, t) => sum + Math.max(t, 0), 0);
  return [
    'https', iso(o.created + took), ELB, '203.0.113.7:52114', '10.0.1.23:8080', ...o.timings.map((t) => (t < 0 ? '-1' : t.toFixed(3))), o.elb, o.target, '512', '1024',
    `"${o.method} https://shop.example.com:443${o.path} HTTP/1.1"`, '"Mozilla/5.0"', 'ECDHE-RSA-AES128-GCM-SHA256', 'TLSv1.2', TARGET_GROUP,
    `"${o.traceField}"`, '"shop.example.com"', '"session-reused"', '1', iso(o.created), '"forward"', '"-"', '"-"', '"10.0.1.23:8080"', `"${o.target}"`, '"-"', '"-"',
    'TID_dc57cebed65b444ebc8177bb698fe166',
  ].join(' ');
}

/** The ALB lines of all three stories (the retried one has two). */
export function storyAlbLines(): string[] {
  return [
    albLine({ created: 1737036339.261, timings: [0.001, 0.25, 0], elb: '500', target: '500', method: 'POST', path: '/checkout', traceField: `Root=${storyIds.failed}` }),
    albLine({ created: 1737036346.5, timings: [-1, -1, -1], elb: '504', target: '-', method: 'GET', path: '/report', traceField: `Root=${storyIds.died}`, took: 60.001 }),
    albLine({ created: 1737036352.1, timings: [-1, -1, -1], elb: '502', target: '-', method: 'GET', path: '/cart', traceField: `Self=1-67891240-111111111111111111111111;Root=${storyIds.retried};Parent=53995c3f42cd8ad8;Sampled=1`, took: 0.004 }),
    albLine({ created: 1737036352.4, timings: [0, 0.04, 0], elb: '200', target: '200', method: 'GET', path: '/cart', traceField: `Self=1-67891240-222222222222222222222222;Root=${storyIds.retried};Parent=53995c3f42cd8ad8;Sampled=1` }),
  ];
}

/** X-Ray documents: the failed checkout (a segment whose database call faulted) and the retry's second attempt. */
export function storyXrayDocuments(): string[] {
  const checkout = {
    trace_id: storyIds.failed, id: '70de5b6f19ff9a0a', name: 'checkout', start_time: 1737036339.263, end_time: 1737036339.508, fault: true,
    http: { request: { method: 'POST', url: 'https://shop.example.com/checkout' }, response: { status: 500 } },
    cause: { working_directory: '/app', exceptions: [{ id: '1f2e3d4c5b6a7980', type: 'OrderFailedException', message: 'Order 7 was not saved' }] },
    subsegments: [{
      id: '0f910026178b71eb', name: 'orders@db-7.internal', namespace: 'remote', start_time: 1737036339.27, end_time: 1737036339.5, fault: true,
      sql: { url: 'db-7.internal/orders', sanitized_query: 'INSERT INTO orders VALUES (?)' },
      cause: { exceptions: [{ id: '2a3b4c5d6e7f8091', type: 'SqlException', message: 'Timeout expired' }] },
    }],
  };
  const cart = {
    trace_id: storyIds.retried, id: '5e6f7a8b9c0d1e2f', parent_id: '53995c3f42cd8ad8', name: 'cart', start_time: 1737036352.405, end_time: 1737036352.43,
    http: { request: { method: 'GET', url: 'https://shop.example.com/cart' }, response: { status: 200 } },
  };
  return [JSON.stringify(checkout), JSON.stringify(cart)];
}

/** Log rows as a Serilog app sends them over CLEF, trace and span ids included. */
export function storyLogs(): LogRecord[] {
  const base = { message_template: null, exception: null, service: 'checkout', host: 'ip-10-0-1-23', source: 'seq-clef' } as const;
  return [
    { ...base, timestamp: 1737036339_280_000, level: 'info', message: 'Saving order 7', message_template: 'Saving order {OrderId}', properties: '{"OrderId":7,"Tenant":"acme","RequestPath":"/checkout","UserId":"u-42"}', trace_id: '67891233abcdef012345678912345678', span_id: '70de5b6f19ff9a0a' },
    {
      ...base, timestamp: 1737036339_501_000, level: 'error', message: 'Order 7 failed', message_template: 'Order {OrderId} failed',
      exception: 'System.Data.SqlClient.SqlException: Timeout expired\n   at Orders.Save(Order order)',
      properties: '{"OrderId":7,"Tenant":"acme","RequestPath":"/checkout","UserId":"u-42","Basket":{"Items":3}}', trace_id: '67891233abcdef012345678912345678', span_id: '0f910026178b71eb',
    },
    { ...base, service: 'cart', timestamp: 1737036352_420_000, level: 'info', message: 'Cart shown', properties: '{"Tenant":"globex"}', trace_id: '67891240fedcba9876543210fedcba98', span_id: '5e6f7a8b9c0d1e2f' },
  ];
}

/** Parses and stores all three stories, enriched as ingest would have done. */
export async function storeStories(store: Store): Promise<void> {
  const requests: RequestRecord[] = storyAlbLines().map((line) => {
    const parsed = parseAlbLine(line, 'story-test.log');
    if (!parsed.ok) throw new Error(parsed.reason);
    return { ...parsed.value, tenant: 'acme', db_server: 'db-7', db_name: 'acme_shop', site_tier: 'gold', instance_id: 'i-0abc123', ami_id: 'ami-0123', app_version: '4.2.0', az: 'us-east-2a', lb_name: 'shop-prod' };
  });
  const spans: SpanRecord[] = storyXrayDocuments().flatMap((doc) => {
    const normalized = normalizeXrayDocument(doc, 'xray-api', Date.UTC(2025, 0, 17));
    if (!normalized.ok) throw new Error(normalized.reason);
    return normalized.value.spans;
  });
  await store.append(requestsTable, requests);
  await store.append(spansTable, spans);
  await store.append(logsTable, storyLogs());
}
