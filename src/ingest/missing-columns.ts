/**
 * A file without a required column, told all at once: every field missing, the
 * headers found and what each was read as, the headers that may be meant, and
 * a `columns` block for the config with those guesses filled in and the rest
 * marked — so that one run tells the coordinator everything to fix.
 */
import type { InputKind } from '../domain.js';
import { InputError } from '../errors.js';
import { editDistance } from '../text.js';
import type { Offer } from './column-content.js';
import { andList, columnsBlock, FIELDS, normalizeHeader, quote, wordList, type ColumnMatch } from './columns.js';
import { namedByWords } from './header-words.js';

export interface ColumnCheck {
  file: string;
  kind: InputKind;
  /** Line of the header row. */
  line: number;
  headers: readonly string[];
  matches: readonly ColumnMatch[];
  required: ReadonlyArray<string | readonly string[]>;
  configured?: Partial<Record<string, string>>;
  /** Columns whose content fits a field still missing (column-content.ts). */
  offers?: Partial<Record<string, Offer[]>>;
}

/** What the block has for a field no header could be found for: valid JSON, and a config that says what to do when pasted as it is. */
export const FILL_IN = 'FILL IN';
const SHOWN_HEADERS = 30;

interface Guess {
  field: string;
  header: string;
  /** What makes it a guess, as a sentence; several guesses may share one. */
  hint: string;
}

/** Throws, naming every missing field, its aliases, the headers found, the likely ones and the config block that reads the file. */
export function requireColumns({ file, kind, line, headers, matches, required, configured = {}, offers = {} }: ColumnCheck): void {
  const has = (f: string) => matches.some((m) => m.field === f);
  const missing = required.map((need) => (typeof need === 'string' ? [need] : need)).filter((options) => !options.some(has));
  if (missing.length === 0) return;
  const fields = FIELDS[kind] as Record<string, readonly string[]>;
  const used = new Set(matches.map((m) => m.column));
  const taken = new Set<string>();
  const problems: string[] = [];
  const wanted: string[] = [];
  const hints: string[] = [];
  const block: [string, string][] = matches.filter((m) => m.by === 'config').map((m) => [m.field, configured[m.field]!]);
  for (const options of missing) {
    const named = options.find((f) => configured[f] !== undefined);
    if (named) problems.push(`the header "${configured[named]}" that the config gives for ${named} (columns.${kind}.${named}) is not in the file`);
    else wanted.push(options.map((f) => `${f} (${fields[f]!.slice(0, 4).map(quote).join(', ')}…)`).join(' or '));
    const free = headers.map((header, column) => ({ header, column })).filter((h) => !used.has(h.column) && h.header.trim() !== '');
    const guesses = guessesFor(kind, options, named, named && configured[named], free, offers);
    for (const g of guesses) if (!hints.includes(g.hint)) hints.push(g.hint);
    const best = guesses.find((g) => !taken.has(g.header));
    if (best) taken.add(best.header);
    block.push(best ? [best.field, best.header] : [named ?? options[0]!, FILL_IN]);
  }
  if (wanted.length > 0) problems.unshift(`missing required column${wanted.length === 1 ? '' : 's'}: ${wanted.join('; ')}`);
  const shown = headers.slice(0, SHOWN_HEADERS).map((h, i) => {
    const read = matches.find((m) => m.column === i);
    return read ? `${quote(h)} (${read.field})` : quote(h);
  });
  const more = headers.length > SHOWN_HEADERS ? ` … and ${headers.length - SHOWN_HEADERS} more` : '';
  const fill = block.some(([, h]) => h === FILL_IN) ? `, with a header of the file for each "${FILL_IN}"` : '';
  throw new InputError(
    { file, line },
    `${problems.join('; ')}. Headers found: ${shown.join(', ') + more || '(none)'}.${hints.map((h) => ` ${h}`).join('')} ` +
      `To read the file, add to the config${fill}: ${columnsBlock(kind, block)}`,
  );
}

/** The headers that may be meant for one missing field, best first: a misspelling, a header naming it among others, a column holding what it holds. */
function guessesFor(
  kind: InputKind,
  options: readonly string[],
  named: string | undefined,
  configuredHeader: string | undefined,
  free: { header: string }[],
  offers: Partial<Record<string, Offer[]>>,
): Guess[] {
  const fields = FIELDS[kind] as Record<string, readonly string[]>;
  const guesses: Guess[] = [];
  if (named !== undefined && configuredHeader !== undefined) {
    const near = nearestHeader(free, [normalizeHeader(configuredHeader)]);
    if (near) guesses.push({ field: named, header: near.header, hint: `"${near.header}" is close to "${configuredHeader}": a typing error?` });
  }
  for (const f of options) {
    const near = nearestHeader(free, fields[f]!);
    if (near) guesses.push({ field: f, header: near.header, hint: `"${near.header}" is close to "${near.alias}": a typing error?` });
  }
  for (const { header } of free) {
    const named = namedByWords(kind, header).fields;
    const f = options.find((o) => named.includes(o));
    if (named.length > 1 && f) guesses.push({ field: f, header, hint: `"${header}" names ${andList(named)}: which one is it?` });
  }
  for (const f of options) {
    const fits = offers[f] ?? [];
    if (fits.length === 0) continue;
    const hint = `For ${f}: ${holdsSentence(fits)}${fits.length > 1 ? ': which one is it?' : '.'}`;
    // A column of dates alone is the date field, not the date and time.
    for (const o of fits) guesses.push({ field: f === 'datetime' && o.holds === 'dates' ? 'date' : f, header: o.header, hint });
  }
  return guesses;
}

/** `"A" and "B" both hold dates and times`, `"A" holds dates and times, "B" holds dates`. */
function holdsSentence(fits: readonly Offer[]): string {
  const byHolds = new Map<string, string[]>();
  for (const o of fits) byHolds.set(o.holds, [...(byHolds.get(o.holds) ?? []), o.header]);
  return [...byHolds].map(([holds, hs]) => `${wordList(hs)} ${hs.length === 1 ? 'holds' : hs.length === 2 ? 'both hold' : 'all hold'} ${holds}`).join(', ');
}

/** The header most like one of the aliases, when it is close enough to be a misspelling. */
function nearestHeader(headers: readonly { header: string }[], aliases: readonly string[]): { header: string; alias: string } | undefined {
  let best: { header: string; alias: string; distance: number } | undefined;
  for (const { header } of headers) {
    const h = normalizeHeader(header);
    for (const alias of aliases) {
      const distance = editDistance(h, alias);
      if (distance <= Math.max(1, Math.floor(alias.length / 4)) && (!best || distance < best.distance)) best = { header, alias, distance };
    }
  }
  return best;
}
