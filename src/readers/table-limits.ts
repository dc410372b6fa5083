import { InputError } from '../domain/errors.js';

/**
 * Bounds on the grids readers build. Every reader pads short rows to the table's width so
 * that column n of every row sits under header n; that is an amplifier: one wide row (a CSV
 * line of commas, a Word cell with `w:gridSpan="99999"`, a spreadsheet cell at XFD1) times
 * many short rows asks for rows × width cells from a file of a few kilobytes. So the grid is
 * measured before it is padded, and refused when it is larger than any plan could be.
 *
 * A county's reform library has a few hundred items in 6–12 columns (a few thousand cells);
 * the limits leave a hundredfold margin.
 */

/** Word itself draws at most 63 columns; Excel's sheets have 16 384. */
export const MAX_TABLE_COLUMNS = 1000;
/** Cells in all tables of one document, counted after padding. */
export const MAX_TABLE_CELLS = 500_000;

/** Counts cells against the document's budget; throws `error.table_too_large` past it. */
export class CellBudget {
  private used = 0;

  constructor(
    private readonly file: string,
    private readonly limit: number = MAX_TABLE_CELLS,
  ) {}

  take(cells: number): void {
    this.used += cells;
    if (this.used > this.limit) {
      throw new InputError('error.table_too_large', { limit: this.limit }, { file: this.file });
    }
  }
}

/**
 * The longest row's length. Written as a loop: `Math.max(...rows.map(…))` passes every row as
 * an argument and overflows the stack past ~100 000 rows.
 */
export function widest(rows: readonly { length: number }[], atLeast = 0): number {
  let width = atLeast;
  for (const r of rows) if (r.length > width) width = r.length;
  return width;
}

/** Refuses a grid of `rows` × `width` before it is padded into existence. */
export function checkGrid(rows: number, width: number, file: string): void {
  new CellBudget(file).take(rows * width);
}

/** `push(...items)` passes each item as an argument, which overflows the stack for long arrays. */
export function pushAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
