/** Runs the built command as a user would, and captures what it says. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/lagesbild', import.meta.url));

/** What a run in the repository without --config says first: the search ends at the repository's root, which has no config. */
export const NO_CONFIG = `no config found (looked in ${ROOT.replace(/\/$/, '')}); using the defaults\n`;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
}

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      const stdoutBytes = Buffer.concat(out);
      resolve({ code, stdout: stdoutBytes.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), stdoutBytes });
    });
  });
}

/** The demo's inputs, as the README runs them. */
export const FIXTURE_ARGS = [
  'generate',
  '--config', 'fixtures/lagesbild.config.json',
  '--incidents', 'fixtures/incidents-kommun.csv', 'fixtures/incidents-medborgare.csv',
  '--patrols', 'fixtures/patrols-vaktbolag.csv', 'fixtures/patrols-ronder-extra.csv',
  '--from', '2024-04-15',
];

/** Starts the built command and hands back the child, for tests that stop it. */
export function spawnCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: { ...process.env, NO_COLOR: '1', ...options.env } });
  const err: Buffer[] = [];
  child.stderr.on('data', (d: Buffer) => err.push(d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr: Buffer.concat(err).toString('utf8') })),
  );
  return { pid: child.pid!, kill: (signal: NodeJS.Signals) => child.kill(signal), done };
}
