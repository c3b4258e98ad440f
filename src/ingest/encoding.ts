/**
 * Which character encoding an export is in, and decoding it as a stream.
 * A BOM settles it; otherwise valid UTF-8 is UTF-8, and anything else is
 * judged by chardet — for Swedish exports that means Windows-1252 (Excel's
 * "CSV (semikolonavgränsad)"), of which ISO-8859-1 is a subset.
 */
import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DetectedEncoding {
  /** A name iconv-lite and TextDecoder know: utf-8, utf-16le, utf-16be, windows-1252, … */
  encoding: string;
  bom: boolean;
  /** How it was decided: given, a BOM, valid UTF-8, only ASCII seen, Swedish letters, or a statistical guess. */
  basis: 'given' | 'bom' | 'utf-8 valid' | 'ascii' | 'letters' | 'guess';
  /** For a guess: chardet's confidence, 0–100. */
  confidence: number | null;
  /** True when the guess is weak enough that the user should check åäö in the report. */
  unsure: boolean;
}

/** Encodings chardet may name that decode Swedish text as Windows-1252 does. */
const WESTERN = new Set(['ISO-8859-1', 'ISO-8859-15', 'windows-1252']);
const SURE_ENOUGH = 50;

export function detectEncoding(sample: Uint8Array): DetectedEncoding {
  const bom = bomEncoding(sample);
  if (bom) return { encoding: bom, bom: true, basis: 'bom', confidence: null, unsure: false };
  const utf16 = bomlessUtf16(sample);
  if (utf16) return { encoding: utf16, bom: false, basis: 'guess', confidence: null, unsure: true };
  const whole = trimPartialUtf8(sample);
  if (isUtf8(whole)) {
    const ascii = whole.every((b) => b < 0x80);
    return { encoding: 'utf-8', bom: false, basis: ascii ? 'ascii' : 'utf-8 valid', confidence: null, unsure: false };
  }
  // UTF-8 åäö next to bytes that are not UTF-8: a UTF-8 file with a line from another program.
  // Read as UTF-8, so that the bad line is named instead of every åäö garbled.
  if (hasUtf8Letters(sample)) return { encoding: 'utf-8', bom: false, basis: 'utf-8 valid', confidence: null, unsure: false };
  return legacyEncoding(sample, sample);
}

/** Which 8-bit (or other) encoding bytes that are not UTF-8 are in: `stray` the high bytes to judge by their letters. */
function legacyEncoding(sample: Uint8Array, stray: Uint8Array): DetectedEncoding {
  if (isSwedish1252(stray)) return { encoding: 'windows-1252', bom: false, basis: 'letters', confidence: null, unsure: false };
  const candidates = chardet.analyse(sample);
  const western = candidates.find((c) => WESTERN.has(c.name));
  if (western) {
    return { encoding: 'windows-1252', bom: false, basis: 'guess', confidence: western.confidence, unsure: western.confidence < SURE_ENOUGH };
  }
  const top = candidates.find((c) => iconv.encodingExists(c.name));
  return { encoding: top?.name ?? 'windows-1252', bom: false, basis: 'guess', confidence: top?.confidence ?? 0, unsure: true };
}

export function givenEncoding(name: string): DetectedEncoding {
  return { encoding: name, bom: false, basis: 'given', confidence: null, unsure: false };
}

/** For messages: "UTF-8 with BOM", "Windows-1252 (guessed, 62 % sure)". */
export function describeEncoding(e: DetectedEncoding): string {
  const name = e.encoding.toLowerCase() === 'utf-8' ? 'UTF-8' : e.encoding.replace(/^utf-16(le|be)$/i, (_, x: string) => `UTF-16${x.toUpperCase()}`).replace(/^windows-/i, 'Windows-');
  switch (e.basis) {
    case 'bom':
      return `${name} with BOM`;
    case 'given':
      return `${name} (given)`;
    case 'ascii':
      return `${name} (only ASCII seen)`;
    case 'utf-8 valid':
      return name;
    case 'letters':
      return `${name} (from its åäö)`;
    case 'guess':
      return e.confidence === null ? `${name} (guessed)` : `${name} (guessed, ${e.confidence} % sure)`;
  }
}

/** å ä ö Å Ä Ö as UTF-8: C3 followed by A5 A4 B6 85 84 96. */
function hasUtf8Letters(b: Uint8Array): boolean {
  for (let i = b.indexOf(0xc3); i !== -1 && i + 1 < b.length; i = b.indexOf(0xc3, i + 1)) {
    if ([0xa5, 0xa4, 0xb6, 0x85, 0x84, 0x96].includes(b[i + 1]!)) return true;
  }
  return false;
}

/** Windows-1252 bytes of Swedish text, and the punctuation Excel writes: when all high bytes are these, it is Windows-1252. */
const SWEDISH_1252 = new Set([0xe5, 0xe4, 0xf6, 0xc5, 0xc4, 0xd6, 0xe9, 0xc9, 0xfc, 0xdc, 0x96, 0x97, 0x91, 0x92, 0x93, 0x94, 0xa7, 0xb0, 0xb4, 0xbd, 0xa0]);

