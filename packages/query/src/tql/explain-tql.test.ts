import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Signal } from '@tinsel/model';
import { explainTql } from './explain-tql.ts';
import { parseTql } from './parse-tql.ts';

function explain(text: string, signal?: Signal): string {
  const parsed = parseTql(text);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
  return explainTql(parsed.value, signal);
}

describe('explainTql', () => {
  it('reads the examples of the design in plain English', () => {
    assert.equal(
      explain('status:>=500 host:web-3 "connection reset"', 'requests'),
      'Requests where status (elb_status_code) is at least 500 and host (instance_id) is "web-3" and request_url or user_agent or domain_name or error_reason or redirect_url contains "connection reset".',
    );
    assert.equal(
      explain('tenant:acme AND NOT path:/health* | stats count() by target, app_version | sort -count', 'requests'),
      'Requests where tenant is "acme" and not (path (request_path) matches "/health*"), then the count per target (target_ip) and app_version, then sorted by count descending.',
    );
    assert.equal(
      explain('level:error service:checkout | timechart 1m count() by host', 'logs'),
      'Logs where level is "error" and service is "checkout", then the count over time in 1m buckets, one series per host.',
    );
    assert.equal(explain('trace:1-5759e988-bd862e3fe1be46a994272793'), 'Records where it belongs to trace 5759e988bd862e3fe1be46a994272793.');
  });

  it('words ranges, OR groups, existence and aggregations', () => {
    assert.equal(
      explain('duration:[100 TO 500} (a OR b) _exists_:annotations.tenant | stats p95(duration), count_distinct(trace) | head 5', 'spans'),
      'Spans where duration (duration_ms) is at least 100 and less than 500 and (either name or http_url or sql_query or exceptions contains "a" or name or http_url or sql_query or exceptions contains "b") and annotations.tenant has a value, then the 95th percentile of duration (duration_ms), the distinct count of trace (trace_id), then the first 5.',
    );
    assert.equal(explain(''), 'All records.');
  });
});
