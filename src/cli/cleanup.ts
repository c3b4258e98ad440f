/**
 * What must be undone if the run is stopped (Ctrl-C, cron's or systemd's
 * SIGTERM, a closed terminal): temporary files removed, the browser killed.
 * Each task is synchronous, as an exit cannot wait for promises.
 */
import { constants } from 'node:os';

const tasks = new Set<() => void>();
let installed = false;

/** Runs `task` if the process is stopped by a signal before `release()` is called. */
export function onStop(task: () => void): () => void {
  install();
  tasks.add(task);
  return () => tasks.delete(task);
}

function install(): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const task of tasks) {
        try {
          task();
        } catch {
          // the others still run
        }
      }
      process.stderr.write(`lagesbild: stopped by ${signal}; no report was left half-written\n`);
      // The shell's convention: 128 + the signal's number.
      process.exit(128 + constants.signals[signal]);
    });
  }
}
