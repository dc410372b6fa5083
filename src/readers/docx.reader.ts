import type { RawDocument, RawTable } from '../domain/raw-table.js';
import { ListCounter, parseNumberingDefs, type RenderedNumber } from './docx-numbering.js';
import { layOutTable, nestedTableLines, finishCellText, type CellContent } from './docx-table.js';
import { paragraphNumbering, paragraphText } from './docx-text.js';
import { CellBudget, pushAll } from './table-limits.js';
import { child, parseXml, rootElement, type XmlNode } from './xml.js';

/**
 * Reads a .docx body into tables and paragraphs. The parts come already unpacked (and
 * size-checked) from the zip guard; this module only knows WordprocessingML.
 *
 * Paragraph numbering (`pos.paragraph`) counts every `w:p` of the body in document order,
 * those inside tables included, 1-based: it is where the text is, for messages. Auto numbers
 * are computed in the same single pass, since a list's count runs through tables and body
 * paragraphs alike.
 */

export interface DocxParts {
  /** word/document.xml */
  document: string;
  /** word/numbering.xml, when the document has lists */
  numbering?: string;
  /** word/styles.xml */
  styles?: string;
}

interface RenderedParagraph {
  text: string;
  numbered: boolean;
  index: number;
}

/** Throws a plain Error on XML that is not a WordprocessingML document; the caller maps it. */
export function readDocx(parts: DocxParts, source: string): RawDocument {
  const body = child(rootElement(parseXml(parts.document), 'document'), 'body');
  if (!body) throw new Error('word/document.xml has no w:body');
  const lists = new ListCounter(parseNumberingDefs(parts.numbering, parts.styles));
  const walker = new BodyWalker(lists, new CellBudget(source));
  walker.walkBlocks(body);
  return { source, format: 'docx', tables: walker.tables, paragraphs: walker.paragraphs };
}

class BodyWalker {
  readonly tables: RawTable[] = [];
  readonly paragraphs: string[] = [];
  private preamble: string[] = [];
  private paragraphIndex = 0;

  constructor(
    private readonly lists: ListCounter,
    private readonly budget: CellBudget,
  ) {}

  /** Body-level content: paragraphs, tables, and the wrappers that may hold either. */
  walkBlocks(container: XmlNode): void {
    for (const node of container.children) {
      if (node.tag === 'p') {
        const text = this.renderParagraph(node).text.trim();
        if (text) {
          this.preamble.push(text);
          this.paragraphs.push(text);
        }
      } else if (node.tag === 'tbl') {
        const rows = layOutTable(node, (tc) => this.renderCell(tc), this.budget);
        this.tables.push({ rows, preamble: this.preamble, tableIndex: this.tables.length + 1 });
        this.preamble = [];
      } else if (node.tag === 'sdt') {
        this.walkBlocks(child(node, 'sdtContent') ?? node);
      } else if (node.tag === 'customXml' || node.tag === 'ins' || node.tag === 'moveTo') {
        this.walkBlocks(node);
      }
    }
  }

  private renderCell(tc: XmlNode): CellContent {
    const state = { numbered: false, first: undefined as number | undefined };
    const lines = this.cellLines(tc, state);
    const content: CellContent = { text: finishCellText(lines), autoNumbered: state.numbered };
    if (state.first !== undefined) content.paragraph = state.first;
    return content;
  }

  private cellLines(container: XmlNode, state: { numbered: boolean; first?: number }): string[] {
    const lines: string[] = [];
    for (const node of container.children) {
      if (node.tag === 'p') {
        const p = this.renderParagraph(node);
        state.first ??= p.index;
        if (p.numbered) state.numbered = true;
        lines.push(p.text);
      } else if (node.tag === 'tbl') {
        pushAll(
          lines,
          nestedTableLines(node, (tc) => this.cellLines(tc, state)),
        );
      } else if (node.tag === 'sdt') {
        pushAll(lines, this.cellLines(child(node, 'sdtContent') ?? node, state));
      } else if (node.tag === 'customXml') {
        pushAll(lines, this.cellLines(node, state));
      }
    }
    return lines;
  }

  private renderParagraph(p: XmlNode): RenderedParagraph {
    const index = ++this.paragraphIndex;
    const text = paragraphText(p);
    const number = this.lists.next(paragraphNumbering(p));
    if (!number || number.label === '') return { text, numbered: false, index };
    return { text: number.label + separator(number, text) + text, numbered: true, index };
  }
}

/**
 * What stands between a drawn number and the text. Word puts a tab (or a space) there;
 * a tab would read as a column break in exports, so a marker that ends in punctuation or is
 * a symbol ("1." "一、" "（1）" "①") is joined directly, as people type it, and one that ends
 * in a letter or digit ("1", "a", "第一章") gets a space so it does not run into the text.
 */
function separator(number: RenderedNumber, text: string): string {
  if (text === '' || number.suffix === 'nothing') return '';
  return /[\p{L}\p{Nd}]$/u.test(number.label) ? ' ' : '';
}
