import type { SeededRandom } from '../alb/seeded-random.ts';
import { spanEstate, USER_AGENTS, type EstateService, type OperationStep, type ServiceOperation } from './span-estate.ts';
import type { SyntheticSpan } from './synthetic-span.ts';

// Shares of leaf server spans that answer 4xx and 5xx; a 5xx travels up to the root.
const CLIENT_ERROR_RATE = 0.01;
const FAULT_RATE = 0.004;

interface Served {
  end: number;
  status: number;
}

/**
 * One request through the estate, from a browser's call to the front end
 * down to the databases: 1 to 16 spans (about 8 on average) across up to
 * four services, parents before children, children inside their parents'
 * time. The trace id starts with the start second in hex, as X-Ray's and
 * the AWS X-Ray id generator's do.
 *
 * @example
 * const spans = generateTrace(new SeededRandom(1), Date.now() * 1000);
 * spans[0].kind; // 'server', the front end's span
 */
export function generateTrace(random: SeededRandom, startMicros: number): SyntheticSpan[] {
  const frontend = spanEstate['web-frontend']!;
  const spans: SyntheticSpan[] = [];
  const traceId = Math.floor(startMicros / 1e6).toString(16).padStart(8, '0') + random.hex(24);
  const clientIp = `${81 + random.int(100)}.${random.int(256)}.${random.int(256)}.${1 + random.int(254)}`;
  serve({ random, spans, traceId }, frontend, pickOperation(random, frontend.operations), null, startMicros, clientIp, random.pick(USER_AGENTS));
  return spans;
}

interface TraceContext {
  random: SeededRandom;
  spans: SyntheticSpan[];
  traceId: string;
}

function serve(trace: TraceContext, service: EstateService, operation: ServiceOperation, parentSpanId: string | null, start: number, clientIp: string, userAgent: string | null): Served {
  const { random } = trace;
  const host = random.pick(service.hosts);
  const path = operation.path.replace('{id}', String(1 + random.int(100_000))) + (operation.path.endsWith('search') ? `?q=${random.pick(SEARCH_TERMS)}&page=${1 + random.int(3)}` : '');
  const span: SyntheticSpan = {
    traceId: trace.traceId,
    spanId: random.hex(16),
    parentSpanId,
    service: service.name,
    host,
    name: `${operation.method} ${operation.path}`,
    kind: 'server',
    startMicros: start,
    endMicros: start,
    status: 'ok',
    http: { method: operation.method, url: `${service.origin}${path}`, status: 200, clientIp, userAgent },
    db: null,
  };
  trace.spans.push(span);
  let at = start + 80 + random.int(400);
  let status = 200;
  for (const step of operation.steps) {
    const served = call(trace, span, step, at);
    if (served.status >= 500) status = 502;
    at = served.end + 20 + random.int(120);
  }
  if (operation.steps.length === 0) at += random.logNormal(400, 0.5);
  if (status === 200 && operation.steps.every((s) => s.type !== 'http')) status = leafStatus(random, operation.method);
  span.endMicros = Math.round(at + 50 + random.int(300));
  span.http!.status = status;
  span.status = statusClass(status);
  return { end: span.endMicros, status };
}

function call(trace: TraceContext, caller: SyntheticSpan, step: OperationStep, start: number): Served {
  const { random } = trace;
  const span: SyntheticSpan = { ...caller, spanId: random.hex(16), parentSpanId: caller.spanId, kind: 'client', startMicros: start, status: 'ok', http: null, db: null };
  trace.spans.push(span);
  let status = 200;
  if (step.type === 'http') {
    const callee = spanEstate[step.service]!;
    const operation = callee.operations[step.operation]!;
    span.name = new URL(callee.origin).hostname;
    const path = operation.path.replace('{id}', String(1 + random.int(100_000)));
    if (callee.hosts.length > 0) {
      const served = serve(trace, callee, operation, span.spanId, start + 150 + random.int(300), `10.0.${random.int(4)}.${10 + random.int(200)}`, null);
      span.endMicros = served.end + 100 + random.int(400);
      status = served.status;
    } else {
      // An outside API: its latency, its own rare failures.
      span.endMicros = Math.round(start + random.logNormal(180_000, 0.4));
      status = leafStatus(random, operation.method);
    }
    span.http = { method: operation.method, url: `${callee.origin}${path}`, status, clientIp: '', userAgent: null };
  } else if (step.type === 'db') {
    span.name = step.system === 'redis' ? step.statement.split(' ')[0]! : `${step.statement.split(' ')[0]} ${step.database}`;
    span.db = { system: step.system, server: step.server, database: step.database, statement: step.statement };
    span.endMicros = Math.round(start + random.logNormal(step.system === 'redis' ? 350 : 1_800, 0.8));
  } else {
    span.name = step.name;
    span.kind = 'internal';
    span.endMicros = Math.round(start + random.logNormal(2_500, 0.7));
  }
  span.status = statusClass(status);
  return { end: span.endMicros, status };
}

function leafStatus(random: SeededRandom, method: string): number {
  const roll = random.next();
  if (roll < FAULT_RATE) return random.chance(0.7) ? 500 : 503;
  if (roll < FAULT_RATE + CLIENT_ERROR_RATE) return method === 'GET' ? 404 : 400;
  return 200;
}

function statusClass(status: number): SyntheticSpan['status'] {
  return status >= 500 ? 'fault' : status >= 400 ? 'error' : 'ok';
}

function pickOperation(random: SeededRandom, operations: ServiceOperation[]): ServiceOperation {
  const total = operations.reduce((sum, o) => sum + o.weight, 0);
  let roll = random.next() * total;
  for (const operation of operations) {
    roll -= operation.weight;
    if (roll < 0) return operation;
  }
  return operations[operations.length - 1]!;
}

const SEARCH_TERMS = ['shoes', 'rain+jacket', 'coffee', 'desk+lamp', 'headphones', 'yoga+mat', 'backpack', 'kettle'];
