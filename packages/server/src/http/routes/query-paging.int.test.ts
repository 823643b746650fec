import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { logsTable, requestsTable } from '@tinsel/model';
import { decodeCursor, runTql, type TqlCursor } from '@tinsel/query';
import { sampleLog, sampleRequest, type Store } from '@tinsel/store';
import { openTinsel, type Tinsel } from '../../open-tinsel.ts';
import { testConfig } from '../../test-support.ts';

const BASE = Date.UTC(2026, 10, 24, 18) * 1000;

describe('cursor paging over rows of equal time', () => {
  let tinsel: Tinsel;
  let store: Store;
  before(async () => {
    tinsel = await openTinsel(testConfig());
    store = tinsel.store;
    // 300 requests and 300 log lines on only 7 distinct microseconds: nearly every page boundary falls inside a tie.
    await store.append(requestsTable, Array.from({ length: 300 }, (_, i) => sampleRequest({ time: BASE + (i % 7), client_port: i, elb_status_code: i % 3 === 0 ? 500 : 200 })));
    await store.append(logsTable, Array.from({ length: 300 }, (_, i) => sampleLog({ timestamp: BASE + (i % 7), message: `line ${i}`, level: i % 2 ? 'info' : 'error' })));
  });
  after(async () => tinsel.close());

  it('visits every matching row exactly once, newest first, whatever the page size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 60 }), fc.constantFrom(['requests', '', 300], ['requests', 'status:500', 100], ['logs', 'level:error', 150], ['logs', '"line 1"', 111]), async (limit, [signal, query, expected]) => {
        const seen: string[] = [];
        const times: string[] = [];
        let cursor: TqlCursor | null = null;
        for (let page = 0; page < 400; page++) {
          const answer = await runTql(store, query as string, { signal: signal as 'requests' | 'logs', from: BASE, to: BASE + 1000, limit, cursor });
          assert.ok(answer.ok);
          assert.equal(answer.value.total, expected);
          for (const row of answer.value.rows) {
            seen.push(signal === 'requests' ? String(row.client_port) : String(row.message));
            times.push(String(row.time ?? row.timestamp));
          }
          if (!answer.value.cursor) break;
          const next = decodeCursor(answer.value.cursor);
          assert.ok(next.ok);
          cursor = next.value;
        }
        assert.equal(seen.length, expected);
        assert.equal(new Set(seen).size, expected);
        assert.deepEqual(times, [...times].sort().reverse());
      }),
      { numRuns: 25 },
    );
  });
});
