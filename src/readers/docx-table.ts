import type { RawCell } from '../domain/raw-table.js';
import { cleanCellText } from './cell-text.js';
import { CellBudget, MAX_TABLE_COLUMNS, pushAll, widest } from './table-limits.js';
import { child, childVal, children, type XmlNode } from './xml.js';

/**
 * Lays a `w:tbl` out on its grid. Word stores a row as the cells it has, not the grid
 * columns they cover: a cell spanning two columns (`w:gridSpan`) is one `w:tc`, a cell
 * merged with the one above (`w:vMerge`) is an empty `w:tc` that only says "continue", and a
 * row may start or end with skipped grid columns (`w:gridBefore`/`w:gridAfter`).
 *
 * Every grid position gets a RawCell, so that column n of every row sits under header n.
 * A spanned or vertically merged position repeats the text of the cell it belongs to, with
 * `merged: true` and the master's paragraph, so the domain can read any column without
 * knowing about merges and can still tell a copy from a cell that was typed.
 *
 * The counts Word stores (`gridSpan`, `gridBefore`) are taken as claims: a span of 99999 or
 * a negative one would otherwise allocate or index at will. Positions stop at
 * MAX_TABLE_COLUMNS, and the grid's cells are counted against the document's budget.
 */

/** The content of one cell, rendered by the document walker (which owns numbering order). */
export interface CellContent {
  text: string;
  autoNumbered: boolean;
  /** Body index of the cell's first paragraph. */
  paragraph?: number;
}

export type RenderCell = (tc: XmlNode) => CellContent;

interface Slot {
  content: CellContent;
  merged: boolean;
}

export function layOutTable(tbl: XmlNode, render: RenderCell, budget: CellBudget): RawCell[][] {
  const gridWidth = Math.min(children(child(tbl, 'tblGrid'), 'gridCol').length, MAX_TABLE_COLUMNS);
  const grid: (Slot | undefined)[][] = [];
  let laid = 0;

  for (const tr of rowsOf(tbl)) {
    const trPr = child(tr, 'trPr');
    if (child(trPr, 'del')) continue; // a tracked deletion of the whole row
    const above = grid[grid.length - 1] ?? [];
    const row: (Slot | undefined)[] = [];
    let col = count(childVal(trPr, 'gridBefore'), 0, MAX_TABLE_COLUMNS);

    for (const tc of cellsOf(tr)) {
      const tcPr = child(tc, 'tcPr');
      const span = count(childVal(tcPr, 'gridSpan'), 1, MAX_TABLE_COLUMNS - col);
      const vMerge = child(tcPr, 'vMerge');
      const continues = vMerge !== undefined && (vMerge.attrs['val'] ?? 'continue') === 'continue';
      // Legacy horizontal merge: a cell that continues the one to its left.
      const hMerge = child(tcPr, 'hMerge');
      const continuesLeft = hMerge !== undefined && (hMerge.attrs['val'] ?? 'continue') === 'continue';
      // Render even a continuation cell: its paragraphs still take part in numbering.
      const own = render(tc);

      for (let k = 0; k < span; k++, col++) {
        if (continues) {
          const master = above[col];
          row[col] = master ? { content: master.content, merged: true } : { content: own, merged: false };
        } else if (continuesLeft && row[col - 1]) {
          row[col] = { content: row[col - 1]!.content, merged: true };
        } else {
          row[col] = { content: own, merged: k > 0 };
        }
      }
    }
    grid.push(row);
    // Counted as it grows, so a table of a million rows stops at the limit, not after it.
    budget.take(row.length);
    laid += row.length;
  }

  const width = widest(grid, gridWidth);
  budget.take(grid.length * width - laid);
  return grid.map((row, ri) => {
    const cells: RawCell[] = [];
    for (let ci = 0; ci < width; ci++) {
      const slot = row[ci];
      const pos = { row: ri + 1, col: ci + 1 };
      if (!slot) {
        cells.push({ text: '', pos });
        continue;
      }
      const cell: RawCell = {
        text: slot.content.text,
        pos: slot.content.paragraph === undefined ? pos : { ...pos, paragraph: slot.content.paragraph },
      };
      if (slot.content.autoNumbered) cell.autoNumbered = true;
      if (slot.merged) cell.merged = true;
      cells.push(cell);
    }
    return cells;
  });
}

/** A whole number of grid columns from an attribute, within [min, max]; min when absent or not a number. */
function count(value: string | undefined, min: number, max: number): number {
  const n = Math.trunc(Number(value));
  if (!Number.isFinite(n) || n < min) return Math.min(min, Math.max(max, 0));
  return Math.min(n, max);
}

/** Rows may be wrapped in content controls or custom XML. */
function rowsOf(tbl: XmlNode): XmlNode[] {
  return unwrap(tbl, 'tr');
}

function cellsOf(tr: XmlNode): XmlNode[] {
  return unwrap(tr, 'tc');
}

function unwrap(node: XmlNode, tag: string): XmlNode[] {
  const out: XmlNode[] = [];
  for (const c of node.children) {
    if (c.tag === tag) out.push(c);
    else if (c.tag === 'sdt') pushAll(out, unwrap(child(c, 'sdtContent') ?? c, tag));
    else if (c.tag === 'customXml') pushAll(out, unwrap(c, tag));
  }
  return out;
}

/**
 * A nested table has no column of its own in the outer grid, so its text is flattened into
 * the outer cell: one line per nested cell paragraph, row by row.
 */
export function nestedTableLines(tbl: XmlNode, renderLines: (tc: XmlNode) => string[]): string[] {
  const lines: string[] = [];
  for (const tr of rowsOf(tbl)) {
    if (child(child(tr, 'trPr'), 'del')) continue;
    for (const tc of cellsOf(tr)) pushAll(lines, renderLines(tc));
  }
  return lines;
}

export function finishCellText(lines: string[]): string {
  return cleanCellText(lines.join('\n'));
}
