/** CSV (and other delimited text) as an input source: the fallback for any file no other source recognises. */
import { describeEncoding } from '../encoding.js';
import type { FormatLine, InputSource, OnRecord, RecordReadOptions } from '../source.js';
import { readCsv } from './read.js';
import { isSepLine, sniffCsv, type CsvLayout } from './sniff.js';

/** Encodings in which a quote and a line feed are bytes of their own, so that a file can be cut at a line break. */
const SPLITTABLE = /^(utf-?8|windows-125\d|iso-8859-\d+|latin1|ascii)$/i;

/** What the report's `inputs[].format` says of a CSV file. */
interface CsvFormat {
  encoding: string;
  encodingUnsure: boolean;
  delimiter: string;
}

const asCsv = (format: object) => format as CsvFormat;

export const csvSource: InputSource<CsvLayout> = {
  name: 'csv',
  recognises: () => true,
  lay: (input, sample, options) => sniffCsv(input, sample, options),
  records: (layout, onRecord, options) => readCsv(layout, fromStart(options) ? skippingSepLines(onRecord) : onRecord, options),
  format: (layout): CsvFormat => ({
    encoding: describeEncoding(layout.encoding),
    encodingUnsure: layout.encoding.unsure,
    delimiter: layout.delimiter === '\t' ? 'tab' : layout.delimiter,
  }),
  made: (format) => 'delimiter' in format && 'encoding' in format,
  describe: (format): FormatLine[] => {
    const { encoding, encodingUnsure, delimiter } = asCsv(format);
    return [
      { label: 'encoding', text: `${encoding}${encodingUnsure ? ' — unsure: check åäö, or give --encoding' : ''}` },
      { label: 'delimiter', text: delimiter },
    ];
  },
  doubts: (format, file) => {
    const { encoding, encodingUnsure } = asCsv(format);
    return encodingUnsure ? [`${file}: encoding ${encoding}; if åäö look wrong in the report, give --encoding`] : [];
  },
  splittable: (layout) => SPLITTABLE.test(layout.encoding.encoding),
};

function fromStart(options: RecordReadOptions | undefined): boolean {
  return !options?.range?.start;
}

/** Excel's `sep=` lines before the header are no records. */
function skippingSepLines(onRecord: OnRecord): OnRecord {
  let started = false;
  return (fields, line) => {
    if (!started && isSepLine(fields, line)) return true;
    started = true;
    return onRecord(fields, line);
  };
}
