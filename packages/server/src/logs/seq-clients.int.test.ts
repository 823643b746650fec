// The Seq clients Node applications use, unchanged, pointed at Tinsel's Seq port.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SeqTransport } from '@datalust/winston-seq';
import pino from 'pino';
import { createStream } from 'pino-seq';
import { Logger as SeqLogger } from 'seq-logging';
import winston from 'winston';
import { propertiesOf, startLogTestServer, type LogTestServer } from './log-test-server.ts';

const TRACE = '5759e988bd862e3fe1be46a994272793';
const SPAN = '53995c3f42cd8ad8';

describe('Seq clients send logs to Tinsel', () => {
  let server: LogTestServer;
  let seqUrl: string;
  const errors: unknown[] = [];
  const onError = (error: unknown) => void errors.push(error);

  before(async () => {
    server = await startLogTestServer();
    seqUrl = server.listeners.addresses.seq!;
  });
  after(() => server.close());

  it('seq-logging: events arrive with level, rendered message, properties and trace id', async () => {
    const logger = new SeqLogger({ serverUrl: seqUrl, onError });
    logger.emit({ timestamp: new Date('2024-03-01T10:15:30.123Z'), level: 'Warning', messageTemplate: 'seq-logging order {OrderId} for {@Customer}', properties: { OrderId: 42, Customer: { Name: 'Ada', Tier: 'gold' } }, traceId: TRACE, spanId: SPAN });
    logger.emit({ timestamp: new Date(), level: 'Error', messageTemplate: 'seq-logging failed {Step}', properties: { Step: 'pay' }, exception: 'Error: declined\n    at pay (pay.js:1:1)' });
    await logger.flush();
    await logger.close();
    assert.deepEqual(errors, []);
    const [order, failure] = await server.logsWith('seq-logging');
    assert.equal(order?.level, 'warn');
    assert.equal(order?.message, 'seq-logging order 42 for { Name: "Ada", Tier: "gold" }');
    assert.equal(order?.message_template, 'seq-logging order {OrderId} for {@Customer}');
    assert.equal(order?.timestamp, '2024-03-01T10:15:30.123000Z');
    assert.deepEqual(propertiesOf(order), { OrderId: 42, Customer: { Name: 'Ada', Tier: 'gold' } });
    assert.equal(order?.trace_id, TRACE);
    assert.equal(order?.span_id, SPAN);
    assert.equal(order?.source, 'seq-clef');
    assert.equal(failure?.level, 'error');
    assert.equal(failure?.exception, 'Error: declined\n    at pay (pay.js:1:1)');
  });

  it('pino with pino-seq: levels, messages, child bindings and the trace id arrive', async () => {
    const stream = createStream({ serverUrl: seqUrl, onError });
    const logger = pino({ name: 'checkout', level: 'trace' }, stream);
    const request = logger.child({ trace_id: TRACE, span_id: SPAN, tenant: { id: 'acme', plan: 'pro' } });
    request.info({ cart: 3 }, 'pino-seq cart loaded');
    request.error(new Error('pino-seq payment declined'));
    logger.debug('pino-seq debug line');
    await stream.flush();
    assert.deepEqual(errors, []);
    const rows = await server.logsWith('pino-seq');
    assert.deepEqual(rows.map((r) => `${r.level} ${r.message}`).sort(), ['debug pino-seq debug line', 'error pino-seq payment declined', 'info pino-seq cart loaded']);
    const cart = rows.find((r) => r.message === 'pino-seq cart loaded');
    assert.equal(cart?.trace_id, TRACE);
    assert.equal(cart?.span_id, SPAN);
    const properties = propertiesOf(cart);
    assert.equal(properties.cart, 3);
    assert.deepEqual(properties.tenant, { id: 'acme', plan: 'pro' });
    assert.equal(properties.name, 'checkout');
    const failure = rows.find((r) => r.level === 'error');
    assert.match(String(failure?.exception), /^Error: pino-seq payment declined\n\s+at /);
    assert.equal(failure?.trace_id, TRACE);
  });

  it('winston with @datalust/winston-seq: templates render with metadata and the trace id', async () => {
    const transport = new SeqTransport({ serverUrl: seqUrl, onError });
    const logger = winston.createLogger({ level: 'silly', format: winston.format.combine(winston.format.errors({ stack: true }), winston.format.json()), defaultMeta: { application: 'billing' }, transports: [transport] });
    logger.warn('winston-seq invoice {InvoiceId} overdue by {Days} days', { InvoiceId: 'inv-7', Days: 3, trace_id: TRACE, customer: { id: 9, address: { city: 'Hobart' } } });
    logger.http('winston-seq http line');
    logger.error(new Error('winston-seq boom'));
    await transport.flush();
    assert.deepEqual(errors, []);
    const rows = await server.logsWith('winston-seq');
    const invoice = rows.find((r) => String(r.message).includes('invoice'));
    assert.equal(invoice?.message, 'winston-seq invoice "inv-7" overdue by 3 days');
    assert.equal(invoice?.level, 'warn');
    assert.equal(invoice?.trace_id, TRACE);
    assert.deepEqual(propertiesOf(invoice).customer, { id: 9, address: { city: 'Hobart' } });
    assert.equal(propertiesOf(invoice).application, 'billing');
    assert.equal(rows.find((r) => r.message === 'winston-seq http line')?.level, 'debug');
    const boom = rows.find((r) => r.message === 'winston-seq boom');
    assert.equal(boom?.level, 'error');
    assert.match(String(boom?.exception), /^Error: winston-seq boom\n\s+at /);
  });
});
