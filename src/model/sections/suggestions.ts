/** Names that look like another, each with the config entry that merges them: for the appendix. */
import type { NameSuggestion } from '../report.js';
import { suggestMerges } from '../similar-names.js';
import type { Section, SectionSetup } from './section.js';

export class MergeSuggestions implements Section<NameSuggestion[]> {
  constructor(private readonly setup: SectionSetup) {}

  result(): NameSuggestion[] {
    return [...suggestMerges('area', this.setup.areas), ...suggestMerges('category', this.setup.categories)];
  }
}
