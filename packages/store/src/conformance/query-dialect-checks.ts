import assert from 'node:assert/strict';
import { logsTable } from '@tinsel/model';
import { sql, type Sql } from '../sql.ts';
import type { Store } from '../store.ts';
import { sampleLog } from './sample-records.ts';

type Test = (name: string, fn: () => Promise<void>) => void;

/**
 * The Dialect functions the query language compiles to, run for real on a
 * backend: each must give the same answer everywhere.
 */
export function runQueryDialectChecks(test: Test, store: () => Store): void {
  const source = 'query-dialect';
  const rows = [
    sampleLog({ source, span_id: 'q1', message: 'Payment DECLINED for order 50%_off', properties: '{"Order":{"Id":7,"Tag":"vip"},"http.status":"500","flag":true}' }),
    sampleLog({ source, span_id: 'q2', message: 'payment ok', properties: '{"Order":{"Id":"8"}}' }),
    sampleLog({ source, span_id: 'q3', message: null, properties: null }),
  ];
  const where = sql`source = ${source}`;
  const order = sql` ORDER BY span_id`;

  test('query dialect: reads nested JSON members as text', async () => {
    await store().append(logsTable, rows);
    const d = store().dialect;
    const got = await store().query(
      sql`SELECT ${d.jsonPath(sql`properties`, ['Order', 'Id'])} AS id, ${d.jsonPath(sql`properties`, ['Order', 'Tag'])} AS tag, ${d.jsonPath(sql`properties`, ['http.status'])} AS status, ${d.jsonPath(sql`properties`, ['flag'])} AS flag, ${d.jsonPath(sql`properties`, ['nope', 'x'])} AS missing FROM logs WHERE ${where}${order}`,
    );
    assert.deepEqual(got, [
      { id: '7', tag: 'vip', status: '500', flag: 'true', missing: null },
      { id: '8', tag: null, status: null, flag: null, missing: null },
      { id: null, tag: null, status: null, flag: null, missing: null },
    ]);
  });

  test('query dialect: matches text ignoring case, and LIKE patterns with escapes, in WHERE', async () => {
    const d = store().dialect;
    const m = sql`message`;
    // Predicates are used where the query language puts them, in WHERE: some engines select them as 1/0, not booleans.
    const matching = async (predicate: Sql) => (await store().query(sql`SELECT span_id FROM logs WHERE ${where} AND ${predicate}${order}`)).map((r) => r.span_id);
    assert.deepEqual(await matching(d.containsText(m, 'PAYMENT')), ['q1', 'q2']);
    assert.deepEqual(await matching(d.containsText(m, 'declined')), ['q1']);
    assert.deepEqual(await matching(d.like(m, 'payment%', true)), ['q1', 'q2']);
    assert.deepEqual(await matching(d.like(m, 'payment%', false)), ['q2']);
    assert.deepEqual(await matching(d.like(m, '%50\\%\\_off', false)), ['q1']);
    assert.deepEqual(await matching(d.like(m, '%50\\%_off', false)), ['q1']);
    assert.deepEqual(await matching(d.like(m, '%50_off', false)), []);
  });

  test('query dialect: converts, counts distinct values and keys rows stably', async () => {
    const d = store().dialect;
    const id = d.jsonPath(sql`properties`, ['Order', 'Id']);
    const [got] = await store().query(
      sql`SELECT sum(${d.toNumber(id)}) AS total, ${d.countDistinct(sql`message`)} AS messages, max(${d.toText(sql`span_id`)}) AS last, ${d.countDistinct(d.rowKey([sql`span_id`, sql`message`]))} AS keys FROM logs WHERE ${where}`,
    );
    assert.deepEqual(got, { total: 15, messages: 2, last: 'q3', keys: 3 });
    const keys = () => store().query(sql`SELECT ${d.rowKey([sql`span_id`, sql`message`])} AS k FROM logs WHERE ${where}${order}`);
    const first = await keys();
    assert.deepEqual(await keys(), first);
    assert.ok(first.every((row) => typeof row.k === 'string' && row.k !== ''));
  });
}
