import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { signals, type Signal } from '@tinsel/model';
import { compileTql, parseTql } from '@tinsel/query';
import { clickHouseDialect } from './clickhouse-dialect.ts';
import { clickHouseFeatures } from './clickhouse-features.ts';
import { renderClickHouseSql } from './render-clickhouse-sql.ts';

const range = { from: Date.parse('2026-11-24T18:00:00Z') * 1000, to: Date.parse('2026-11-24T19:00:00Z') * 1000, limit: 100, nowMs: Date.parse('2026-11-24T19:00:00Z') };

function render(text: string, signal: Signal, version = '24.8') {
  const parsed = parseTql(text);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
  const compiled = compileTql(clickHouseDialect(version), parsed.value, { signal, ...range });
  assert.ok(compiled.ok, compiled.ok ? '' : compiled.reason);
  return renderClickHouseSql(compiled.value.sql, clickHouseFeatures(version));
}

const RANGE = (column: string) =>
  `\`${column}\` >= fromUnixTimestamp64Micro(toInt64(${range.from}), 'UTC') AND \`${column}\` < fromUnixTimestamp64Micro(toInt64(${range.to}), 'UTC')`;

describe('compiled TQL in ClickHouse SQL', () => {
  it('searches text case-insensitively with query parameters and pages with cityHash64', () => {
    const { text, params } = render('level:error "connection reset"', 'logs');
    assert.equal(
      text,
      "SELECT *, `timestamp` AS `__tinsel_cursor_time`, toString(cityHash64(ifNull(toString(`span_id`), ''), ifNull(toString(`message`), ''), ifNull(toString(`host`), ''), ifNull(toString(`properties`), ''))) AS `__tinsel_cursor_key` " +
        `FROM \`logs\` WHERE ${RANGE('timestamp')} AND (\`level\` = {p1:String} AND (positionCaseInsensitiveUTF8(\`message\`, {p2:String}) > 0 OR positionCaseInsensitiveUTF8(\`exception\`, {p3:String}) > 0)) ` +
        'ORDER BY `timestamp` DESC, `__tinsel_cursor_key` DESC LIMIT 101',
    );
    assert.deepEqual(params, { p1: 'error', p2: 'connection reset', p3: 'connection reset' });
  });

  it('computes quantiles with a literal level, distinct counts with uniqExact', () => {
    const { text } = render('status:5xx | stats p95(duration), count_distinct(client_ip) by target', 'requests');
    assert.equal(
      text,
      'SELECT `target_ip` AS `b0`, quantile(0.95)(((request_processing_time + target_processing_time + response_processing_time) * 1000)) AS `a0`, uniqExact(`client_ip`) AS `a1` ' +
        `FROM \`requests\` WHERE ${RANGE('time')} AND \`elb_status_code\` BETWEEN 500 AND 599 GROUP BY \`b0\` ORDER BY \`a0\` DESC NULLS LAST, \`b0\` ASC NULLS LAST LIMIT 100`,
    );
  });

  it('buckets a timechart and reads nested JSON with JSONExtract', () => {
    const { text, params } = render('annotations.order.id:7 | timechart 5m count()', 'spans');
    assert.equal(
      text,
      "SELECT toDateTime64(intDiv(toUnixTimestamp64Micro(`start_time`), 300000000) * 300, 6, 'UTC') AS `t`, count(*) AS `a0` " +
        `FROM \`spans\` WHERE ${RANGE('start_time')} AND coalesce(multiIf(JSONType(\`annotations\`, {p1:String}, {p2:String}) = 'String', JSONExtractString(\`annotations\`, {p3:String}, {p4:String}), JSONType(\`annotations\`, {p5:String}, {p6:String}) = 'Null', NULL, nullIf(JSONExtractRaw(\`annotations\`, {p7:String}, {p8:String}), '')), ` +
        "multiIf(JSONType(`annotations`, {p9:String}) = 'String', JSONExtractString(`annotations`, {p10:String}), JSONType(`annotations`, {p11:String}) = 'Null', NULL, nullIf(JSONExtractRaw(`annotations`, {p12:String}), ''))) = {p13:String} " +
        'GROUP BY `t` ORDER BY `t` ASC NULLS LAST LIMIT 10000',
    );
    assert.deepEqual([params.p1, params.p2, params.p9, params.p13], ['order', 'id', 'order.id', '7']);
  });

  it('falls back to visitParam and LIKE over lowered text on 18.16', () => {
    const { text, params } = render('properties.Order.Id:42 message:time*', 'logs', '18.16.1');
    assert.match(text, /visitParamExtractRaw\(`properties`, 'Order'\)/);
    assert.match(text, /like\(lowerUTF8\(`message`\), lowerUTF8\('%time%'\)\)/);
    assert.deepEqual(params, {});
  });

  it('never puts user text in SQL text where the server takes parameters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.constantFrom(...signals), (value, signal) => {
        const marked = `zq${value}`;
        const parsed = parseTql(`message:${JSON.stringify(marked)} ${JSON.stringify(marked)} properties.a:${JSON.stringify(marked)}`);
        if (!parsed.ok) return;
        const compiled = compileTql(clickHouseDialect(), parsed.value, { signal, ...range });
        if (!compiled.ok) return;
        const { text, params } = renderClickHouseSql(compiled.value.sql, clickHouseFeatures('24.8'));
        assert.ok(!text.includes('zq'), text);
        assert.ok(Object.values(params).includes(marked));
      }),
      { numRuns: 300 },
    );
  });
});
