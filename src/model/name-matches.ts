/**
 * Names across kinds and forms: a patrol or activity area that no incident
 * names, matched to the incident areas it contains, abbreviates or is part of;
 * a category that differs from another only in form (`skadegörelse, klotter`
 * for `Skadegörelse`). Where a name fits two or three, all of them are given —
 * which one is meant is the coordinator's call, not ours.
 */
import { compareNames } from '../text.js';
import { NameIndex } from './name-index.js';
import { holds, relate, words, type Fits, type Relation } from './name-words.js';
import type { NameBook, NameEntry } from './names.js';

/** More candidates than this and a name says too little to point anywhere: `Norra` beside ten `… norra`. */
export const MAX_CANDIDATES = 3;

export interface Candidate<T> {
  target: T;
  why: Relation;
}

/**
 * For each name, the targets it may mean: the whole-name matches (an
 * abbreviation, the same words) when there are any, else those it contains or
 * is part of, the more specific of two nested ones only (`Inre hamnen`, not
 * also `Hamnen`). `allowed` leaves out relations that do not apply.
 */
export function matchNames<S, T>(sources: readonly S[], targets: readonly T[], nameOf: (x: S | T) => string, allowed: (source: S, target: T, why: Relation) => boolean): Map<S, Candidate<T>[]> {
  const targetWords = targets.map((t) => words(nameOf(t)));
  const index = new NameIndex(targetWords);
  const out = new Map<S, Candidate<T>[]>();
  for (const source of sources) {
    const name = words(nameOf(source));
    const readings = name.map((w) => index.readings(w));
    const short = new Map(name.map((w, k) => [w, readings[k]!]));
    const fit: Fits = (w, full) => (w.text === full.text ? 'same' : short.get(w)?.includes(full.text) ? 'short' : undefined);
    let found: { i: number; why: Relation }[] = [];
    for (const i of index.candidates(readings)) {
      const why = relate(name, targetWords[i]!, fit);
      if (why && allowed(source, targets[i]!, why)) found.push({ i, why });
    }
    const whole = found.filter((f) => f.why === 'abbreviates' || f.why === 'same words');
    if (whole.length > 0) found = whole;
    else found = found.filter((f) => !found.some((g) => g !== f && holds(targetWords[g.i]!, targetWords[f.i]!)));
    if (found.length > 0 && found.length <= MAX_CANDIDATES) out.set(source, found.map((f) => ({ target: targets[f.i]!, why: f.why })));
  }
  return out;
}

export interface NameMatch {
  name: NameEntry;
  candidates: { entry: NameEntry; why: Relation }[];
}

/** Pairs the look-alike pass has dealt with already, as `key|key` both ways. */
export type PairsSeen = ReadonlySet<string>;
export const pairKey = (a: string, b: string) => `${a}|${b}`;

/**
 * Patrol and activity areas that no incident names, matched to the incident
 * areas. A name the look-alike pass points somewhere already is left to it.
 */
export function areaMatches(book: NameBook, lookAlike: PairsSeen, pointed: ReadonlySet<string>): NameMatch[] {
  const all = book.entries();
  const targets = all.filter((e) => e.kinds.includes('incidents'));
  const sources = all.filter((e) => !e.kinds.includes('incidents') && e.kinds.length > 0 && !pointed.has(e.key));
  return ordered(matchNames(sources, targets, (e) => e.key, (s, t) => !lookAlike.has(pairKey(s.key, t.key))));
}

/**
 * Categories that contain or abbreviate another category: the compound or the
 * short form into the plain one. Two with the same words go the rarer into the
 * more common, so a pair is suggested once.
 */
export function categoryMatches(book: NameBook, lookAlike: PairsSeen, pointed: ReadonlySet<string>): NameMatch[] {
  const all = book.entries();
  const sources = all.filter((e) => !pointed.has(e.key));
  const rarer = (s: NameEntry, t: NameEntry) => s.count < t.count || (s.count === t.count && s.key > t.key);
  return ordered(
    matchNames(sources, all, (e) => e.key, (s, t, why) => s !== t && !lookAlike.has(pairKey(s.key, t.key)) && why !== 'part of' && (why !== 'same words' || rarer(s, t))),
  );
}

/** The most used names first; a name's candidates the most used first. */
function ordered(found: Map<NameEntry, Candidate<NameEntry>[]>): NameMatch[] {
  const byUse = (a: NameEntry, b: NameEntry) => b.count - a.count || compareNames(a.display, b.display);
  return [...found]
    .map(([name, candidates]) => ({ name, candidates: candidates.map((c) => ({ entry: c.target, why: c.why })).sort((a, b) => byUse(a.entry, b.entry)) }))
    .sort((a, b) => byUse(a.name, b.name));
}
