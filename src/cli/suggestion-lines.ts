/**
 * Suggestions in words, for generate's warnings and validate: one line a name,
 * with every name it may mean and the config line for each. A name that fits
 * two is said to fit two, never merged by us.
 */
import type { InputKind } from '../domain.js';
import type { NameSuggestion, SuggestionReason } from '../model/report.js';

const VERB: Record<SuggestionReason, string> = { 'looks like': 'looks like', contains: 'contains', abbreviates: 'abbreviates', 'part of': 'is part of' };

/** `count` words a number of rows: `12 rows` in validate, `12` in the log. */
export function suggestionLines(list: readonly NameSuggestion[], count: (n: number) => string): string[] {
  const lines: string[] = [];
  for (let i = 0; i < list.length; ) {
    const first = list[i]!;
    let j = i + 1;
    while (j < list.length && list[j]!.kind === first.kind && list[j]!.name === first.name) j++;
    lines.push(line(list.slice(i, j), count));
    i = j;
  }
  return lines;
}

function line(group: readonly NameSuggestion[], count: (n: number) => string): string {
  const s = group[0]!;
  const what = s.kind === 'area' && !s.nameIn.includes('incidents') && s.nameIn.length > 0 ? `${s.nameIn.map(kindWord).join(' and ')} area` : s.kind;
  const relations: string[] = [];
  for (const why of new Set(group.map((g) => g.why))) {
    const these = group.filter((g) => g.why === why);
    const names = these.map((g) => `"${g.like}" (${g.likeCount})`);
    relations.push(`${VERB[why]} ${why === 'looks like' ? '' : object(s, these.length)}${[names.slice(0, -1).join(', '), names.at(-1)].filter(Boolean).join(' and ')}`);
  }
  const head = `${what} "${s.name}" (${count(s.count)}) ${relations.join(' and ')}`;
  if (group.length === 1) return `${head}; to count them as one, add to the config: ${s.config}`;
  return `${head}: it is not clear which it means, so add to the config the one it does: ${group.map((g) => g.config).join(' or ')}`;
}

/** "the incident area ", "the categories ": what the name is set beside. */
function object(s: NameSuggestion, n: number): string {
  const noun = s.kind === 'category' ? (n === 1 ? 'category' : 'categories') : `${s.likeIn.includes('incidents') ? 'incident ' : ''}${n === 1 ? 'area' : 'areas'}`;
  return `the ${noun} `;
}

function kindWord(kind: InputKind): string {
  return kind === 'patrols' ? 'patrol' : kind === 'activities' ? 'activity' : 'incident';
}
