import { readFileSync } from 'node:fs';

/**
 * CPU time (user + system, milliseconds) a process has used so far, read
 * from /proc/<pid>/stat; 0 where there is no /proc. Fields 14 and 15 count
 * clock ticks, 100 a second on Linux.
 */
export function serverCpuMillis(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces; the fields after its ')' are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}
