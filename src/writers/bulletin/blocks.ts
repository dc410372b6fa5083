import {
  AlignmentType,
  ImageRun,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { BulletinBlock, BulletinCell, BulletinTable } from '../../domain/bulletin/types.js';
import { STYLE, TEXT_WIDTH } from '../official-document.style.js';
import type { ChartImage } from './chart-images.js';

/** Blocks of the bulletin's content as Word paragraphs, tables and pictures. */

/** Text colours of statuses in tables: late in red, at risk in a dark amber that prints legibly. */
const TONE: Partial<Record<NonNullable<BulletinCell['tone']>, string>> = { red: 'C00000', yellow: 'B36B00' };

/** Pixels (docx sizes pictures at 96 per inch) of the type area's width, less a margin. */
const PICTURE_WIDTH = Math.floor(TEXT_WIDTH / 15) - 24;

export function para(style: string, text: string): Paragraph {
  return new Paragraph({ style, text });
}

export function blockElements(
  block: BulletinBlock,
  charts: ReadonlyMap<string, ChartImage>,
): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [para(STYLE.heading, block.text)];
    case 'subheading':
      return [para(STYLE.subheading, block.text)];
    case 'paragraph':
      return [para(STYLE.body, block.text)];
    case 'table':
      return [para(STYLE.caption, block.caption), table(block.table)];
    case 'chart': {
      const image = charts.get(block.chart);
      // A chart that could not be drawn leaves its caption out too: no "图1" over nothing.
      if (!image?.png) return [];
      return [picture(image), para(STYLE.caption, block.caption)];
    }
  }
}

/** The chart as SVG for Word 2016+ and WPS, with the PNG for everything else (and for mammoth). */
function picture(image: ChartImage): Paragraph {
  const width = Math.min(PICTURE_WIDTH, image.width);
  const height = Math.round((image.height * width) / image.width);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    // The text's exact line pitch would clip the picture to one line: this line grows with it.
    spacing: { before: 120, line: 240, lineRule: LineRuleType.AUTO },
    indent: { firstLine: 0 },
    children: [
      new ImageRun({
        type: 'svg',
        data: Buffer.from(image.svg, 'utf8'),
        fallback: { type: 'png', data: image.png! },
        transformation: { width, height },
        altText: { name: image.id, title: image.id, description: image.id },
      }),
    ],
  });
}

function table(t: BulletinTable): Table {
  const total = t.columns.reduce((n, c) => n + c.width, 0);
  const widths = t.columns.map((c) => Math.floor((c.width / total) * TEXT_WIDTH));
  widths[widths.length - 1]! += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  // Narrow columns hold numbers, ranks and statuses: centred.
  const centred = t.columns.map((c) => c.width / total <= 0.12);
  const header = new TableRow({
    // Repeated at the top of every page the table runs onto.
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map((c, i) => cell({ text: c.title }, widths[i]!, true, true)),
  });
  const rows = t.rows.map((cells) => {
    // A row under a spanning cell has one cell less: its columns start one further right.
    const offset = t.columns.length - cells.length;
    return new TableRow({
      cantSplit: true,
      children: cells.map((c, i) => cell(c, widths[i + offset]!, centred[i + offset]!, false)),
    });
  });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...rows],
  });
}

function cell(c: BulletinCell, width: number, centred: boolean, head: boolean): TableCell {
  const color = c.tone ? TONE[c.tone] : undefined;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    ...(c.rowSpan && c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
    children: [
      new Paragraph({
        style: head ? STYLE.headCell : STYLE.cell,
        alignment: centred || head ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [new TextRun({ text: c.text, ...(color ? { color } : {}) })],
      }),
    ],
  });
}
