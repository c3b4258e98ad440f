/** The summary's "what rose most": the areas and categories with the largest rise since the previous window. */
import { compareNames } from '../../text.js';
import type { NamedCount, Summary } from '../report.js';
import type { IncidentCounts } from './incidents.js';
import type { ReportEnd, Section } from './section.js';

export class RisingSummary implements Section<Summary> {
  constructor(private readonly counts: IncidentCounts) {}

  result(end: ReportEnd): Summary {
    return {
      risingAreas: risers(this.counts.rankedAreas(end).map((a) => a.value)),
      risingCategories: risers(this.counts.rankedCategories(end).map((c) => c.value)),
    };
  }
}

/** Up to three that rose, most first; none when the windows are not compared. */
function risers(items: readonly NamedCount[]): NamedCount[] {
  return items
    .filter((i): i is NamedCount & { change: number } => i.change !== null && i.change > 0)
    .sort((a, b) => b.change - a.change || b.count - a.count || compareNames(a.name, b.name))
    .slice(0, 3);
}
