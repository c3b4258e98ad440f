/**
 * Which categories are serious: the rules, in one table, and how a category
 * name is matched against them. Matching is loose: case and diacritics do not
 * count ("Ran" is "Rån"), a rule's words may stand anywhere in the name
 * ("Misshandel, grov", "Grov misshandel", "Rån mot person"), and a Swedish
 * compound is what its last part is ("Bilbrand", "Personrån"), never its first
 * ("Brandlarm" is an alarm). A name with an alarm word in it is an alarm, not
 * the event: "Brand automatlarm", "Brandlarm, obefogat", "Fire alarm".
 */

export interface SeriousRule {
  /** What the report calls the rule. */
  name: string;
  /** Words, or runs of words, that take a name; `*` at the end takes any word it begins: "hotfull*". */
  words: readonly string[];
  /** Whether a compound ending in one of the one-word `words` is taken too: "personrån", "dödshot". */
  compounds?: boolean;
}

/**
 * The default: what Swedish police and municipal exports call serious. Short
 * words are listed in their forms, not as beginnings: "hot*" would take "hotell".
 */
export const SERIOUS_RULES: readonly SeriousRule[] = [
  { name: 'misshandel', words: ['misshandel*', 'överfall*', 'assault*'], compounds: true },
  { name: 'rån', words: ['rån', 'rånet', 'rånen', 'rånförsök*', 'robbery', 'robberies'], compounds: true },
  { name: 'skottlossning', words: ['skottlossning*', 'skjutning*', 'shooting*', 'shots fired'], compounds: true },
  { name: 'explosion', words: ['explosion*', 'detonation*', 'sprängattentat*'], compounds: true },
  { name: 'hot', words: ['hot', 'hotet', 'hoten', 'hotfull*', 'hotelse*', 'threat*'], compounds: true },
  { name: 'våld', words: ['våld', 'våldet', 'våldsam*', 'våldsbrott*', 'våldsverka*', 'violence', 'violent'], compounds: true },
  { name: 'mord/dråp', words: ['mord', 'mordet', 'mordförsök*', 'dråp', 'dråpet', 'dråpförsök*', 'murder*', 'manslaughter', 'homicide*'], compounds: true },
  { name: 'våldtäkt', words: ['våldtäkt*', 'sexualbrott*', 'rape'], compounds: true },
  { name: 'människorov', words: ['människorov*', 'frihetsberövande*', 'kidnappning*', 'kidnapping*'] },
  { name: 'brand', words: ['brand', 'branden', 'bränder', 'bränderna', 'mordbrand*', 'eldsvåda*', 'arson', 'fire', 'fires'], compounds: true },
  { name: 'incident mot personal', words: ['incident mot personal', 'incidenter mot personal', 'incident against staff'] },
];

/** A name with one of these words (or a compound ending in one) is an alarm that went off, not the event itself. */
const ALARM_WORDS: readonly string[] = ['larm', 'alarm'];

/** A compound's first part is a word, not a letter or two: "från" is no compound of "rån". */
const MIN_COMPOUND_PREFIX = 3;

/** Lower case, diacritics dropped (å, ä → a; ö → o): exports that lost their letters still match. */
export function foldName(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function wordsOf(text: string): string[] {
  return foldName(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

interface CompiledRule {
  rule: SeriousRule;
  runs: { words: string[]; prefix: boolean }[];
}

/** Matches category names against a list of rules; what each name came to is kept, as a report asks of few names many times. */
export class SeriousMatcher {
  private readonly compiled: CompiledRule[];
  private readonly exact: Map<string, SeriousRule>;
  private readonly known = new Map<string, SeriousRule | null>();

  /** `exact`: folded names that are taken whatever their words (a config's own entries), with the rule each stands for. */
  constructor(
    readonly rules: readonly SeriousRule[],
    exact: ReadonlyMap<string, SeriousRule> = new Map(),
  ) {
    this.compiled = rules.map((rule) => ({
      rule,
      runs: rule.words.map((w) => {
        const prefix = w.endsWith('*');
        return { words: wordsOf(prefix ? w.slice(0, -1) : w), prefix };
      }),
    }));
    this.exact = new Map([...exact].map(([name, rule]) => [wordsOf(name).join(' '), rule]));
  }

  /** The rule that takes a category name, or undefined when it is not serious. */
  ruleOf(category: string): SeriousRule | undefined {
    let found = this.known.get(category);
    if (found === undefined) {
      found = this.match(wordsOf(category)) ?? null;
      this.known.set(category, found);
    }
    return found ?? undefined;
  }

  private match(words: string[]): SeriousRule | undefined {
    const exact = this.exact.get(words.join(' '));
    if (exact) return exact;
    if (words.some((w) => ALARM_WORDS.some((a) => w === a || isCompoundOf(w, a)))) return undefined;
    return this.compiled.find(({ rule, runs }) => runs.some((run) => hasRun(words, run, rule.compounds === true)))?.rule;
  }
}

function hasRun(words: readonly string[], run: { words: string[]; prefix: boolean }, compounds: boolean): boolean {
  const n = run.words.length;
  if (n === 0) return false;
  for (let i = 0; i + n <= words.length; i++) {
    const ok = run.words.every((w, j) => {
      const word = words[i + j]!;
      const last = j === n - 1;
      if (word === w || (last && run.prefix && word.startsWith(w))) return true;
      return n === 1 && compounds && isCompoundOf(word, w);
    });
    if (ok) return true;
  }
  return false;
}

/** Whether `word` is a Swedish compound whose last part is `head`: "bilbrand" of "brand". */
function isCompoundOf(word: string, head: string): boolean {
  return word.length - head.length >= MIN_COMPOUND_PREFIX && word.endsWith(head);
}

/**
 * The rules of a config's `seriousCategories`, which replace the default: each
 * entry is a rule of its own words (a compound ending in a one-word entry is
 * taken), and a category that is the entry (after aliases) is taken as it is.
 */
export function configuredMatcher(entries: readonly string[], keyOf: (name: string) => string = (n) => n): SeriousMatcher {
  const rules = entries.map((name) => ({ name, words: [name], compounds: true }));
  return new SeriousMatcher(rules, new Map(rules.map((r) => [keyOf(r.name), r])));
}

export const defaultMatcher = (): SeriousMatcher => new SeriousMatcher(SERIOUS_RULES);
