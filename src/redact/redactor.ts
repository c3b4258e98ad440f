/**
 * Masks personal data in text — place, not person — replacing each finding
 * with its kind in brackets (`[personnummer]`), and counts what it masked.
 */
import { isReasonCode } from '../reasons.js';
import { BUILT_IN, namePattern, type Pattern } from './patterns.js';

export interface RedactionRules {
  /** Names to mask (people, staff), whole words, any case. */
  names?: readonly string[];
  /** More patterns: a kind, and a regular expression. */
  patterns?: readonly { kind: string; pattern: string }[];
}

export class Redactor {
  /** What was masked, by kind: each value once, however often the report repeats it (an area name is in many tables). */
  private readonly found = new Map<string, Set<string>>();
  private readonly patterns: Pattern[];

  constructor(rules: RedactionRules = {}) {
    const names = namePattern(rules.names ?? []);
    this.patterns = [
      ...(rules.patterns ?? []).map((p) => ({ kind: p.kind, regex: new RegExp(p.pattern, 'gu') })),
      ...BUILT_IN,
      ...(names ? [names] : []),
    ];
  }

  text(input: string): string {
    let text = input;
    for (const { kind, regex, accept } of this.patterns) {
      let out = '';
      let last = 0;
      for (const match of text.matchAll(regex)) {
        const found = accept ? accept(match) : kind;
        if (found === undefined) continue;
        let values = this.found.get(found);
        if (!values) this.found.set(found, (values = new Set()));
        values.add(match[0].replace(/[^\p{L}\p{N}@]/gu, '').toLowerCase());
        out += `${text.slice(last, match.index)}[${found}]`;
        last = match.index + match[0].length;
      }
      if (last > 0) text = out + text.slice(last);
    }
    return text;
  }

  /** Every string in a plain-data value, masked in place; but a rejection's code, which is the tool's word, not the data's. */
  deep<T>(value: T): T {
    if (typeof value === 'string') return this.text(value) as T;
    if (Array.isArray(value)) return value.map((item: unknown) => this.deep(item)) as T;
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key === 'code' && isReasonCode(item) ? item : this.deep(item)])) as T;
    }
    return value;
  }

  summary(): Record<string, number> {
    return Object.fromEntries([...this.found].map(([kind, values]) => [kind, values.size] as const).sort(([a], [b]) => a.localeCompare(b)));
  }
}
