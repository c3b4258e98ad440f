/**
 * Which column holds what. A header the config names for a field wins; then a
 * header that is one of a field's aliases (compared loosely); then a header whose
 * words name one field only (header-words.ts); what is left may be told by what
 * it holds (column-content.ts). How each was matched is kept, for `validate`.
 */
import type { InputKind } from '../domain.js';
import { ACTIVITY_FIELDS, INCIDENT_FIELDS, PATROL_FIELDS, type FieldOf } from '../fields.js';
import { looseKey as normalizeHeader } from '../text.js';
import { namedByWords } from './header-words.js';

export type { ActivityField, FieldOf, IncidentField, PatrolField } from '../fields.js';

export const FIELDS = { incidents: INCIDENT_FIELDS, patrols: PATROL_FIELDS, activities: ACTIVITY_FIELDS } as const;

/** Field name → 0-based column index. */
export type ColumnMap<F extends string> = Partial<Record<F, number>>;

export { looseKey as normalizeHeader } from '../text.js';

/** How a column came to be read as a field: named in the config, an alias, by its words, by what it holds. */
export type MatchedBy = 'config' | 'alias' | 'parts' | 'content';

export interface ColumnMatch {
  field: string;
  /** 0-based. */
  column: number;
  header: string;
  by: MatchedBy;
  /** Why, in words: `"typ" names category`, `every value is a date and time`. */
  why: string;
}

export interface IgnoredColumn {
  /** 0-based. */
  column: number;
  header: string;
  /** Why it was not read, when its words name a field: `area is read from "Område"`; null when they name none. */
  why: string | null;
}

/** What a file's header row came to: plain data, as it goes to workers with the file's shape. */
export interface HeaderReading {
  matches: ColumnMatch[];
  ignored: IgnoredColumn[];
  /** What may have been read from the wrong column, as sentences with the config line that settles it. */
  doubts: string[];
}

/** The field a match is said to be read as: `"Inträffade" read as date and time`. */
export const FIELD_WORDS: Readonly<Record<string, string>> = { datetime: 'date and time', date: 'date', time: 'time of day' };
export const fieldWords = (field: string) => FIELD_WORDS[field] ?? field;

/** `"Inträffade" read as date and time: every value is a date and time`. */
export const describeMatch = (m: Pick<ColumnMatch, 'field' | 'header' | 'why'>) => `${quote(m.header)} read as ${fieldWords(m.field)}: ${m.why}`;

/** The config's headers, the aliases and the headers' words, in that order of precedence. */
export function matchHeaders(kind: InputKind, headers: readonly string[], configured: Partial<Record<string, string>> = {}): ColumnMatch[] {
  const normalized = headers.map(normalizeHeader);
  const matches: ColumnMatch[] = [];
  const taken = new Set<number>();
  const has = (field: string) => matches.some((m) => m.field === field);
  const add = (field: string, column: number, by: MatchedBy, why: string) => {
    matches.push({ field, column, header: headers[column]!, by, why });
    taken.add(column);
  };
  for (const [field, header] of Object.entries(configured)) {
    if (header === undefined) continue;
    const index = normalized.indexOf(normalizeHeader(header));
    if (index >= 0) add(field, index, 'config', `the config names it (columns.${kind}.${field})`);
  }
  const fields = FIELDS[kind] as Record<string, readonly string[]>;
  for (const [field, aliases] of Object.entries(fields)) {
    if (has(field)) continue;
    // Aliases are in order of preference: "Kategori" wins over "Typ" wherever each stands.
    for (const alias of aliases) {
      const index = normalized.findIndex((h, i) => !taken.has(i) && h === alias);
      if (index >= 0) {
        add(field, index, 'alias', `"${alias}" is a header for ${fieldWords(field)}`);
        break;
      }
    }
  }
  // By its words, in column order: of two headers naming one field the first is read, as with two alike.
  for (const [index, header] of headers.entries()) {
    if (taken.has(index)) continue;
    const named = namedByWords(kind, header);
    const [field] = named.fields;
    if (named.fields.length === 1 && !has(field!)) add(field!, index, 'parts', `${wordList(named.words)} ${named.words.length === 1 ? 'names' : 'name'} ${fieldWords(field!)}`);
  }
  return matches;
}

