/** A suggestion to merge one name into another, with the config entry that does it, ready to paste. */
import type { NameEntry } from './names.js';
import type { NameSuggestion, SuggestionReason } from './report.js';

export function suggestion(kind: 'area' | 'category', name: NameEntry, like: NameEntry, why: SuggestionReason, candidates: readonly NameEntry[] = [like]): NameSuggestion {
  const key = kind === 'area' ? 'areaAliases' : 'categoryAliases';
  return {
    kind,
    name: name.display,
    count: name.count,
    like: like.display,
    likeCount: like.count,
    config: `"${key}": { ${JSON.stringify(name.display)}: ${JSON.stringify(like.display)} }`,
    why,
    nameIn: name.kinds,
    likeIn: like.kinds,
    candidates: candidates.map((c) => c.display),
  };
}
