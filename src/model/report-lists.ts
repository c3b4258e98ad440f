/** The model's lists: the notable incidents, and the medborgarlöften's follow-up. Part of the model's contract (see report.ts). */

export interface NotableIncident {
  date: string;
  /** `HH:MM`, or null when the export gave no time. */
  time: string | null;
  area: string;
  category: string;
  description: string | null;
  /** 'serious category' or 'flagged' */
  reason: string;
  /** The source the export names (kommunen, medborgare, väktare…); null when it names none. */
  source: string | null;
}

export interface Notable {
  /** Notable incidents of the window: in a serious category, or flagged. */
  total: number;
  /** How many of them `items` lists (the first in time). */
  shown: number;
  /** Incidents of the window in a serious category. */
  serious: number;
  /** Incidents flagged in the export and in no serious category. */
  flagged: number;
  items: NotableIncident[];
  /** The categories of the window taken as serious, as the data spells them, most incidents first. */
  categories: string[];
  /** What serious means here: the names of the rules (the default table's, or the config's entries). */
  rules: string[];
  /** `default`, or `config` when the config's seriousCategories replaced the default. */
  rulesFrom: 'default' | 'config';
}

export interface CommitmentProgress {
  name: string;
  party: 'polis' | 'kommun' | 'båda';
  /** A year's target, what is done so far this year, what the pace would have reached by now, and by the end of the year. */
  target: number;
  done: number;
  expected: number;
  projected: number;
  status: 'reached' | 'on track' | 'behind';
  quotas: CommitmentProgress[];
}

export interface Commitments {
  year: number;
  asOf: string;
  /** Percent of the year gone by asOf. */
  shareOfYear: number;
  items: CommitmentProgress[];
  /** Activities in the log that count towards no promise: a name spelt otherwise, perhaps. */
  unmatched: { name: string; count: number }[];
}
