/**
 * Messages on stderr. For people: colour only on a terminal and never with
 * NO_COLOR. For machines (--log-format json): one JSON object a line, with the
 * level, the message and what the message is about (period, file, counts,
 * duration), so cron mail and log collectors can read it.
 */
import { Chalk } from 'chalk';
import type { RedactionContext } from '../redact/context.js';
import { Redactor, type RedactionRules } from '../redact/redactor.js';
import { printable } from '../text.js';

export type LogFormat = 'text' | 'json';
export const LOG_FORMATS: readonly LogFormat[] = ['text', 'json'];

/** What a message is about; only in JSON logs. */
export interface LogFields {
  period?: { start: string; end: string; weeks: number[] };
  file?: string;
  report?: string;
  counts?: Record<string, number>;
  /** Seconds. */
  duration?: number;
  [key: string]: unknown;
}

export interface Logger {
  readonly format: LogFormat;
  /** Masks, from now on, what the config adds (names, patterns) too, as the report of that period does; false for --no-redact. */
  maskWith(rules: RedactionRules | false, context?: RedactionContext): void;
  /** Paths the run names: wherever a message has one, it is shown as the report shows file names (masked name by name, plates aside). */
  paths(paths: Iterable<string>): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** What the run is doing, with --debug only: `debug: building the model (2.31 s)`, the seconds since the run began. */
  debug(message: string, fields?: LogFields): void;
}

export function createLogger({
  quiet = false,
  debug = false,
  format = 'text' as LogFormat,
  redact = true,
  stream = process.stderr as NodeJS.WritableStream & { isTTY?: boolean },
  env = process.env,
} = {}): Logger {
  // A message may quote a row: personal data in it is masked as in the report (--no-redact aside).
  let redactor = redact ? new Redactor() : undefined;
  const named = new Set<string>();
  /** Each path the run named, and the model's masked form of it, → how it is shown. */
  let shown = new Map<string, string>();
  let shownPattern: RegExp | undefined;
  const refresh = () => {
    shown = new Map();
    for (const path of named) {
      const masked = redactor ? redactor.fileName(path) : path;
      shown.set(path, masked).set(masked, masked);
    }
    // The longest first, so that a path is shown whole rather than a shorter one inside it.
    const sorted = [...shown.keys()].sort((a, b) => b.length - a.length);
    shownPattern = sorted.length ? new RegExp(`(${sorted.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`) : undefined;
  };
  const maskWith = (rules: RedactionRules | false, context?: RedactionContext) => {
    redactor = rules === false ? undefined : new Redactor(rules, context);
    refresh();
  };
  const paths = (list: Iterable<string>) => {
    // Not `-` (stdout) or a name so short that it could split a personnummer in two.
    for (const path of list) if (path.length > 2) named.add(path);
    refresh();
  };
  /** The message with personal data masked, the run's own paths as file names. */
  const redacted = (message: string) => {
    if (!redactor) return message;
    if (!shownPattern) return redactor.text(message);
    return message
      .split(shownPattern)
      .map((part, i) => (i % 2 === 1 ? shown.get(part)! : redactor!.text(part)))
      .join('');
  };
  const fileName = (path: unknown) => (typeof path !== 'string' || !redactor ? path : (shown.get(path) ?? redactor.fileName(path)));
  const write = (line: string) => stream.write(line + '\n');
  const seconds = () => Math.round(performance.now()) / 1000;
  if (format === 'json') {
    const emit = (level: string, message: string, fields?: LogFields) =>
      write(JSON.stringify({ time: new Date().toISOString(), level, message: redacted(message), ...fields, ...namedFields(fields, fileName) }));
    return {
      format,
      maskWith,
      paths,
      info: (m, f) => quiet || emit('info', m, f),
      warn: (m, f) => emit('warn', m, f),
      error: (m, f) => emit('error', m, f),
      debug: (m, f) => debug && emit('debug', m, { ...f, duration: seconds() }),
    };
  }
  const colour = stream.isTTY === true && !env.NO_COLOR;
  const chalk = new Chalk({ level: colour ? 1 : 0 });
  const mask = (m: string) => printable(redacted(m));
  return {
    format,
    maskWith,
    paths,
    info: (m) => quiet || write(mask(m)),
    warn: (m) => write(chalk.yellow('warning: ') + mask(m)),
    error: (m) => write(chalk.red('error: ') + mask(m)),
    debug: (m) => debug && write(`debug: ${mask(m)} (${seconds().toFixed(2)} s)`),
  };
}

/** The fields that name a file (the report, an input, the config), shown as the message shows it. */
function namedFields(fields: LogFields | undefined, fileName: (path: unknown) => unknown): LogFields {
  const named: LogFields = {};
  for (const key of ['file', 'config'] as const) if (fields?.[key] !== undefined && fields[key] !== null) named[key] = fileName(fields[key]) as string;
  return named;
}
