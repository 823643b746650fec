import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pino from 'pino';
import { decodeClefLines } from '@tinsel/ingest';
import { runInContext } from '../context/ambient.ts';
import { templated } from './logger-integrations.ts';
import { pinoClefOptions } from './pino-clef-options.ts';

describe('pinoClefOptions', () => {
  it('makes pino write CLEF that Tinsel reads, with ids, context, template and exception', () => {
    const lines: string[] = [];
    const log = pino(pinoClefOptions({ base: { service: 'shop' } }), { write: (line: string) => void lines.push(line) });
    const ambient = { traceId: '5759e988bd862e3fe1be46a994272793', spanId: '53995c3f42cd8ad8', sampled: false, route: '/orders/:id', tenant: 'acme', user: null, properties: { orderId: 'o-1' }, span: null };
    runInContext(ambient, () => {
      templated(log).warn('Order {OrderId} failed', { OrderId: 'o-1' });
      log.error({ err: new Error('boom') }, 'request failed');
    });
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    assert.equal(first['@l'], 'warn');
    assert.equal(first['@mt'], 'Order {OrderId} failed');
    assert.equal(first['@m'], 'Order o-1 failed');
    assert.equal(first['@tr'], '5759e988bd862e3fe1be46a994272793');
    assert.equal(first.tenant, 'acme');
    assert.match(String(JSON.parse(lines[1]!)['@x']), /^Error: boom\n/);
    const decoded = decodeClefLines(lines.join(''), { source: 'seq-clef' });
    assert.equal(decoded.rejected.length, 0, JSON.stringify(decoded.rejected));
    assert.equal(decoded.records.length, 2);
  });
});
