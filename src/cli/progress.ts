/**
 * A one-line progress bar on stderr while large exports are read — only on a
 * terminal: cron mail and CI logs get none.
 */
export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

const WIDTH = 24;
const EVERY_MS = 100;
const NONE: Progress = { update() {}, done() {} };

export function createProgress(stream: NodeJS.WriteStream = process.stderr, { quiet = false } = {}): Progress {
  if (!stream.isTTY || quiet) return NONE;
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < EVERY_MS || total === 0) return;
      last = now;
      shown = true;
      const share = Math.min(1, done / total);
      const filled = Math.round(share * WIDTH);
      const mb = (n: number) => (n / 1e6).toFixed(n < 10e6 ? 1 : 0);
      stream.write(`\rreading exports [${'#'.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${Math.round(share * 100)} % (${mb(done)} of ${mb(total)} MB)`);
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
