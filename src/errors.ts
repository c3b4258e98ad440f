/**
 * Errors that reach the user. Each kind carries the exit code the CLI ends with,
 * so that cron jobs and CI can tell failures apart. The codes are stable and
 * documented in the README.
 */
export const ExitCode = {
  ok: 0,
  /** Rows were rejected and --strict was given; or the report window is incomplete and --strict (or refuseIncomplete) says to refuse it. */
  rejectedRows: 1,
  /** An input file cannot be used: missing, unreadable, not CSV, a required column missing. */
  input: 2,
  config: 3,
  usage: 4,
  /** The output was refused: it exists (without --force) or cannot be written. */
  output: 5,
  /** No usable browser: none found, or the one given cannot be started (it ends at once without answering). */
  render: 6,
  /** The browser never answered after it was started, or crashed or hung, on launch or while printing, twice. */
  browserFailed: 7,
  /** Another run holds the output folder's lock for longer than the wait. */
  locked: 8,
  /** A bug in lagesbild. */
  internal: 70,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export abstract class LagesbildError extends Error {
  abstract readonly exitCode: ExitCode;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Where in an input file a problem is: 1-based line, and column when one applies. */
export interface FilePosition {
  file: string;
  line?: number;
  column?: number;
}

export function formatPosition(pos: FilePosition): string {
  let s = pos.file;
  if (pos.line !== undefined) s += `:${pos.line}`;
  if (pos.line !== undefined && pos.column !== undefined) s += `:${pos.column}`;
  return s;
}

export class InputError extends LagesbildError {
  readonly exitCode = ExitCode.input;
  constructor(
    readonly position: FilePosition,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${formatPosition(position)}: ${detail}`, options);
  }
}

export class ConfigError extends LagesbildError {
  readonly exitCode = ExitCode.config;
}

/** A template folder whose files are wrong or out of bounds: like a config error, the set-up's to fix. */
export class TemplateError extends LagesbildError {
  readonly exitCode = ExitCode.config;
}

export class UsageError extends LagesbildError {
  readonly exitCode = ExitCode.usage;
}

export class OutputError extends LagesbildError {
  readonly exitCode = ExitCode.output;
}

export class RenderError extends LagesbildError {
  readonly exitCode = ExitCode.render;
}

export class BrowserFailedError extends LagesbildError {
  readonly exitCode = ExitCode.browserFailed;
}

export class LockedError extends LagesbildError {
  readonly exitCode = ExitCode.locked;
}

export class RejectedRowsError extends LagesbildError {
  readonly exitCode = ExitCode.rejectedRows;
}

/** The exports do not cover the report window in full, and the run was told to write no such report. */
export class IncompleteWindowError extends LagesbildError {
  readonly exitCode = ExitCode.rejectedRows;
}

/** Ends the run with a code after the command has said all there is to say (e.g. `validate`). */
export class QuietExit extends LagesbildError {
  constructor(readonly exitCode: ExitCode) {
    super('');
  }
}
