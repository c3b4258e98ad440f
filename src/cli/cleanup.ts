/**
 * What must be undone if the run is stopped (Ctrl-C, cron's or systemd's
 * SIGTERM, a closed terminal): temporary files removed, the browser killed.
 * Each task is synchronous, as an exit cannot wait for promises.
 */
import { constants } from 'node:os';

const tasks = new Set<() => void>();
let installed = false;
let say: (message: string) => void = (message) => process.stderr.write(`lagesbild: ${message}\n`);

/** How the last words are said: the run's logger, so that JSON logs stay JSON. */
export function sayOnStop(how: (message: string) => void): void {
  say = how;
}

/** Runs `task` if the process is stopped by a signal before `release()` is called. */
export function onStop(task: () => void): () => void {
  tasks.add(task);
  return () => tasks.delete(task);
}

/** Only the command installs these: a process that merely imports lagesbild (a test runner) keeps its own. */
export function handleStopSignals(): void {
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
      say(`stopped by ${signal}; no report was left half-written`);
      // The shell's convention: 128 + the signal's number.
      process.exit(128 + constants.signals[signal]);
    });
  }
}
