import { ok, type Result } from '@tinsel/model';
import type { InstanceTableConfig } from './enrichment-config.ts';
import { decodeTableFile } from './decode-table-file.ts';
import { InstanceTable } from './instance-table.ts';
import { parseDescribeInstances } from './parse-describe-instances.ts';
import { parseInstanceRows } from './parse-instance-rows.ts';
import type { ReadTable } from './read-table.ts';

/**
 * Builds the instances table from the text of its file: a CSV, JSON or YAML
 * table of IP ranges, or the output of `aws ec2 describe-instances`.
 *
 * @example
 * readInstanceTable(await readFile(config.file, 'utf8'), config);
 * // → ok({ table: InstanceTable, size: 14, duplicates: 0 })
 */
export function readInstanceTable(text: string, config: InstanceTableConfig): Result<ReadTable<InstanceTable>> {
  const decoded = decodeTableFile(text, config.file);
  if (!decoded.ok) return decoded;
  const ranges =
    decoded.value.kind === 'describe-instances'
      ? parseDescribeInstances(decoded.value.document, config.appVersionTag)
      : parseInstanceRows(decoded.value.rows, config);
  if (!ranges.ok) return ranges;
  // Several ranges per IP are the point of this table, so duplicates are not counted here.
  const table = new InstanceTable(ranges.value);
  return ok({ table, size: table.size, duplicates: 0 });
}
