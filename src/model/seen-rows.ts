/**
 * The rows counted so far, to find the same row in another export: by id when
 * both have one, else by content — the same instant, the same two keys (area
 * and category, or area and minutes) and the same text once spaces and case are
 * left aside. Rows are kept by their instant, a number: the text is compared,
 * and tidied, only between rows of the same instant and keys, which are few. A
 * key string per row (time, names and tidied text joined) cost a year's export
 * more than half of the model's time.
 *
 * A row with an id matches by content only a row that had none, so the rows
 * with ids need a place in the index only once a row without one comes: until
 * then they wait in a list. Exports with ids throughout never build it.
 */
import { looseKey } from '../text.js';
import type { RowLocation } from './report-inputs.js';

interface SeenRow {
  /** The order seen: of two rows alike, the first is the one a repeat is of. */
  seq: number;
  instant: number;
  a: string;
  b: string | number;
  text: string;
  /** `text` tidied, made when first compared. */
  loose?: string;
  at: RowLocation;
  hasId: boolean;
}

export interface Repeat {
  at: RowLocation;
  byId: boolean;
}

export class SeenRows {
  private readonly ids = new Map<string, RowLocation>();
  /** By instant: the rows of that instant, in the order seen. */
  private readonly byInstant = new Map<number, SeenRow[]>();
  /** Rows with an id, not yet in `byInstant`. */
  private waiting: SeenRow[] = [];
  private seq = 0;

  /**
   * Where a row was seen before, by id or by content; remembers it when it is new.
   * A row with an id matches by content only a row that had none (two ids that
   * differ are two rows, whatever they say).
   */
  repeatOf(id: string | undefined, instant: number, a: string, b: string | number, text: string, here: RowLocation): Repeat | undefined {
    const idKey = id === undefined ? undefined : id.trim().toLowerCase();
    if (idKey !== undefined) {
      const byId = this.ids.get(idKey);
      if (byId) return { at: byId, byId: true };
      const same = this.first(instant, a, b, text, false);
      if (same) return { at: same.at, byId: false };
      this.ids.set(idKey, here);
      this.waiting.push({ seq: this.seq++, instant, a, b, text, at: here, hasId: true });
      return undefined;
    }
    this.index();
    const same = this.first(instant, a, b, text, true);
    if (same) return { at: same.at, byId: false };
    this.add({ seq: this.seq++, instant, a, b, text, at: here, hasId: false });
    return undefined;
  }

  /** The first row seen with this content; `withIds`: rows that had an id count too. */
  private first(instant: number, a: string, b: string | number, text: string, withIds: boolean): SeenRow | undefined {
    const held = this.byInstant.get(instant);
    if (held === undefined) return undefined;
    let found: SeenRow | undefined;
    for (const row of held) if ((withIds || !row.hasId) && (!found || row.seq < found.seq) && sameContent(row, a, b, text)) found = row;
    return found;
  }

  private index(): void {
    for (const row of this.waiting) this.add(row);
    this.waiting = [];
  }

  private add(row: SeenRow): void {
    const held = this.byInstant.get(row.instant);
    if (held === undefined) this.byInstant.set(row.instant, [row]);
    else held.push(row);
  }
}

function sameContent(row: SeenRow, a: string, b: string | number, text: string): boolean {
  if (row.a !== a || row.b !== b) return false;
  if (row.text === text) return true;
  row.loose ??= looseKey(row.text);
  return row.loose === looseKey(text);
}
