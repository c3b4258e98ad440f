/**
 * Which column holds what. Headers are matched case-insensitively against Swedish
 * and English aliases; a config file can name any other header for a field.
 */
import type { InputKind } from '../domain.js';
import { ACTIVITY_FIELDS, INCIDENT_FIELDS, PATROL_FIELDS, type FieldOf } from '../fields.js';
import { InputError } from '../errors.js';
import { editDistance, looseKey as normalizeHeader } from '../text.js';

export type { ActivityField, FieldOf, IncidentField, PatrolField } from '../fields.js';

const FIELDS = { incidents: INCIDENT_FIELDS, patrols: PATROL_FIELDS, activities: ACTIVITY_FIELDS } as const;

/** Field name → 0-based column index. */
export type ColumnMap<F extends string> = Partial<Record<F, number>>;

export { looseKey as normalizeHeader } from '../text.js';

/**
 * Maps a file's header row to fields: a header configured for a field wins,
 * then the first header matching one of the field's aliases.
 */
export function mapColumns<K extends InputKind>(
  kind: K,
  headers: readonly string[],
  configured: Partial<Record<string, string>> = {},
): ColumnMap<FieldOf<K>> {
  const normalized = headers.map(normalizeHeader);
  const map: Record<string, number> = {};
  const taken = new Set<number>();
  const fields = FIELDS[kind] as Record<string, readonly string[]>;
  for (const [field, header] of Object.entries(configured)) {
    if (header === undefined) continue;
    const index = normalized.indexOf(normalizeHeader(header));
    if (index >= 0) {
      map[field] = index;
      taken.add(index);
    }
  }
  for (const [field, aliases] of Object.entries(fields)) {
    if (map[field] !== undefined) continue;
    // Aliases are in order of preference: "Kategori" wins over "Typ" wherever each stands.
    for (const alias of aliases) {
      const index = normalized.findIndex((h, i) => !taken.has(i) && h === alias);
      if (index >= 0) {
        map[field] = index;
        taken.add(index);
        break;
      }
    }
  }
  return map as ColumnMap<FieldOf<K>>;
}

export interface ColumnCheck<F extends string> {
  file: string;
  kind: InputKind;
  /** Line of the header row. */
  line: number;
  headers: readonly string[];
  map: ColumnMap<F>;
  required: ReadonlyArray<F | readonly F[]>;
  configured?: Partial<Record<string, string>>;
}

const SHOWN_HEADERS = 30;

/** Throws, naming the file, the missing field, its aliases, the headers found and the one most like it. */
export function requireColumns<F extends string>({ file, kind, line, headers, map, required, configured = {} }: ColumnCheck<F>): void {
  const fields = FIELDS[kind] as Record<string, readonly string[]>;
  const shown = headers.slice(0, SHOWN_HEADERS).map(quote).join(', ') + (headers.length > SHOWN_HEADERS ? ` … and ${headers.length - SHOWN_HEADERS} more` : '');
  const found = `Headers found: ${shown || '(none)'}.`;
  for (const need of required) {
    const options: readonly F[] = typeof need === 'string' ? [need] : need;
    if (options.some((f) => map[f] !== undefined)) continue;
    const named = options.find((f) => configured[f] !== undefined);
    if (named) {
      throw new InputError(
        { file, line },
        `the header "${configured[named]}" that the config gives for ${named} (columns.${kind}.${named}) is not in the file. ${found}`,
      );
    }
    const wanted = options.map((f) => `${f} (${fields[f]!.slice(0, 4).map(quote).join(', ')}…)`).join(' or ');
    const near = nearestHeader(headers, options.flatMap((f) => fields[f]!));
    const field = options[0]!;
    throw new InputError(
      { file, line },
      `missing required column: ${wanted}. ${found}` +
        (near
          ? ` "${near.header}" is close to "${near.alias}": a typing error? To read it as ${field}, add to the config: "columns": { "${kind}": { "${field}": ${JSON.stringify(near.header)} } }`
          : ` Map another header in the config under "columns.${kind}".`),
    );
  }
}

/** The header most like one of the aliases, when it is close enough to be a misspelling. */
function nearestHeader(headers: readonly string[], aliases: readonly string[]): { header: string; alias: string } | undefined {
  let best: { header: string; alias: string; distance: number } | undefined;
  for (const header of headers) {
    const h = normalizeHeader(header);
    for (const alias of aliases) {
      const distance = editDistance(h, alias);
      if (distance <= Math.max(1, Math.floor(alias.length / 4)) && (!best || distance < best.distance)) best = { header, alias, distance };
    }
  }
  return best;
}

const quote = (s: string) => `"${s}"`;
