import { readFileSync, readdirSync } from 'node:fs';

// Linux counts process CPU time in clock ticks of 1/100 s (USER_HZ).
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds (user + system, all threads) used so far by this process's
 * child processes, read from /proc; null where /proc is not there. On a
 * shared machine wall-clock rates depend on the neighbours, CPU time per
 * event much less, so the benchmark prints both.
 *
 * @example
 * const before = childCpuSeconds(); … ; const used = childCpuSeconds()! - before!;
 */
export function childCpuSeconds(): number | null {
  try {
    let total = 0;
    for (const task of readdirSync('/proc/self/task')) {
      const children = readFileSync(`/proc/self/task/${task}/children`, 'utf8').trim();
      for (const pid of children === '' ? [] : children.split(/\s+/)) total += cpuOf(pid);
    }
    return total;
  } catch {
    return null;
  }
}

function cpuOf(pid: string): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which sits in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}
