/**
 * Messages on stderr. For people: colour only on a terminal and never with
 * NO_COLOR. For machines (--log-format json): one JSON object a line, with the
 * level, the message and what the message is about (period, file, counts,
 * duration), so cron mail and log collectors can read it.
 */
import { Chalk } from 'chalk';
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
  /** Masks, from now on, what the config adds (names, patterns) too; false for --no-redact. */
  maskWith(rules: RedactionRules | false): void;
  /** Paths the run names, said as they are wherever a message has them: a folder may be named like a registration number. */
  keep(paths: Iterable<string>): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export function createLogger({
  quiet = false,
  format = 'text' as LogFormat,
  redact = true,
  stream = process.stderr as NodeJS.WritableStream & { isTTY?: boolean },
  env = process.env,
} = {}): Logger {
  // A message may quote a row: personal data in it is masked as in the report (--no-redact aside).
  let redactor = redact ? new Redactor() : undefined;
  const maskWith = (rules: RedactionRules | false) => {
    redactor = rules === false ? undefined : new Redactor(rules);
  };
  const kept = new Set<string>();
  let keptPattern: RegExp | undefined;
  const keep = (paths: Iterable<string>) => {
    // Not `-` (stdout) or a name so short that it could split a personnummer in two.
    for (const path of paths) if (path.length > 2) kept.add(path);
    // The longest first, so that a path is kept whole rather than a shorter one inside it.
    const sorted = [...kept].sort((a, b) => b.length - a.length);
    keptPattern = sorted.length ? new RegExp(`(${sorted.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`) : undefined;
  };
  /** The message with personal data masked, the run's own paths aside. */
  const redacted = (message: string) => {
    if (!redactor) return message;
    if (!keptPattern) return redactor.text(message);
    return message
      .split(keptPattern)
      .map((part, i) => (i % 2 === 1 ? part : redactor!.text(part)))
      .join('');
  };
  const write = (line: string) => stream.write(line + '\n');
  if (format === 'json') {
    const emit = (level: string, message: string, fields?: LogFields) =>
      write(JSON.stringify({ time: new Date().toISOString(), level, message: redacted(message), ...fields }));
    return {
      format,
      maskWith,
      keep,
      info: (m, f) => quiet || emit('info', m, f),
      warn: (m, f) => emit('warn', m, f),
      error: (m, f) => emit('error', m, f),
    };
  }
  const colour = stream.isTTY === true && !env.NO_COLOR;
  const chalk = new Chalk({ level: colour ? 1 : 0 });
  const mask = (m: string) => printable(redacted(m));
  return {
    format,
    maskWith,
    keep,
    info: (m) => quiet || write(mask(m)),
    warn: (m) => write(chalk.yellow('warning: ') + mask(m)),
    error: (m) => write(chalk.red('error: ') + mask(m)),
  };
}
