/**
 * Entry point: runs the command line and turns every failure into one clear line
 * on stderr and a documented exit code. Stack traces only with --debug.
 */
import { CommanderError } from 'commander';
import { ExitCode, LagesbildError, QuietExit } from '../errors.js';
import { sayOnStop } from './cleanup.js';
import { createLogger, type Logger } from './log.js';
import { buildProgram } from './program.js';

export async function main(argv: readonly string[] = process.argv): Promise<number> {
  const debug = argv.includes('--debug');
  // Known before commander parses, so that its own errors (an unknown option) are JSON lines too.
  const format = argv.some((a, i) => a === '--log-format=json' || (a === '--log-format' && argv[i + 1] === 'json')) ? 'json' : 'text';
  let log: Logger = createLogger({ format });
  const program = buildProgram(() => log);
  if (format === 'json') {
    const writeErr = (text: string) => {
      for (const line of text.split('\n')) if (line.trim() !== '' && !line.startsWith('(run with --help')) log.error(line.replace(/^error: /, ''));
    };
    for (const command of [program, ...program.commands]) command.configureOutput({ writeErr });
  }
  sayOnStop((message) => log.error(message));
  program.hook('preAction', (command, action) => {
    const { quiet, logFormat } = command.opts();
    log = createLogger({ quiet: quiet === true, debug, format: logFormat, redact: action.opts().redact !== false });
  });
  try {
    await program.parseAsync([...argv]);
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed its own message (or the help) already.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (error instanceof QuietExit) return error.exitCode;
    if (error instanceof LagesbildError) {
      log.error(error.message);
      if (debug) console.error(error.stack, error.cause ?? '');
      return error.exitCode;
    }
    log.error(`internal error: ${(error as Error)?.message ?? String(error)}`);
    log.error(debug ? String((error as Error)?.stack) : 'this is a bug in lagesbild; run again with --debug and report what it prints');
    return ExitCode.internal;
  }
}
