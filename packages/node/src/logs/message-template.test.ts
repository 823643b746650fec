import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromPinoLine } from './from-pino-line.ts';
import { toClefLine } from './log-event.ts';
import { renderTemplate } from './message-template.ts';

describe('renderTemplate', () => {
  it('fills holes from the properties, keeping unknown holes and escaped braces', () => {
    assert.equal(renderTemplate('Order {OrderId} failed after {Ms} ms', { OrderId: 'o-42', Ms: 12 }), 'Order o-42 failed after 12 ms');
    assert.equal(renderTemplate('{@Order} by {$User} {Missing} {{literal}}', { Order: { id: 1 }, User: 'ann' }), '{"id":1} by ann {Missing} {literal}');
    assert.equal(renderTemplate('{Total,8:0.00}', { Total: 3 }), '3');
  });
});

describe('pino lines as CLEF', () => {
  it('keeps the template, level, trace ids, error stack and properties', () => {
    const line = JSON.stringify({ level: 50, time: 1732600000000, msg: 'Order o-42 failed', '@mt': 'Order {OrderId} failed', OrderId: 'o-42', trace_id: '5759e988bd862e3fe1be46a994272793', span_id: '53995c3f42cd8ad8', err: { type: 'Error', message: 'x', stack: 'Error: x\n    at f' } });
    const clef = JSON.parse(toClefLine(fromPinoLine(line)!)) as Record<string, unknown>;
    assert.deepEqual(clef, {
      '@t': '2024-11-26T05:46:40.000Z', '@l': 'Error', '@mt': 'Order {OrderId} failed', '@m': 'Order o-42 failed', '@x': 'Error: x\n    at f',
      '@tr': '5759e988bd862e3fe1be46a994272793', '@sp': '53995c3f42cd8ad8', OrderId: 'o-42', err: { type: 'Error', message: 'x', stack: 'Error: x\n    at f' },
    });
    assert.equal(fromPinoLine('not json'), null);
  });
});
