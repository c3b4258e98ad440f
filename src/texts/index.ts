/**
 * The words of the default template in each language it speaks. A template says
 * `{{t "key"}}`, or `{{t "key" name=value}}` for a text with `{name}` in it; the
 * result is text, escaped like any other. The texts themselves are beside it:
 * the report's in sv.ts and en.ts, why a row was rejected in reasons.ts.
 */
import { en } from './en.js';
import { sv } from './sv.js';

export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export type TextKey = keyof typeof sv;

const TEXTS: Record<Language, Record<TextKey, string>> = { sv, en };

/** The text for `key`, with `{name}` filled in; `fallback` (or the key itself, so a typo shows) when there is none. */
export function text(language: Language, key: string, params: Record<string, unknown> = {}, fallback = key): string {
  return fill((TEXTS[language] as Record<string, string>)[key] ?? fallback, params);
}

/** `{name}` in a text replaced by the value of that name; left as it is when there is none. */
export function fill(template: string, params: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (params[name] === undefined ? `{${name}}` : String(params[name])));
}

export function hasText(key: string): key is TextKey {
  return key in sv;
}
