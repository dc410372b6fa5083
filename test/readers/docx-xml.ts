/** Tiny WordprocessingML writers for hand-made test documents: readable, and exact. */
import { readDocument } from '../../src/readers/read-document.js';
import type { RawDocument } from '../../src/domain/raw-table.js';
import { zipDocxXml, type DocxXmlParts } from '../fixtures/build-fixtures.js';

export interface POpts {
  numId?: number;
  ilvl?: number;
  style?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A paragraph with one run; `text` may hold raw run XML when it starts with "<". */
export function p(text: string, o: POpts = {}): string {
  const numPr =
    o.numId === undefined && o.ilvl === undefined
      ? ''
      : `<w:numPr>${o.ilvl === undefined ? '' : `<w:ilvl w:val="${o.ilvl}"/>`}${
          o.numId === undefined ? '' : `<w:numId w:val="${o.numId}"/>`
        }</w:numPr>`;
  const style = o.style ? `<w:pStyle w:val="${o.style}"/>` : '';
  const pPr = style || numPr ? `<w:pPr>${style}${numPr}</w:pPr>` : '';
  const runs = text.startsWith('<')
    ? text
    : text
      ? `<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`
      : '';
  return `<w:p>${pPr}${runs}</w:p>`;
}

export interface TcOpts {
  span?: number;
  vMerge?: 'restart' | 'continue';
}

/** A cell; `content` is paragraph XML, or plain text made into one paragraph. */
export function tc(content: string, o: TcOpts = {}): string {
  const span = o.span ? `<w:gridSpan w:val="${o.span}"/>` : '';
  const vMerge = o.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : o.vMerge ? '<w:vMerge/>' : '';
  const tcPr = span || vMerge ? `<w:tcPr>${span}${vMerge}</w:tcPr>` : '';
  const body = content.startsWith('<w:') ? content : p(content);
  return `<w:tc>${tcPr}${body}</w:tc>`;
}

export function tr(...cells: string[]): string {
  return `<w:tr>${cells.join('')}</w:tr>`;
}

export function tbl(gridCols: number, ...rows: string[]): string {
  const grid = `<w:tblGrid>${'<w:gridCol w:w="1000"/>'.repeat(gridCols)}</w:tblGrid>`;
  return `<w:tbl><w:tblPr/>${grid}${rows.join('')}</w:tbl>`;
}

export interface LvlOpts {
  ilvl?: number;
  start?: number;
  fmt?: string;
  text: string;
  suff?: 'tab' | 'space' | 'nothing';
  restart?: number;
  isLgl?: boolean;
  pStyle?: string;
}

export function lvl(o: LvlOpts): string {
  return (
    `<w:lvl w:ilvl="${o.ilvl ?? 0}"><w:start w:val="${o.start ?? 1}"/><w:numFmt w:val="${o.fmt ?? 'decimal'}"/>` +
    (o.restart === undefined ? '' : `<w:lvlRestart w:val="${o.restart}"/>`) +
    (o.pStyle ? `<w:pStyle w:val="${o.pStyle}"/>` : '') +
    (o.isLgl ? '<w:isLgl/>' : '') +
    (o.suff ? `<w:suff w:val="${o.suff}"/>` : '') +
    `<w:lvlText w:val="${o.text}"/></w:lvl>`
  );
}

export function abstractNum(id: number, ...levels: string[]): string {
  return `<w:abstractNum w:abstractNumId="${id}">${levels.join('')}</w:abstractNum>`;
}

/** `restartAt` writes `w:lvlOverride/w:startOverride` for level 0, as Word does for "restart at". */
export function num(numId: number, abstractId: number, restartAt?: number): string {
  const override =
    restartAt === undefined
      ? ''
      : `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="${restartAt}"/></w:lvlOverride>`;
  return `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${override}</w:num>`;
}

export async function readDocxXml(parts: DocxXmlParts, name = 'hand.docx'): Promise<RawDocument> {
  return readDocument(zipDocxXml(parts), name);
}

/** The texts of a table's rows. */
export function texts(doc: RawDocument, table = 0): string[][] {
  return doc.tables[table]!.rows.map((r) => r.map((c) => c.text));
}
