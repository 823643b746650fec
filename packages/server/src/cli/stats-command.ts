import { openTinsel } from '../open-tinsel.ts';
import type { RetentionStatus } from '../retention/retention-runner.ts';
import { parseCommand } from './common-options.ts';
import { findServer, serverFetch } from './find-server.ts';

/** `tinsel stats`: rows per table, dead letters, bytes on disk. */
export async function runStats(args: string[]): Promise<number> {
  const { config, values } = parseCommand(args, { json: { type: 'boolean' } });
  const server = await findServer(values.server as string | undefined, config.listen.port, values.direct === true);
  let stats: { rows: Record<string, number>; bytesOnDisk: number; retention: RetentionStatus | null };
  if (server) {
    stats = (await (await serverFetch(`${server}/api/stats`)).json()) as typeof stats;
  } else {
    const tinsel = await openTinsel(config);
    try {
      stats = { ...(await tinsel.store.stats()), retention: tinsel.retention.status() };
    } finally {
      await tinsel.close();
    }
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(stats)}\n`);
    return 0;
  }
  for (const [table, rows] of Object.entries(stats.rows)) process.stdout.write(`${table.padEnd(14)} ${rows.toLocaleString('en-US').padStart(14)} rows\n`);
  const perRow = stats.rows.requests ? ` (${(stats.bytesOnDisk / stats.rows.requests).toFixed(1)} bytes per request row)` : '';
  process.stdout.write(`${'on disk'.padEnd(14)} ${formatBytes(stats.bytesOnDisk).padStart(14)}${perRow}\n`);
  if (stats.retention) process.stdout.write(`${'retention'.padEnd(14)} ${describeRetention(stats.retention)}\n`);
  return 0;
}

/**
 * One line: the days each signal keeps, and what the last pass removed.
 *
 * @example
 * // 'requests 90 d · spans 14 d · logs 30 d · dead letters kept · last pass 2026-…: 1,204 rows removed'
 */
export function describeRetention(status: RetentionStatus): string {
  const signals = [['requests', status.days.requests], ['spans', status.days.spans], ['logs', status.days.logs], ['dead letters', status.days.deadLetters]] as const;
  const days = signals.map(([name, kept]) => `${name} ${kept === undefined ? 'kept' : `${kept} d`}`).join(' · ');
  if (status.lastError) return `${days} · last pass failed: ${status.lastError}`;
  if (!status.lastRunAt) return days;
  const removed = status.lastOutcomes.reduce((sum, o) => sum + o.removedRows, 0);
  return `${days} · last pass ${status.lastRunAt}: ${removed.toLocaleString('en-US')} rows removed`;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}