function isSwedish1252(b: Uint8Array): boolean {
  let high = 0;
  let known = 0;
  for (const byte of b) {
    if (byte < 0x80) continue;
    high++;
    if (SWEDISH_1252.has(byte)) known++;
  }
  return high > 0 && known / high >= 0.9;
}

function bomEncoding(b: Uint8Array): string | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Text in UTF-16 without a BOM has a zero byte in nearly every other position. */
function bomlessUtf16(b: Uint8Array): string | undefined {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  const half = n / 2;
  if (odd > half * 0.6 && even < half * 0.1) return 'utf-16le';
  if (even > half * 0.6 && odd < half * 0.1) return 'utf-16be';
  return undefined;
}

/** A sample may end inside a multi-byte character; that is not invalid UTF-8. */
function trimPartialUtf8(b: Uint8Array): Uint8Array {
  let end = b.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = b[end - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    if (need > back) end -= back;
    break;
  }
  return b.subarray(0, end);
}

/** Thrown by the decoding stream when UTF-8 turns out to be invalid further into the file. */
export class DecodeError extends Error {
  constructor(
    readonly line: number,
    /** A NUL byte rather than a broken character: a binary file, or UTF-16 without its BOM. */
    readonly nul = false,
    /** Invalid on the file's first line: nothing before it read as UTF-8, so this is what the file probably is. */
    readonly probably?: DetectedEncoding,
  ) {
    super(nul ? 'NUL byte' : 'invalid UTF-8');
  }
}

// Part of issue 16 (line 1 not UTF-8): a first line cannot be "the line of another program".
/** What a DecodeError means, in a user's words. */
export function decodeProblem(error: DecodeError): string {
  if (error.nul) return 'a NUL byte on this line: not a text export, or UTF-16 without its byte-order mark (then give --encoding utf-16le)';
  if (error.probably) {
    const name = error.probably.encoding;
    return `not UTF-8 from the first line on, though some of its letters are: the file is probably ${describeEncoding(error.probably)}; give its encoding, e.g. --encoding ${name}, or the config's "encodings"`;
  }
  return 'not valid UTF-8 on this line, though the file reads as UTF-8 before it: the line may come from another program; correct it, or give the encoding, e.g. --encoding windows-1252';
}

/** The high bytes that are not part of a UTF-8 character: in a mixed line, the ones the other encoding wrote. */
function strayBytes(b: Uint8Array): Uint8Array {
  const stray: number[] = [];
  for (let i = 0; i < b.length; i++) {
    const byte = b[i]!;
    if (byte < 0x80) continue;
    const need = byte >= 0xf0 && byte < 0xf5 ? 3 : byte >= 0xe0 ? (byte < 0xf0 ? 2 : 0) : byte >= 0xc2 ? 1 : 0;
    if (need > 0 && i + need < b.length && isUtf8(b.subarray(i, i + need + 1))) i += need;
    else stray.push(byte);
  }
  return Uint8Array.from(stray);
}

/** The encoding of a first line that is not UTF-8. */
function firstLineEncoding(line: Uint8Array): DetectedEncoding {
  return legacyEncoding(line, strayBytes(line));
}

/**
 * Bytes in any encoding → UTF-8 bytes, which is what csv-parse works on.
 * UTF-8 passes through, checked strictly so that a mislabelled file is caught,
 * not garbled; other encodings are transcoded. `firstLine` numbers the lines
 * for an error when the stream starts mid-file.
 */
export function utf8Stream(encoding: string, firstLine = 1): Transform {
  const name = encoding.toLowerCase().replace('_', '-');
  const passThrough = name === 'utf-8' || name === 'utf8';
  const decoder = passThrough ? undefined : iconv.getDecoder(encoding);
  let carry: Buffer = Buffer.alloc(0);
  let line = firstLine;
  const count = (bytes: Uint8Array, end = bytes.length) => {
    for (let i = bytes.indexOf(10); i !== -1 && i < end; i = bytes.indexOf(10, i + 1)) line++;
  };
  const firstInvalid = (bytes: Uint8Array) => {
    let lo = 0;
    let hi = bytes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (isUtf8(trimPartialUtf8(bytes.subarray(0, mid + 1)))) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      if (!passThrough) {
        const text = Buffer.from(decoder!.write(chunk), 'utf8');
        const nul = text.indexOf(0);
        count(text, nul === -1 ? undefined : nul);
        return nul === -1 ? done(null, text) : done(new DecodeError(line, true));
      }
      const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const whole = trimPartialUtf8(bytes);
      if (!isUtf8(whole)) {
        const at = firstInvalid(whole);
        count(whole, at);
        if (line !== 1 || firstLine !== 1) return done(new DecodeError(line));
        const eol = whole.indexOf(10, at);
        return done(new DecodeError(line, false, firstLineEncoding(whole.subarray(0, eol === -1 ? whole.length : eol))));
      }
      carry = Buffer.from(bytes.subarray(whole.length));
      const nul = whole.indexOf(0);
      count(whole, nul === -1 ? undefined : nul);
      if (nul !== -1) return done(new DecodeError(line, true));
      done(null, whole);
    },
    flush(done: TransformCallback) {
      if (passThrough) return carry.length ? done(new DecodeError(line)) : done();
      const rest = decoder!.end();
      done(null, rest ? Buffer.from(rest, 'utf8') : undefined);
    },
  });
}
