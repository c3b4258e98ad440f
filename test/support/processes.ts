/** Processes as Linux shows them in /proc: to check that no browser outlives a run. */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  group: number;
  state: string;
  command: string;
}

export function processes(): ProcessInfo[] {
  const list: ProcessInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command sits in parentheses and may hold spaces; the fields after it are plain.
      const close = stat.lastIndexOf(')');
      const [state, ppid, group] = stat.slice(close + 2).split(' ');
      list.push({ pid: Number(name), ppid: Number(ppid), group: Number(group), state: state!, command: stat.slice(stat.indexOf('(') + 1, close) });
    } catch {
      // gone while we looked
    }
  }
  return list;
}

/** Every process, zombies included, in the process group. */
export function inGroup(group: number): ProcessInfo[] {
  return processes().filter((p) => p.group === group);
}

/** Descendants of a process, zombies included. */
export function descendants(pid: number): ProcessInfo[] {
  const all = processes();
  const found: ProcessInfo[] = [];
  const walk = (parent: number) => {
    for (const p of all) if (p.ppid === parent) (found.push(p), walk(p.pid));
  };
  walk(pid);
  return found;
}

/** The command line of every process, arguments joined by spaces. */
export function commandLines(): string[] {
  return processes().map((p) => {
    try {
      return readFileSync(`/proc/${p.pid}/cmdline`, 'utf8').replace(/\0$/, '').replaceAll('\0', ' ');
    } catch {
      return '';
    }
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the check holds, up to `ms`. */
export async function eventually(check: () => boolean, ms = 5000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await sleep(50);
  }
  return check();
}
