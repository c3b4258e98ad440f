/**
 * Inputs that are not a regular file that stays put: standard input, named pipes and process
 * substitutions (read once, reported as the file they carry), devices and sockets (refused at once),
 * a pipe no process writes to (given up after a second), and exports that change while read.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { appendFileSync, closeSync, constants, existsSync, openSync, readdirSync, readFileSync, readlinkSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();
const FIXTURE = 'fixtures/incidents-kommun.csv';
const JSON_ARGS = ['generate', '--from', '2024-04-15', '--format', 'json', '-q', '-o', '-'];
const fifo = (name: string) => {
  const path = join(tmp.dir, name);
  execFileSync('mkfifo', [path]);
  return path;
};
/** A shell line, as a user types it: pipes, `<(…)` and redirections are the shell's. */
const shell = (line: string, env: NodeJS.ProcessEnv = {}) =>
  new Promise<{ code: number; stdout: string; stderr: string; ms: number }>((resolve) => {
    const started = performance.now();
    execFile('bash', ['-c', line], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code) : 0, stdout, stderr, ms: performance.now() - started }),
    );
  });
const lagesbild = (args: string) => `node bin/lagesbild ${args}`;
/** The model without the names of its inputs, which say where each was read from. */
const model = (json: string) => JSON.parse(json.replaceAll(/"file": "[^"]*"/g, '"file": "-"').replaceAll(/"source": "[^"]*"/g, '"source": "-"'));
/** Until `ok` holds, asked again every few milliseconds: a condition waited for, not a guessed time. */
const until = async (ok: () => boolean) => {
  while (!ok()) await new Promise((r) => setTimeout(r, 5));
};
/** The built command started, its pid known at once; what it prints is gathered whole. */
const start = (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const child = spawn(process.execPath, [join(ROOT, 'bin/lagesbild'), ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env } });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => out.push(d));
  child.stderr.on('data', (d: Buffer) => err.push(d));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') })),
  );
  return { pid: child.pid!, kill: (signal: NodeJS.Signals) => child.kill(signal), done };
};
/** The files a process has open, as /proc shows them. */
const openFiles = (pid: number) => {
  try {
    return readdirSync(`/proc/${pid}/fd`).map((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        return '';
      }
    });
  } catch {
    return [];
  }
};

