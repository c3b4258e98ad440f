import type { InputKind } from '../domain.js';
import { ConfigError } from '../errors.js';
import { looseKey as nameKey, tidy } from '../text.js';

/**
 * Area and category names as the sources spell them. Names that differ only in
 * case, surrounding or repeated whitespace are one name; config aliases merge
 * or rename. A name is shown as the data spells it most often, or as its alias says.
 */

export { looseKey as nameKey } from '../text.js';

/** Bounds the cache for a file with a million different names (free text in an area column). */
const MAX_REMEMBERED = 100_000;

const KIND_ORDER: readonly InputKind[] = ['incidents', 'patrols', 'activities'];

export interface NameEntry {
  key: string;
  display: string;
  count: number;
  kinds: InputKind[];
}

export class NameBook {
  /** key of an alias → the name it stands for, as written in the config */
  private readonly aliases = new Map<string, string>();
  /** key of a configured target name → that name: config spelling wins */
  private readonly fixed = new Map<string, string>();
  private readonly spellings = new Map<string, Map<string, number>>();
  /** Raw text as it came → its tidy spelling and key: exports repeat a few names a million times. */
  private readonly seen = new Map<string, { spelling: string; key: string }>();
  /** key → the kinds of export whose rows name it: a patrol area that no incident names is worth a word. */
  private readonly kinds = new Map<string, Set<InputKind>>();

  /** `configKey` names the aliases in messages, e.g. "areaAliases". */
  constructor(aliases: Readonly<Record<string, string>> = {}, configKey = 'aliases') {
    const direct = new Map<string, { from: string; to: string }>();
    for (const [from, to] of Object.entries(aliases)) {
      const earlier = direct.get(nameKey(from));
      if (earlier && nameKey(earlier.to) !== nameKey(to)) {
        throw new ConfigError(`${configKey}: "${earlier.from}" and "${from}" are the same name but point to "${earlier.to}" and "${to}"`);
      }
      direct.set(nameKey(from), { from, to: tidy(to) });
    }
    // Follow chains (a → b, b → c) to their end, so a name is never shown that the config renames.
    for (const [key, { from, to }] of direct) {
      let target = to;
      const visited = new Set([key]);
      for (let next = direct.get(nameKey(target)); next; next = direct.get(nameKey(target))) {
        const renameOnly = nameKey(next.to) === nameKey(target);
        target = next.to;
        if (renameOnly) break;
        if (visited.has(nameKey(target))) throw new ConfigError(`${configKey}: "${from}" leads round in a circle`);
        visited.add(nameKey(target));
      }
      this.aliases.set(key, target);
      this.fixed.set(nameKey(target), target);
    }
  }

  /** Records one occurrence of a spelling, in a row of `kind`, and returns the key it groups under. */
  see(name: string, times = 1, kind?: InputKind): string {
    let known = this.seen.get(name);
    if (!known) {
      const spelling = tidy(name);
      known = { spelling, key: this.keyOf(spelling) };
      if (this.seen.size < MAX_REMEMBERED) this.seen.set(name, known);
    }
    let counts = this.spellings.get(known.key);
    if (!counts) this.spellings.set(known.key, (counts = new Map()));
    counts.set(known.spelling, (counts.get(known.spelling) ?? 0) + times);
    if (kind) {
      let kinds = this.kinds.get(known.key);
      if (!kinds) this.kinds.set(known.key, (kinds = new Set()));
      kinds.add(kind);
    }
    return known.key;
  }

  keyOf(name: string): string {
    const known = this.seen.get(name);
    if (known) return known.key;
    const key = nameKey(name);
    const alias = this.aliases.get(key);
    return alias === undefined ? key : nameKey(alias);
  }

  /** The configured spelling, else the most frequent one; ties go to the first in code-point order, so row order never matters. */
  display(key: string): string {
    const fixed = this.fixed.get(key);
    if (fixed !== undefined) return fixed;
    let best: [string, number] | undefined;
    for (const entry of this.spellings.get(key) ?? []) {
      if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
    }
    return best ? best[0] : key;
  }

  /** As display(), but `fallback` for a name neither the data nor the config spells. */
  displayOr(key: string, fallback: string): string {
    return this.fixed.has(key) || this.spellings.has(key) ? this.display(key) : fallback;
  }

  /** The kinds of export that name `key`, in the order incidents, patrols, activities. */
  kindsOf(key: string): InputKind[] {
    const kinds = this.kinds.get(key);
    return kinds ? KIND_ORDER.filter((k) => kinds.has(k)) : [];
  }

  /** Every name seen, with how many rows used it in any spelling, and the kinds of export that name it. */
  entries(): NameEntry[] {
    return [...this.spellings].map(([key, counts]) => ({ key, display: this.display(key), count: [...counts.values()].reduce((a, b) => a + b, 0), kinds: this.kindsOf(key) }));
  }
}
