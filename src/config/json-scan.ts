/**
 * Where things are in a JSON text. JSON.parse on Node 20 often says neither where
 * it failed ("Unexpected token '}', … is not valid JSON") nor, when it succeeds,
 * where a key is: this scan finds the first syntax error and the offset of every
 * key and value, so that a config message can name the line and column.
 */

export interface JsonScan {
  /** Offset of each key, by pathKey() of its path. */
  keys: Map<string, number>;
  /** Offset of each value, by pathKey() of its path; [] is the whole. */
  values: Map<string, number>;
  /** The first syntax error; undefined when the text is JSON (or nested too deep to scan). */
  error?: { offset: number; message: string };
}

/** A path as zod gives it (numbers for array items), as a map key: a key may hold a dot. */
export const pathKey = (path: readonly PropertyKey[]): string => JSON.stringify(path.map(String));

/** Deeper than any config; past it the scan gives up rather than overflow the stack. */
const MAX_DEPTH = 200;

class Failed {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}
class TooDeep {}

export function scanJson(text: string): JsonScan {
  const scanner = new Scanner(text);
  try {
    scanner.document();
  } catch (stop) {
    if (stop instanceof Failed) return { ...scanner.found, error: { offset: stop.offset, message: stop.message } };
    if (!(stop instanceof TooDeep)) throw stop;
  }
  return scanner.found;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[\w$+.-]+/y;
const ESCAPES = '"\\/bfnrtu';

class Scanner {
  private pos = 0;
  readonly found: JsonScan = { keys: new Map(), values: new Map() };

  constructor(private readonly text: string) {}

  document(): void {
    this.space();
    if (this.pos === this.text.length) throw new Failed(0, 'the file is empty: a config with no settings is {}');
    this.value([], 0);
    this.space();
    if (this.pos < this.text.length) throw new Failed(this.pos, `${this.shown()} after the end of the JSON`);
  }

  private value(path: string[], depth: number): void {
    if (depth > MAX_DEPTH) throw new TooDeep();
    this.found.values.set(pathKey(path), this.pos);
    const c = this.text[this.pos];
    if (c === '{') return this.object(path, depth);
    if (c === '[') return this.array(path, depth);
    if (c === '"') return void this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    const word = this.word();
    if (word === 'true' || word === 'false' || word === 'null') {
      this.pos += word.length;
      return;
    }
    const hint = c === "'" || /^[\p{L}_]/u.test(word) ? ' (a string is written in double quotes)' : '';
    throw new Failed(this.pos, `expected a value, found ${this.shown()}${hint}`);
  }

  private object(path: string[], depth: number): void {
    this.pos++;
    this.space();
    if (this.text[this.pos] === '}') return void this.pos++;
    for (;;) {
      if (this.text[this.pos] !== '"') throw new Failed(this.pos, `expected a key in double quotes, found ${this.shown()}`);
      const keyAt = this.pos;
      const key = this.string();
      this.found.keys.set(pathKey([...path, key]), keyAt);
      this.space();
      if (this.text[this.pos] !== ':') throw new Failed(this.pos, `expected ":" after the key "${key}", found ${this.shown()}`);
      this.pos++;
      this.space();
      this.value([...path, key], depth + 1);
      if (this.next('}')) return;
    }
  }

  private array(path: string[], depth: number): void {
    this.pos++;
    this.space();
    if (this.text[this.pos] === ']') return void this.pos++;
    for (let i = 0; ; i++) {
      this.value([...path, String(i)], depth + 1);
      if (this.next(']')) return;
    }
  }

  /** After an entry: true at the closing bracket, false after a comma (and the space after it). */
  private next(close: '}' | ']'): boolean {
    this.space();
    const c = this.text[this.pos];
    if (c === close) {
      this.pos++;
      return true;
    }
    if (c !== ',') throw new Failed(this.pos, `expected "," or "${close}", found ${this.shown()}`);
    const comma = this.pos++;
    this.space();
    if (this.text[this.pos] === close) throw new Failed(comma, `a "," before "${close}": JSON has none after the last entry`);
    return false;
  }

  /** The string's value; pos moves past its closing quote. */
  private string(): string {
    const start = this.pos;
    for (let i = start + 1; i < this.text.length; i++) {
      const c = this.text[i]!;
      if (c === '"') {
        this.pos = i + 1;
        return JSON.parse(this.text.slice(start, i + 1)) as string;
      }
      if (c === '\\') {
        const e = this.text[i + 1] ?? '';
        if (!ESCAPES.includes(e) || (e === 'u' && !/^[0-9a-fA-F]{4}$/.test(this.text.slice(i + 2, i + 6)))) {
          throw new Failed(i, `"\\${e === 'u' ? e + this.text.slice(i + 2, i + 6) : e}" is not an escape JSON knows`);
        }
        i++;
      } else if (c === '\n' || c === '\r') {
        throw new Failed(start, 'a string that is not closed on its line');
      } else if (c < ' ') {
        throw new Failed(i, `a control character (U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}) in a string: write it as an escape, e.g. \\t`);
      }
    }
    throw new Failed(start, 'a string that is never closed');
  }

  private number(): void {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    const after = this.text[this.pos + (m?.[0].length ?? 0)];
    if (!m || (after !== undefined && /[\w.+-]/.test(after))) throw new Failed(this.pos, `${this.shown()} is not a number JSON can read`);
    this.pos += m[0].length;
  }

  private word(): string {
    WORD.lastIndex = this.pos;
    return WORD.exec(this.text)?.[0] ?? '';
  }

  /** What stands at pos, as a message shows it. */
  private shown(): string {
    if (this.pos >= this.text.length) return 'the end of the file';
    if (this.text[this.pos] === '"') return 'a string';
    return JSON.stringify(this.word().slice(0, 40) || this.text[this.pos]);
  }

  private space(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos]!)) this.pos++;
  }
}
