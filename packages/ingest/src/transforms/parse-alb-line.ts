import { fail, type RequestRecord, type Result } from '@tinsel/model';
import { AlbFields } from './alb/alb-fields.ts';
import { readAlbRecord } from './alb/read-alb-record.ts';
import { readClassicElbRecord } from './alb/read-classic-elb-record.ts';

/** The line ELB writes to a bucket once, when access logging is turned on. */
const TEST_LINE_PREFIX = 'Enable AccessLog for ELB:';

// Reused for every line: the parser is synchronous, so no two calls overlap.
const fields = new AlbFields();

/**
 * Parses one access-log line of an AWS Application Load Balancer, or of a
 * Classic ELB (told apart by its leading timestamp: ALB lines start with
 * the entry type), into a RequestRecord. Bad lines are values, never throws:
 * the reason names the field and quotes what was there, e.g.
 * `field 9 elb_status_code: expected a 3-digit status or "-", got "abc"`.
 *
 * - Every ALB generation from 25 to 33 fields; fields past 33 are kept in
 *   `extra_fields` (a JSON array of strings) and never cause a rejection.
 * - `-` is null everywhere. A `-1` timing is null with `timing_unavailable`
 *   set, so it stays apart from a real 0 and out of averages.
 * - Quoted values are stored exactly as AWS wrote them, `\xHH` escapes
 *   included, so nothing is lost; decodeAlbEscapes turns them into text for
 *   display. An empty quoted value stays the empty string.
 * - `account_id`, `region` and the enrichment columns are left null for the
 *   stages that know them.
 * - A blank line and the `Enable AccessLog for ELB:` test line get their own
 *   reasons; skipping them is the caller's choice.
 *
 * @example
 * const result = parseAlbLine(line, 's3://logs/AWSLogs/123456789012/elasticloadbalancing/…/x.log.gz');
 * if (result.ok) batch.push(result.value);
 * else deadLetters.push(deadLetter('requests', source, lineNumber, result.reason, line));
 */
export function parseAlbLine(line: string, source: string): Result<RequestRecord> {
  fields.scan(line);
  if (fields.count === 0) return fail('blank line');
  const first = line.charCodeAt(fields.starts[0]!);
  if (first >= 48 && first <= 57) return readClassicElbRecord(fields, source);
  if (first === 69 /* E */ && line.startsWith(TEST_LINE_PREFIX, fields.starts[0])) {
    return fail('ELB access-log test line (written once when logging is enabled), not a request');
  }
  return readAlbRecord(fields, source);
}
