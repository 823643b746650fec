import { fail, ok, type Result } from '@tinsel/model';
import type { InstanceTableConfig } from './enrichment-config.ts';
import type { InstanceRange } from './instance-table.ts';
import { parseInstant } from './parse-instant.ts';
import { cellOf, type TableRow } from './table-row.ts';

/**
 * Reads instance rows from a CSV, JSON or YAML table: ip, instance_id,
 * ami_id, app_version, az, asg, valid_from, valid_to. An empty valid_from or
 * valid_to leaves that end of the range open.
 *
 * @example
 * parseInstanceRows(rows, { columns: {} });
 * // → ok([{ ip: '10.0.1.15', validFrom: 1795000000000000, validTo: Infinity, entry: { instance_id: 'i-0a1…', … } }])
 */
export function parseInstanceRows(rows: readonly TableRow[], config: Pick<InstanceTableConfig, 'columns'>): Result<InstanceRange[]> {
  const ranges: InstanceRange[] = [];
  const cell = (row: TableRow, column: string): string | null => cellOf(row, column, config.columns);
  for (const row of rows) {
    const ip = cell(row, 'ip');
    if (ip === null) return fail(`${row.where}: ip is empty`);
    const validFrom = readBound(cell(row, 'valid_from'), -Infinity);
    if (!validFrom.ok) return fail(`${row.where}: valid_from: ${validFrom.reason}`);
    const validTo = readBound(cell(row, 'valid_to'), Infinity);
    if (!validTo.ok) return fail(`${row.where}: valid_to: ${validTo.reason}`);
    if (validTo.value <= validFrom.value) return fail(`${row.where}: valid_to is not after valid_from`);
    ranges.push({
      ip: ip.toLowerCase(),
      validFrom: validFrom.value,
      validTo: validTo.value,
      entry: {
        instance_id: cell(row, 'instance_id'),
        ami_id: cell(row, 'ami_id'),
        app_version: cell(row, 'app_version'),
        az: cell(row, 'az'),
        asg: cell(row, 'asg'),
      },
    });
  }
  return ok(ranges);
}

function readBound(text: string | null, open: number): Result<number> {
  return text === null ? ok(open) : parseInstant(text);
}
