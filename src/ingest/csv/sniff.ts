/**
 * A CSV file's layout from its first bytes: the encoding detected (or given),
 * Excel's `sep=` line honoured, the delimiter sniffed from the header, the line
 * endings seen.
 */
import iconv from 'iconv-lite';
import { detectEncoding, givenEncoding, type DetectedEncoding } from '../encoding.js';
import type { InputFile } from '../input-file.js';
import type { SourceLayout } from '../source.js';

export interface CsvLayout extends SourceLayout {
  source: 'csv';
  encoding: DetectedEncoding;
  delimiter: string;
  /** Line endings seen in the sample; several when a file mixes them. */
  lineEndings: string[];
}

const CANDIDATES = [',', ';', '\t', '|'] as const;
export const SEP_LINE = /^"?sep=(.)"?$/i;

export function sniffCsv(input: InputFile, sample: Uint8Array, options: { encoding?: string } = {}): CsvLayout {
  const encoding = options.encoding ? givenEncoding(options.encoding) : detectEncoding(sample);
  // The header is the first line with text; blank lines before it are not rows.
  const text = iconv.decode(Buffer.from(sample), encoding.encoding).replace(/^\uFEFF/, '');
  const first = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
  const sep = SEP_LINE.exec(first.trim());
  const { file, fd, size, stamp } = input;
  return { source: 'csv', file, fd, size, stamp, encoding, delimiter: sep ? sep[1]! : sniffDelimiter(first), lineEndings: lineEndings(text) };
}

/**
 * The line endings of the sample. A file that mixes them (appended to in another
 * editor) is parsed with all three, which is correct but slower: its lines are
 * never split without csv-parse. Only the first 256 KB are looked at.
 */
function lineEndings(text: string): string[] {
  const crlf = text.includes('\r\n');
  const lf = /(^|[^\r])\n/.test(text);
  const cr = /\r(?!\n)/.test(text);
  const seen = [crlf && '\r\n', lf && '\n', cr && '\r'].filter((e): e is string => e !== false);
  return seen.length === 0 ? ['\r\n', '\n', '\r'] : seen.length === 1 ? seen : ['\r\n', '\n', '\r'];
}

/** The candidate that occurs most often outside quotes in the header line; comma on a tie. */
export function sniffDelimiter(headerLine: string): string {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = ',';
  for (const c of CANDIDATES) if (counts.get(c)! > counts.get(best)!) best = c;
  return best;
}

/** Excel's `sep=;` line before the header: not a row. It parses as ["sep=", ""] when its delimiter is the file's own. */
export function isSepLine(fields: readonly string[], line: number): boolean {
  if (fields.length === 1 && SEP_LINE.test(fields[0]!.trim())) return true;
  return fields.length === 2 && /^"?sep=$/i.test(fields[0]!.trim()) && fields[1] === '' && line === 1;
}