describe('an input read from a pipe', () => {
  it('gives from standard input (-), a named pipe and a process substitution the report the file gives, named as given', async () => {
    const fromFile = await runCli([...JSON_ARGS, '-i', FIXTURE]);
    expect(fromFile.code).toBe(0);
    const pipe = fifo('in.pipe');
    const runs = {
      stdin: await shell(`cat ${FIXTURE} | ${lagesbild(`${JSON_ARGS.join(' ')} -i -`)}`),
      fifo: await shell(`(cat ${FIXTURE} > ${pipe} &); ${lagesbild(`${JSON_ARGS.join(' ')} -i ${pipe}`)}`),
      substitution: await shell(lagesbild(`${JSON_ARGS.join(' ')} --incidents <(cat ${FIXTURE})`)),
    };
    for (const [how, run] of Object.entries(runs)) {
      expect({ how, code: run.code }).toEqual({ how, code: 0 });
      expect(model(run.stdout)).toEqual(model(fromFile.stdout));
    }
    expect(JSON.parse(runs.stdin.stdout).inputs[0].file).toBe('standard input');
    expect(JSON.parse(runs.fifo.stdout).inputs[0].file).toBe(pipe);
    expect(JSON.parse(runs.substitution.stdout).inputs[0].file).toMatch(/^\/dev\/fd\/\d+$/);
    // The log names it as given too, with the line of each rejected row.
    expect(runs.stdin.stderr).toContain('warning: standard input:19:2: Datum: "2024-04-3x" is not a date');
  });

  it('is read once for every report of a batch', async () => {
    const dir = join(tmp.dir, 'batch');
    execFileSync('mkdir', [dir]);
    const config = tmp.write('batch.config.json', JSON.stringify({ reports: [{ name: 'norr' }, { name: 'syd' }] }));
    const r = await shell(`cat ${FIXTURE} | ${lagesbild(`generate --config ${config} --from 2024-04-15 --format json -q --output-dir ${dir} -i -`)}`);
    expect(r.code).toBe(0);
    const fromFile = model((await runCli([...JSON_ARGS, '-i', FIXTURE])).stdout);
    for (const name of ['norr', 'syd']) {
      const report = model(readFileSync(join(dir, `lagesbild-${name}-2024-v16-v17.json`), 'utf8'));
      expect(report.incidents).toEqual(fromFile.incidents);
      expect(report.inputs).toEqual(fromFile.inputs);
    }
  });

  it('is checked by validate as generate reads it', async () => {
    const r = await shell(`cat ${FIXTURE} | ${lagesbild('validate --from 2024-04-15 --format json -i -')}`);
    expect(r.code).toBe(1); // the fixture's rejected rows
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { file: string; usable: boolean }) => [f.file, f.usable])).toEqual([['standard input', true]]);
  });

  it('takes standard input as one input only', async () => {
    const r = await shell(`cat ${FIXTURE} | ${lagesbild(`${JSON_ARGS.join(' ')} -i - -p -`)}`);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('error: - (standard input) can be given as one input only: it is read once\n');
  });

  it('gives up a named pipe that no process writes to after about a second, exit 2', async () => {
    const pipe = fifo('unwritten.pipe');
    const startup = (await shell(lagesbild('--version'))).ms;
    const r = await shell(lagesbild(`${JSON_ARGS.join(' ')} -i ${pipe}`));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: ${pipe}: no process is writing to it (waited 1 s); start the program that writes the export first\n`);
    // The wait itself is measured in test/collect/input-files.test.ts; here, under a loaded test run, that it ends.
    expect(r.ms - startup).toBeGreaterThanOrEqual(1000);
    expect(r.ms - startup).toBeLessThan(6000);
    expect(statSync(pipe).isFIFO()).toBe(true);
  });

  it('keeps its copy private while it is read, and removes it when the run is stopped by a signal', async () => {
    const pipe = fifo('slow.pipe');
    const temp = join(tmp.dir, 'run-tmp');
    execFileSync('mkdir', [temp]);
    // This test holds the pipe open for writing: the run reads what comes and waits for the rest.
    const writer = openSync(pipe, constants.O_RDWR);
    writeSync(writer, 'Datum;Område;Kategori\n2024-04-16;Centrum;klotter\n');
    const run = start([...JSON_ARGS, '-i', pipe], { TMPDIR: temp });
    await until(() => readdirSync(temp).length > 0);
    const folder = join(temp, readdirSync(temp)[0]!);
    expect(readdirSync(temp)[0]).toMatch(/^lagesbild-input-/);
    await until(() => readdirSync(folder).length > 0);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(join(folder, readdirSync(folder)[0]!)).mode & 0o777).toBe(0o600);
    run.kill('SIGTERM');
    const done = await run.done;
    closeSync(writer);
    expect(done.code).toBe(143);
    expect(readdirSync(temp)).toEqual([]);
  });

  it('leaves no copy behind when the run ends', async () => {
    const temp = join(tmp.dir, 'done-tmp');
    execFileSync('mkdir', [temp]);
    const r = await shell(`cat ${FIXTURE} | ${lagesbild(`${JSON_ARGS.join(' ')} -i -`)}`, { TMPDIR: temp });
    expect(r.code).toBe(0);
    expect(readdirSync(temp)).toEqual([]);
  });
});

describe('a pipe with nowhere to keep its copy', () => {
  it('is exit 2, naming the folder and what chooses it', async () => {
    const r = await shell(`cat ${FIXTURE} | ${lagesbild(`${JSON_ARGS.join(' ')} -i -`)}`, { TMPDIR: join(tmp.dir, 'no-such-folder') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: standard input: cannot keep a copy of what it carries in ${join(tmp.dir, 'no-such-folder')}: no such file (TMPDIR chooses the folder)\n`);
  });
});

