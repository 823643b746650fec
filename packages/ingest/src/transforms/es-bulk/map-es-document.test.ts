import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mapEsDocument } from './map-es-document.ts';

const map = (doc: Record<string, unknown>) => {
  const result = mapEsDocument(doc, { receivedAt: 7 });
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return result.value;
};

describe('mapEsDocument', () => {
  it('reads the level from level, log.level (dotted or nested) or severity, and defaults to info', () => {
    assert.equal(map({ level: 'Warning' }).level, 'warn');
    assert.equal(map({ 'log.level': 'ERROR' }).level, 'error');
    assert.equal(map({ log: { level: 'debug', logger: 'x' } }).level, 'debug');
    assert.equal(map({ severity: 'verbose' }).level, 'trace');
    assert.equal(map({ level: 50 }).level, 'error');
    assert.equal(map({ message: 'no level' }).level, 'info');
    assert.equal(map({ level: 'whatever' }).level, 'info');
  });

  it('reads the time from @timestamp or timestamp as a date string or epoch milliseconds', () => {
    assert.equal(map({ '@timestamp': '2026-11-26T04:21:00.1234567+01:00' }).timestamp, Date.UTC(2026, 10, 26, 3, 21) * 1000 + 123456);
    assert.equal(map({ timestamp: 1795666860123 }).timestamp, 1795666860123000);
    assert.equal(map({ '@timestamp': '1795666860123' }).timestamp, 1795666860123000);
    assert.equal(map({ '@timestamp': '2026-11-26' }).timestamp, Date.UTC(2026, 10, 26) * 1000);
    assert.equal(map({}).timestamp, 7);
  });

  it('refuses a time that is not a date, naming the field', () => {
    const result = mapEsDocument({ '@timestamp': 'soon' }, { receivedAt: 0 });
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.reason, /^failed to parse field \[@timestamp\] of type \[date\]/);
    assert.equal(mapEsDocument({ timestamp: -5 }, { receivedAt: 0 }).ok, false);
  });

  it('takes the message from message, msg or log, and renders a template when the message is missing', () => {
    assert.equal(map({ msg: 'pino style' }).message, 'pino style');
    assert.equal(map({ log: 'a container line\n' }).message, 'a container line');
    assert.equal(map({ message: { nested: true } }).message, '{"nested":true}');
    const rendered = map({ messageTemplate: 'User {User} signed in', fields: { User: 'ann' } });
    assert.equal(rendered.message, 'User "ann" signed in');
    assert.equal(rendered.message_template, 'User {User} signed in');
  });

  it('finds the trace id in ECS trace.id, then in the configured property names, in any form', () => {
    const traceId = '5759e988bd862e3fe1be46a994272793';
    assert.equal(map({ 'trace.id': traceId.toUpperCase() }).trace_id, traceId);
    assert.equal(map({ trace: { id: '1-5759e988-bd862e3fe1be46a994272793' } }).trace_id, traceId);
    assert.equal(map({ fields: { TraceId: traceId } }).trace_id, traceId);
    assert.equal(map({ traceparent: 'x', trace_id: `00-${traceId}-53995c3f42cd8ad8-01` }).span_id, '53995c3f42cd8ad8');
    assert.equal(map({ fields: { 'X-Amzn-Trace-Id': `Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8` } }).span_id, '53995c3f42cd8ad8');
    assert.equal(map({ fields: { CorrelationId: traceId } }).trace_id, null);
    const custom = mapEsDocument({ fields: { CorrelationId: traceId } }, { receivedAt: 0, traceIdProperties: ['CorrelationId'] });
    assert.equal(custom.ok && custom.value.trace_id, traceId);
    assert.equal(map({ trace: { id: 'nope' } }).trace_id, null);
  });

  it('keeps nested properties whole, fields first, and leaves out what became a column', () => {
    const record = map({ '@timestamp': '2026-11-26T04:21:00Z', level: 'info', message: 'm', '@version': '1', fields: { Order: { Id: 5, Lines: [1, 2] } }, kubernetes: { labels: { app: 'x' } }, trace: { id: '5759e988bd862e3fe1be46a994272793' } });
    assert.deepEqual(JSON.parse(record.properties!), { Order: { Id: 5, Lines: [1, 2] }, kubernetes: { labels: { app: 'x' } } });
    assert.equal(map({ message: 'only' }).properties, null);
  });

  it('reads service and host from ECS, Serilog enrichers and Kubernetes metadata', () => {
    assert.deepEqual(pick(map({ service: { name: 'api' }, host: { name: 'h1' } })), ['api', 'h1']);
    assert.deepEqual(pick(map({ fields: { Application: 'shop', MachineName: 'web-3' } })), ['shop', 'web-3']);
    assert.deepEqual(pick(map({ kubernetes: { container_name: 'c', pod_name: 'p' } })), ['c', 'p']);
    assert.deepEqual(pick(map({ host: 'web-5' })), [null, 'web-5']);
  });

  it('renders exceptions from Serilog, ECS and winston shapes', () => {
    assert.equal(map({ exceptions: [{ Depth: 1, ClassName: 'Inner', Message: 'b' }, { Depth: 0, ClassName: 'Outer', Message: 'a', StackTraceString: ['  at X()', '  at Y()'] }] }).exception, 'Outer: a ---> Inner: b\n  at X()\n  at Y()');
    assert.equal(map({ exception: 'System.Exception: plain text' }).exception, 'System.Exception: plain text');
    assert.equal(map({ error: { type: 'TypeError', message: 'bad' } }).exception, 'TypeError: bad');
    assert.equal(map({ fields: { stack: 'Error: x\n  at y' } }).exception, 'Error: x\n  at y');
    assert.equal(map({ message: 'fine' }).exception, null);
  });
});

function pick(record: { service: string | null; host: string | null }): [string | null, string | null] {
  return [record.service, record.host];
}
