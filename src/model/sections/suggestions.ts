/**
 * Names that are probably one place or category written two ways, each with the
 * config entry that merges them: spellings that look alike, then forms of a name
 * (a patrol area that contains, abbreviates or is part of an incident area; a
 * category that contains another). Coverage reads the area matches too.
 */
import { areaMatches, categoryMatches, pairKey, type NameMatch } from '../name-matches.js';
import type { NameBook } from '../names.js';
import type { NameSuggestion } from '../report.js';
import { findLookAlikes } from '../similar-names.js';
import { suggestion } from '../suggest.js';
import type { Section, SectionSetup } from './section.js';

export class MergeSuggestions implements Section<NameSuggestion[]> {
  private made: { suggestions: NameSuggestion[]; areas: NameMatch[] } | undefined;

  constructor(private readonly setup: SectionSetup) {}

  result(): NameSuggestion[] {
    return this.make().suggestions;
  }

  /** Patrol and activity areas that no incident names, with the incident areas they may be. */
  areaMatches(): NameMatch[] {
    return this.make().areas;
  }

  // Made once every file is in, as the books go on learning names until then.
  private make() {
    if (this.made) return this.made;
    const area = this.pass('area', this.setup.areas, areaMatches);
    const category = this.pass('category', this.setup.categories, categoryMatches);
    return (this.made = { suggestions: [...area.suggestions, ...category.suggestions], areas: area.matches });
  }

  private pass(kind: 'area' | 'category', book: NameBook, match: typeof areaMatches) {
    const lookAlikes = findLookAlikes(book);
    const pairs = new Set(lookAlikes.flatMap(({ name, like }) => [pairKey(name.key, like.key), pairKey(like.key, name.key)]));
    const matches = match(book, pairs, new Set(lookAlikes.map((l) => l.name.key)));
    const forms = matches.flatMap(({ name, candidates }) =>
      candidates.map(({ entry, why }) => suggestion(kind, name, entry, why === 'same words' ? 'looks like' : why, candidates.map((c) => c.entry))),
    );
    return { suggestions: [...lookAlikes.map(({ name, like }) => suggestion(kind, name, like, 'looks like')), ...forms], matches };
  }
}