describe('an input that is no file', () => {
  it('refuses a character device at once, exit 2, instead of reading /dev/zero for ever', async () => {
    const startup = (await shell(lagesbild('--version'))).ms;
    const r = await shell(lagesbild(`${JSON_ARGS.join(' ')} -i ${FIXTURE} -p /dev/zero`));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: /dev/zero: is not a regular file but a character device; an export is read from a file, a named pipe or standard input (-)\n');
    expect(r.ms - startup).toBeLessThan(4000);
  });

  it('refuses standard input that is a device (cron gives /dev/null), and names it so', async () => {
    const r = await shell(`${lagesbild(`${JSON_ARGS.join(' ')} -i -`)} < /dev/null`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: standard input: is not a regular file but a character device; pipe an export into it (… | lagesbild … --incidents -)\n');
  });

  // `script` (util-linux) gives the run a terminal as standard input, as a user typing the command without a pipe has.
  const hasScript = (() => {
    try {
      execFileSync('script', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  it.skipIf(!hasScript)('refuses standard input that is a terminal at once, saying to pipe an export into it', async () => {
    const r = await shell(`script -eqc ${JSON.stringify(lagesbild(`${JSON_ARGS.join(' ')} -i -`))} /dev/null`);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('standard input: is not a regular file but a terminal; pipe an export into it (… | lagesbild … --incidents -)');
  });

  it('refuses a socket, exit 2', async () => {
    const socket = join(tmp.dir, 'in.sock');
    execFileSync('python3', ['-c', `import socket; socket.socket(socket.AF_UNIX).bind(${JSON.stringify(socket)})`]);
    const r = await runCli([...JSON_ARGS, '-i', socket]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: ${socket}: is not a regular file but a socket; an export is read from a file, a named pipe or standard input (-)\n`);
  });

  it('refuses a device before reading any other input, and validate lists it beside the usable ones', async () => {
    const r = await runCli(['validate', '--from', '2024-04-15', '--format', 'json', '-i', FIXTURE, '/dev/zero']);
    expect(r.code).toBe(2);
    const files = JSON.parse(r.stdout).files.map((f: { file: string; usable: boolean; error: string | null }) => [f.file, f.usable, f.error?.replace(/;.*/, '') ?? null]);
    expect(files).toEqual([
      [FIXTURE, true, null],
      ['/dev/zero', false, 'is not a regular file but a character device'],
    ]);
  });
});

describe('the notes and the map read as the exports are', () => {
  it('reads the notes from a process substitution, and refuses a device as the map (exit 3, the set-up\'s)', async () => {
    const notes = await shell(lagesbild(`${JSON_ARGS.join(' ')} -i ${FIXTURE} --notes <(printf '# Bedömning\\n\\nLugnare vid kajen.\\n')`));
    expect(notes.code).toBe(0);
    expect(JSON.parse(notes.stdout).assessment.markdown).toBe('# Bedömning\n\nLugnare vid kajen.\n');
    const config = tmp.write('device-map.config.json', JSON.stringify({ map: { areas: '/dev/zero' } }));
    const map = await runCli([...JSON_ARGS, '--config', config, '-i', FIXTURE]);
    expect(map.code).toBe(3);
    expect(map.stderr).toContain("error: /dev/zero: cannot read the map's areas (map.areas): is not a regular file but a character device;");
  });
});

describe('an export that changes while it is read', () => {
  /**
   * The run opens its inputs in order: the export, then a pipe this test holds open. Once /proc shows the
   * pipe open in the run too, the export is changed; then the pipe is given its rows and closed, and the run reads on.
   */
  async function changedWhileOpen(command: string[], change: (file: string) => void) {
    const file = tmp.write(`changing-${command[0]}.csv`, readFileSync(join(ROOT, FIXTURE)));
    const pipe = fifo(`hold-${command[0]}.pipe`);
    const writer = openSync(pipe, constants.O_RDWR);
    const out = join(tmp.dir, `changed-${command[0]}.json`);
    const run = start([...command, '--from', '2024-04-15', '-i', file, '-p', pipe, ...(command[0] === 'generate' ? ['-o', out] : [])]);
    // Both open in the run: the pipe last, so that the export was opened before it changes.
    await until(() => [file, pipe].every((f) => openFiles(run.pid).includes(f)));
    change(file);
    writeSync(writer, 'Starttid;Sluttid;Område\n2024-04-16 21:00;2024-04-16 22:00;Centrum\n');
    closeSync(writer);
    return { ...(await run.done), file, out };
  }

  it('is exit 2 in generate, naming the file and both sizes, and writes nothing', async () => {
    const r = await changedWhileOpen(['generate'], (file) => appendFileSync(file, 'K-9999;2024-04-20;10:00;Centrum;klotter;sent\n'));
    expect(r.code).toBe(2);
    const size = statSync(join(ROOT, FIXTURE)).size;
    expect(r.stderr).toContain(
      `error: ${r.file}: changed while being read (size ${size.toLocaleString('en')} → ${(size + 45).toLocaleString('en')} bytes); nothing was written — run again when the export is complete\n`,
    );
    expect(existsSync(r.out)).toBe(false);
  });

  it('is exit 2 in validate, the file not usable', async () => {
    const r = await changedWhileOpen(['validate', '--format', 'json'], (file) => execFileSync('truncate', ['-s', '100', file]));
    expect(r.code).toBe(2);
    const files = JSON.parse(r.stdout).files.map((f: { file: string; usable: boolean; error: string | null }) => [f.file, f.usable, f.error]);
    const size = statSync(join(ROOT, FIXTURE)).size.toLocaleString('en');
    expect(files[0]).toEqual([r.file, false, `changed while being read (size ${size} → 100 bytes); nothing was written — run again when the export is complete`]);
  });
});
