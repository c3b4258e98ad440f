import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream, written };
}

describe('the progress bar', () => {
  it('shows on a terminal and is wiped at the end', () => {
    const { stream, written } = fakeStream(true);
    const p = createProgress(stream);
    p.update(45_500_000, 91_000_000);
    p.done();
    expect(written[0]).toBe('\rreading exports [############            ] 50 % (46 of 91 MB)');
    expect(written[1]).toBe('\r\x1b[K');
  });

  it('never shows in cron or CI, or with --quiet', () => {
    for (const [tty, quiet] of [[false, false], [true, true]] as const) {
      const { stream, written } = fakeStream(tty);
      const p = createProgress(stream, { quiet });
      p.update(1, 2);
      p.done();
      expect(written).toEqual([]);
    }
  });
});
