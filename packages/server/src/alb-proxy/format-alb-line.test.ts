import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAlbKey, parseAlbLine } from '@tinsel/ingest';
import { formatAlbLine, type AlbLogEntry } from './format-alb-line.ts';
import { extendTraceHeader } from './trace-header.ts';

const entry: AlbLogEntry = {
  received: Date.parse('2026-11-26T05:10:00.123Z') + 0.456, finished: Date.parse('2026-11-26T05:10:00.180Z'), lbId: 'app/local-proxy/0123456789abcdef',
  client: '127.0.0.1:52000', target: '127.0.0.1:3000', requestProcessing: 0.0004, targetProcessing: 0.05, responseProcessing: 0.0001, elbStatus: 500, targetStatus: 500,
  receivedBytes: 120, sentBytes: 340, method: 'GET', url: 'http://acme.shop.test:8080/api/orders/o-42/pay?x="1"', httpVersion: '1.1', userAgent: 'curl/8 "quoted" é',
  targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/local-proxy-targets/0000000000000000',
  traceHeader: 'Root=1-5759e988-bd862e3fe1be46a994272793;Self=1-6765f0a1-0123456789abcdef01234567', errorReason: null,
};

describe('formatAlbLine', () => {
  it('writes a line parseAlbLine reads back field for field', () => {
    const parsed = parseAlbLine(formatAlbLine(entry), 'proxy');
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
    const row = parsed.value as Record<string, unknown>;
    assert.equal(row.elb_status_code, 500);
    assert.equal(row.target_status_code, 500);
    assert.equal(row.target_processing_time, 0.05);
    assert.equal(row.request_processing_time, 0);
    assert.equal(row.trace_id, '5759e988bd862e3fe1be46a994272793');
    assert.equal(row.request_method, 'GET');
    assert.equal(row.request_host, 'acme.shop.test');
    assert.equal(row.request_path, '/api/orders/o-42/pay');
    assert.equal(row.received_bytes, 120);
    assert.equal(row.elb, 'app/local-proxy/0123456789abcdef');
  });

  it('writes -1 and - when the target never answered', () => {
    const line = formatAlbLine({ ...entry, target: null, requestProcessing: null, targetProcessing: null, responseProcessing: null, elbStatus: 502, targetStatus: null });
    assert.match(line, / - -1 -1 -1 502 - /);
    assert.ok(parseAlbLine(line, 'proxy').ok);
  });
});

describe('extendTraceHeader', () => {
  const now = Date.parse('2026-11-26T05:10:00Z');
  it('adds a Root stamped with the time when there is none', () => {
    assert.match(extendTraceHeader(undefined, now), /^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    assert.match(extendTraceHeader('garbage', now), /^Root=1-/);
  });

  it('keeps an incoming Root and its fields, adding or replacing Self', () => {
    const once = extendTraceHeader('Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1', now);
    assert.match(once, /^Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1;Self=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    const twice = extendTraceHeader(once, now);
    assert.equal(twice.match(/Self=/g)?.length, 1);
    assert.notEqual(twice, once);
  });
});

describe('the object key layout', () => {
  it('is one parseAlbKey reads', () => {
    const key = 'AWSLogs/123456789012/elasticloadbalancing/us-east-1/2026/11/26/123456789012_elasticloadbalancing_us-east-1_app.local-proxy.0123456789abcdef_20261126T0515Z_127.0.0.1_a1b2c3d4.log.gz';
    assert.equal(parseAlbKey(key)?.lbName, 'local-proxy');
  });
});
