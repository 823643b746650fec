import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { levelFromSeverityNumber, normalizeLevel } from './normalize-level.ts';

describe('normalizeLevel', () => {
  it('reads Serilog names, full and abbreviated, in any case', () => {
    const cases: [string, string][] = [
      ['Verbose', 'trace'], ['Debug', 'debug'], ['Information', 'info'], ['Warning', 'warn'], ['Error', 'error'], ['Fatal', 'fatal'],
      ['VRB', 'trace'], ['DBG', 'debug'], ['INF', 'info'], ['WRN', 'warn'], ['ERR', 'error'], ['FTL', 'fatal'], ['WaRNiNg', 'warn'], ['ERROR', 'error'],
    ];
    for (const [input, level] of cases) assert.equal(normalizeLevel(input), level, input);
  });

  it('reads pino and bunyan numbers, custom ones rounding down', () => {
    assert.deepEqual([10, 20, 30, 40, 50, 60].map(normalizeLevel), ['trace', 'debug', 'info', 'warn', 'error', 'fatal']);
    assert.equal(normalizeLevel(35), 'info');
    assert.equal(normalizeLevel(100), 'fatal');
    assert.equal(normalizeLevel('50'), 'error');
  });

  it('reads winston and syslog names', () => {
    assert.deepEqual(['silly', 'verbose', 'http', 'info', 'warn', 'error'].map(normalizeLevel), ['trace', 'trace', 'debug', 'info', 'warn', 'error']);
    assert.deepEqual(['notice', 'crit', 'alert', 'emerg'].map(normalizeLevel), ['info', 'fatal', 'fatal', 'fatal']);
  });

  it('reads OTel severity numbers and ranked severity text', () => {
    assert.deepEqual([1, 5, 9, 13, 17, 21, 24].map(normalizeLevel), ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'fatal']);
    assert.equal(normalizeLevel('WARN2'), 'warn');
    assert.equal(levelFromSeverityNumber(12), 'info');
    assert.equal(levelFromSeverityNumber(0), null);
    assert.equal(levelFromSeverityNumber(25), null);
  });

  it('answers null for what names no level, including inherited object keys', () => {
    for (const value of ['', 'loud', 'constructor', '__proto__', 'toString', 0, -5, NaN, null, undefined, true, {}, []]) {
      assert.equal(normalizeLevel(value), null, String(value));
    }
  });
});
