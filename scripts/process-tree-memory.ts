/**
 * Peak memory of a process and all its descendants (Linux /proc): sampled every `intervalMs`, the peak is the
 * largest sum of resident set sizes seen at once. Builds spawn helpers (Pagefind's binary, worker threads live
 * inside the process), so one process's maxRSS would miss part of what the machine must hold.
 */
import { readdirSync, readFileSync } from 'node:fs';

const pageBytes = 4096;

function childrenByParent(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Field 4 of /proc/<pid>/stat, after the parenthesised command name (which may hold spaces).
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return children;
}

function treeResidentBytes(root: number): number {
  const children = childrenByParent();
  let total = 0;
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * pageBytes;
    } catch {
      // Gone already.
    }
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Starts sampling the tree under `pid`; `stop()` returns the peak in bytes. */
export function watchPeakMemory(pid: number, intervalMs = 250): { stop: () => number } {
  let peak = 0;
  const sample = () => (peak = Math.max(peak, treeResidentBytes(pid)));
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}
