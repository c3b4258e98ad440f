/**
 * Masks personal data in text — place, not person — replacing each finding
 * with its kind in brackets (`[personnummer]`), and counts what it masked.
 */
import { isReasonCode } from '../reasons.js';
import type { RedactionContext } from './context.js';
import { maskEachName } from './file-names.js';
import { BUILT_IN, namePattern, type Pattern } from './patterns.js';

export interface RedactionRules {
  /** Names to mask (people, staff), whole words, any case. */
  names?: readonly string[];
  /** More patterns: a kind, and a regular expression. */
  patterns?: readonly { kind: string; pattern: string }[];
}

/** Keys of the model and of validate's report whose values are file names. */
const FILE_KEYS = new Set(['file', 'source']);

export class Redactor {
  /** What was masked, by kind: each value once, however often the report repeats it (an area name is in many tables). */
  private readonly found = new Map<string, Set<string>>();
  private readonly patterns: Pattern[];

  constructor(
    rules: RedactionRules = {},
    private readonly context: RedactionContext = {},
  ) {
    const names = namePattern(rules.names ?? []);
    // Copies of the built-in ones: an exec loop moves a regular expression's lastIndex.
    this.patterns = [
      ...(rules.patterns ?? []).map((p) => ({ kind: p.kind, regex: new RegExp(p.pattern, 'gu') })),
      ...BUILT_IN.map((p) => ({ ...p, regex: new RegExp(p.regex) })),
      ...(names ? [names] : []),
    ];
  }

  text(input: string): string {
    return this.mask(input, false);
  }

  /**
   * A file's name or path, masked as text is but for plates, each folder and the name on its own,
   * the extension kept: `anmälan-[personnummer].csv`, `[e-post]-april.csv`.
   */
  fileName(path: string): string {
    return maskEachName(path, (name) => this.mask(name, true));
  }

  /** Whether the text holds anything this masks; nothing is counted. */
  holds(input: string): boolean {
    return this.patterns.some((p) => this.findings(input, p, false, true).length > 0);
  }

  /** Every string in a plain-data value, masked in place; file names as file names; but a rejection's code, which is the tool's word, not the data's. */
  deep<T>(value: T): T {
    if (typeof value === 'string') return this.text(value) as T;
    if (Array.isArray(value)) return value.map((item: unknown) => this.deep(item)) as T;
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [
          key,
          key === 'code' && isReasonCode(item) ? item : FILE_KEYS.has(key) && typeof item === 'string' ? this.fileName(item) : this.deep(item),
        ]),
      ) as T;
    }
    return value;
  }

  summary(): Record<string, number> {
    return Object.fromEntries([...this.found].map(([kind, values]) => [kind, values.size] as const).sort(([a], [b]) => a.localeCompare(b)));
  }

  private mask(input: string, fileName: boolean): string {
    let text = input;
    for (const pattern of this.patterns) {
      let out = '';
      let last = 0;
      for (const { match, kind } of this.findings(text, pattern, fileName)) {
        let values = this.found.get(kind);
        if (!values) this.found.set(kind, (values = new Set()));
        values.add(match[0].replace(/[^\p{L}\p{N}@]/gu, '').toLowerCase());
        out += `${text.slice(last, match.index)}[${kind}]`;
        last = match.index + match[0].length;
      }
      if (last > 0) text = out + text.slice(last);
    }
    return text;
  }

  /** An exec loop, not matchAll: this runs over every text of a report, and matchAll costs two to three times as much. */
  private findings(text: string, { kind, regex, accept, needs, inFileNames }: Pattern, fileName: boolean, first = false): { match: RegExpExecArray; kind: string }[] {
    const found: { match: RegExpExecArray; kind: string }[] = [];
    if ((fileName && inFileNames === false) || (needs && !needs.test(text))) return found;
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match; match = regex.exec(text)) {
      // A configured pattern may match nothing: step on.
      if (match[0] === '') regex.lastIndex++;
      const kindFound = accept ? accept(match, this.context) : kind;
      if (kindFound === undefined || match[0] === '') continue;
      found.push({ match, kind: kindFound });
      if (first) break;
    }
    return found;
  }
}
