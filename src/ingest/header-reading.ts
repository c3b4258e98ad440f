/**
 * A file's header row → the column of each field, and how each was found. When
 * the headers leave a field that content could fill, the first rows (as many as
 * the sniffer's sample holds) are read to tell the columns by what they hold.
 * A file still missing a required column fails, naming everything at once.
 */
import type { InputKind } from '../domain.js';
import { InputError } from '../errors.js';
import { REQUIRED_ACTIVITY_COLUMNS } from './activities.js';
import { contentCouldHelp, doubtsOf, profileColumns, readByContent, whatItHolds, type ColumnProfile, type ContentReading } from './column-content.js';
import { type ColumnMap, type ColumnMatch, duplicateHeaders, type HeaderReading, ignoredColumns, matchHeaders, toColumnMap } from './columns.js';
import { REQUIRED_INCIDENT_COLUMNS } from './incidents.js';
import { requireColumns } from './missing-columns.js';
import { REQUIRED_PATROL_COLUMNS } from './patrols.js';
import { SAMPLE_BYTES } from './sample.js';
import type { SourceLayout } from './source.js';
import { sourceOf } from './sources.js';
import type { DateOrder } from './times.js';

export interface HeaderOptions {
  /** Field → header, from the config. */
  configured?: Partial<Record<string, string>>;
  timeZone: string;
  dateOrder?: DateOrder;
  /** There is a map to place incidents on by their coordinates. */
  withMap: boolean;
}

export interface HeaderRead {
  columns: ColumnMap<string>;
  reading: HeaderReading;
}

export async function readHeader(layout: SourceLayout, kind: InputKind, headers: string[], line: number, options: HeaderOptions): Promise<HeaderRead> {
  const matched = matchHeaders(kind, headers, options.configured);
  let content: ContentReading = { matches: [], offers: {} };
  const holds = new Map<number, string>();
  let profiles: ColumnProfile[] = [];
  if (contentCouldHelp(kind, matched)) {
    const rows = await sampleRows(layout, line);
    profiles = profileColumns(kind, headers, new Set(matched.map((m) => m.column)), rows, options.timeZone, options.dateOrder);
    content = readByContent(kind, matched, profiles);
    for (const p of profiles) {
      const held = whatItHolds(p);
      if (held) holds.set(p.column, held);
    }
  }
  const matches: ColumnMatch[] = [...matched, ...content.matches];
  const columns = toColumnMap(matches);
  requireColumns({ file: layout.file, kind, line, headers, matches, required: requiredColumns(kind, columns, options.withMap), configured: options.configured, offers: content.offers });
  return { columns, reading: { matches, ignored: ignoredColumns(kind, headers, matches, holds), doubts: [...duplicateHeaders(headers, matches), ...doubtsOf(kind, matches, profiles)] } };
}

const REQUIRED = { incidents: REQUIRED_INCIDENT_COLUMNS, patrols: REQUIRED_PATROL_COLUMNS, activities: REQUIRED_ACTIVITY_COLUMNS };

/** An incident export with coordinates needs no area column when there is a map to find each area on. */
function requiredColumns(kind: InputKind, columns: ColumnMap<string>, withMap: boolean): ReadonlyArray<string | readonly string[]> {
  const placeable = (columns.northing !== undefined && columns.easting !== undefined) || (columns.latitude !== undefined && columns.longitude !== undefined);
  return kind === 'incidents' && placeable && withMap ? REQUIRED.incidents.filter((c) => c !== 'area') : REQUIRED[kind];
}

/** The records after the header, up to about as much text as the sniffer's sample; what cannot be read is left to the read of the rows to say. */
async function sampleRows(layout: SourceLayout, headerLine: number): Promise<string[][]> {
  const rows: string[][] = [];
  let chars = 0;
  try {
    await sourceOf(layout).records(layout, (fields, line) => {
      if (line <= headerLine) return true;
      rows.push(fields);
      chars += fields.reduce((n, f) => n + f.length + 1, 0);
      return chars < SAMPLE_BYTES;
    });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
  }
  return rows;
}
