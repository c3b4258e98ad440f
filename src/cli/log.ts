/** Messages for people on stderr; colour only on a terminal and never with NO_COLOR. */
import { Chalk } from 'chalk';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function createLogger({ quiet = false, stream = process.stderr, env = process.env } = {}): Logger {
  const colour = stream.isTTY === true && !env.NO_COLOR;
  const chalk = new Chalk({ level: colour ? 1 : 0 });
  const write = (line: string) => stream.write(line + '\n');
  return {
    info: (m) => quiet || write(m),
    warn: (m) => write(chalk.yellow('warning: ') + m),
    error: (m) => write(chalk.red('error: ') + m),
  };
}
