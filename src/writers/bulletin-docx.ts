import { Document, Packer, Paragraph, Table } from 'docx';
import type { BulletinContent, ChartId } from '../domain/bulletin/types.js';
import { dateText } from '../domain/bulletin/format.js';
import { t } from '../i18n/index.js';
import {
  STYLE,
  fontTableXml,
  officialStyles,
  sectionSetup,
  type TypeSizes,
} from './official-document.style.js';
import { blockElements, para } from './bulletin/blocks.js';
import { renderCharts, type ChartImage } from './bulletin/chart-images.js';
import { chartSpecs } from './bulletin/charts.js';
import { masthead } from './bulletin/masthead.js';
import { xmlSafe, xmlText } from './xml-text.js';

/**
 * The period bulletin (通报) as a Word document laid out as an official document (公文): A4 with
 * the 公文 margins, the title in 方正小标宋简体 二号, the text in 仿宋_GB2312 三号, sections
 * 一、二、…, page numbers "— 1 —" in the footer, optionally the red-headed block (红头). Its
 * content is the locked BulletinContent; only the opening paragraph may differ (the office edits
 * it before publishing). Pictures of the charts are drawn here, from the content's figures.
 */

export interface BulletinDocxOptions {
  /** The opening paragraph as the office wrote it; the content's default when absent or blank. */
  opening?: string | null;
  /** Print the red-headed block (红头). */
  redHead?: boolean;
  /** Left of the line under the masthead (e.g. 三门县改革办); empty when absent. */
  issuer?: string | null;
  /** ISO date right of that line: the day it is issued (defaults to the period's due date). */
  issuedOn?: string | null;
  /** Where to look for a CJK font for the charts (tests); the system's font folders by default. */
  fontFolders?: readonly string[];
}

export interface BulletinDocx {
  bytes: Uint8Array;
  /** What went wrong with the pictures (no CJK font, no rasteriser), in the bulletin's language. */
  warnings: string[];
}

/** 二号 title, 三号 text, 小四 tables; a 29 pt line: 22 lines to the 公文 type area. */
export const BULLETIN_SIZES: TypeSizes = { title: 44, body: 32, table: 24, line: 29 * 20 };

export async function writeBulletinDocx(
  original: BulletinContent,
  opts: BulletinDocxOptions = {},
): Promise<BulletinDocx> {
  // Titles, unit names and the opening come from outside: XML-safe before docx and the charts see them.
  const content = xmlSafe(original);
  const { locale } = content;
  const wanted = content.sections.flatMap((s) =>
    s.blocks.flatMap((b) => (b.kind === 'chart' ? [b.chart] : [])),
  ) as ChartId[];
  const { images, warnings } = await renderCharts(chartSpecs(content, wanted), {
    ...(opts.fontFolders ? { fontFolders: opts.fontFolders } : {}),
  });
  const charts = new Map<string, ChartImage>(images.map((i) => [i.id, i]));

  const opening = opts.opening?.trim() ? xmlText(opts.opening.trim()) : content.defaultOpening;
  const children: (Paragraph | Table)[] = [];
  if (opts.redHead) {
    children.push(
      ...masthead(
        content.masthead,
        xmlText(opts.issuer ?? ''),
        dateText(locale, opts.issuedOn ?? content.asOf),
      ),
    );
  }
  children.push(para(STYLE.title, content.title));
  // The opening may run over several paragraphs: one per line the office typed.
  for (const line of opening.split(/\r?\n/).filter((l) => l.trim()))
    children.push(para(STYLE.body, line.trim()));
  for (const section of content.sections) {
    children.push(para(STYLE.heading, section.heading));
    for (const block of section.blocks) children.push(...blockElements(block, charts));
  }

  const doc = new Document({
    creator: 'reform-ledger',
    title: content.title,
    styles: officialStyles(BULLETIN_SIZES),
    // 公文 put odd page numbers on the right and even ones on the left.
    evenAndOddHeaderAndFooters: true,
    sections: [{ ...sectionSetup(), children }],
  });
  // docx writes an empty font table; ours declares where the 公文 fonts fall back to.
  const bytes = await Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
  return {
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    warnings: warnings.map((w) => t(locale, w.key, w.params ?? {})),
  };
}
