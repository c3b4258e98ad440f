/**
 * The maps' part of the report model: each area of the map with its counts,
 * matched to the data's names through the same keys and aliases as every
 * other name; the data's areas that the map lacks, listed so none is lost.
 */
import type { AreaMap } from '../../geo/contains.js';
import { localDate } from '../../period.js';
import type { NameBook } from '../names.js';
import type { Change, MapPoint, MapSummary, NamedCount, SwerefPosition } from '../report.js';
import { CURRENT, isCurrent, isOlder, PREVIOUS } from '../windows.js';
import type { IncidentCounts } from './incidents.js';
import type { NotableIncidents } from './notable.js';
import { change, comparable, type CountedRow, type ReportEnd, type Section, type SectionSetup } from './section.js';

/** Reads the counts per area and per category, and the notable incidents' points; none without a map. */
export class MapSection implements Section<MapSummary | null> {
  /** Incidents of the two windows placed by their coordinates, area by key. */
  private readonly placed: { file: string; line: number; area: string }[] = [];
  private readonly positions = { with: 0, without: 0 };

  constructor(
    private readonly setup: SectionSetup,
    private readonly counts: IncidentCounts,
    private readonly notable: NotableIncidents,
  ) {}

  add(row: CountedRow): void {
    if (row.kind !== 'incident' || isOlder(row.window)) return;
    if (row.incident.placed) this.placed.push({ file: row.file, line: row.line, area: row.area });
    if (!isCurrent(row.window)) return;
    if (row.incident.position) this.positions.with++;
    else this.positions.without++;
  }

  result(end: ReportEnd): MapSummary | null {
    const { options, areas, categories, period } = this.setup;
    if (!options.map) return null;
    const { counts, notable } = this;
    const covered = comparable(end, 'incidents');
    return mapSummary({
      map: options.map,
      areas,
      counts: (key) => change(counts.inArea(key, CURRENT), counts.inArea(key, PREVIOUS), covered),
      ranked: counts.rankedAreas(end),
      categories: notable.takenCategories().map((c) => ({ name: categories.display(c.key), count: c.count })),
      points: notable
        .all()
        .filter((n) => n.reason === 'serious category' && n.position)
        .sort((a, b) => a.at - b.at)
        .map((n) => ({ category: categories.display(n.category), area: areas.display(n.area), date: localDate(n.at, period.timeZone), position: n.position! })),
      withPosition: this.positions.with,
      withoutPosition: this.positions.without,
      placed: this.placed.map((p) => ({ ...p, area: areas.display(p.area) })),
    });
  }
}

interface MapInputs {
  map: AreaMap;
  areas: NameBook;
  counts: (key: string) => Change;
  /** The data's areas with incidents in either window, most first. */
  ranked: { key: string; value: NamedCount }[];
  categories: { name: string; count: number }[];
  points: MapPoint[];
  withPosition: number;
  withoutPosition: number;
  placed: MapSummary['placed'];
}

function mapSummary(input: MapInputs): MapSummary {
  const { map, areas } = input;
  // Areas of the map that the aliases make one are one area, drawn with all their polygons and counted once.
  const byKey = new Map<string, { name: string; polygons: AreaMap['areas'][number]['polygons'] }>();
  for (const area of map.areas) {
    const key = areas.keyOf(area.name);
    const known = byKey.get(key);
    if (known) known.polygons = [...known.polygons, ...area.polygons];
    else byKey.set(key, { name: area.name, polygons: area.polygons });
  }
  const drawn = new Set(byKey.keys());
  const mapAreas = [...byKey].map(([key, area]) => ({
    name: areas.displayOr(key, area.name),
    ...input.counts(key),
    // A metre is far finer than print, and keeps a detailed export's JSON small.
    polygons: area.polygons.map((polygon) => polygon.map((ring) => ring.map(([e, n]) => [Math.round(e), Math.round(n)] as SwerefPosition))),
  }));
  return {
    source: map.source,
    crs: map.crs,
    areas: mapAreas,
    unmapped: input.ranked.filter((r) => !drawn.has(r.key)).map((r) => r.value),
    categories: input.categories.map((c) => ({ ...c, withPosition: input.points.filter((p) => p.category === c.name).length })),
    points: input.points.map((p) => ({ ...p, position: [Math.round(p.position[0]), Math.round(p.position[1])] })),
    withPosition: input.withPosition,
    withoutPosition: input.withoutPosition,
    placed: input.placed,
  };
}