export function toColumnMap<F extends string>(matches: readonly ColumnMatch[]): ColumnMap<F> {
  return Object.fromEntries(matches.map((m) => [m.field, m.column])) as ColumnMap<F>;
}

/** Maps a file's header row to fields: see matchHeaders. */
export function mapColumns<K extends InputKind>(kind: K, headers: readonly string[], configured: Partial<Record<string, string>> = {}): ColumnMap<FieldOf<K>> {
  return toColumnMap(matchHeaders(kind, headers, configured));
}

/**
 * The columns no field is read from, with why when their words name one, or what they hold when
 * that was looked at (`holds`: column → `dates and times`). Empty headers after the last named one are no columns.
 */
export function ignoredColumns(kind: InputKind, headers: readonly string[], matches: readonly ColumnMatch[], holds: ReadonlyMap<number, string> = new Map()): IgnoredColumn[] {
  const used = new Set(matches.map((m) => m.column));
  const last = headers.findLastIndex((h) => h.trim() !== '');
  const ignored: IgnoredColumn[] = [];
  for (const [column, header] of headers.entries()) {
    if (used.has(column) || column > last) continue;
    const { fields } = namedByWords(kind, header);
    const readFrom = fields.length === 1 ? matches.find((m) => m.field === fields[0]) : undefined;
    const held = holds.get(column);
    const why = readFrom
      ? `${fieldWords(fields[0]!)} is read from ${normalizeHeader(readFrom.header) === normalizeHeader(header) ? `column ${readFrom.column + 1}, of the same header` : `"${readFrom.header}"`}`
      : fields.length > 1
        ? `it names ${andList(fields.map(fieldWords))}`
        : held
          ? `it holds ${held}`
          : null;
    ignored.push({ column, header, why });
  }
  return ignored;
}

// Part of issue 16 (duplicate headers): the first is read, as before, and now it is said.
/**
 * Columns that share a header (compared as headers are matched) where a field is read from one
 * of them: which is read and which not. The config names headers, so it cannot pick the other.
 */
export function duplicateHeaders(headers: readonly string[], matches: readonly ColumnMatch[]): string[] {
  const byHeader = new Map<string, number[]>();
  for (const [column, header] of headers.entries()) {
    const key = normalizeHeader(header);
    if (key === '') continue;
    byHeader.set(key, [...(byHeader.get(key) ?? []), column]);
  }
  const said: string[] = [];
  for (const columns of byHeader.values()) {
    if (columns.length < 2) continue;
    const read = matches.find((m) => columns.includes(m.column));
    if (!read) continue;
    const others = columns.filter((c) => c !== read.column).map((c) => `column ${c + 1}`);
    said.push(
      `columns ${andList(columns.map((c) => String(c + 1)))} have the same header ${quote(headers[columns[0]!]!)}: ${fieldWords(read.field)} is read from column ${read.column + 1}, ` +
        `${andList(others)} ${others.length === 1 ? 'is' : 'are'} not read; if ${others.length === 1 ? 'that is' : 'one of those is'} the one, rename the headers in the export so that they differ`,
    );
  }
  return said;
}

/** The config's `columns` entry for this kind, as one line of JSON: `{ "columns": { "incidents": { "area": "Omrde" } } }`. */
export function columnsBlock(kind: InputKind, entries: readonly [string, string][]): string {
  const inner = entries.map(([field, header]) => `${JSON.stringify(field)}: ${JSON.stringify(header)}`).join(', ');
  return `{ "columns": { "${kind}": { ${inner} } } }`;
}

export const quote = (s: string) => `"${s}"`;

/** `"a"`, `"a" and "b"`, `"a", "b" and "c"`. */
export const wordList = (words: readonly string[]) => andList(words.map(quote));

export function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
