import { Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalAlignTable, WidthType } from 'docx';
import type { Plan } from '../domain/plan.js';
import { t, type Locale } from '../i18n/index.js';
import { STYLE, TEXT_WIDTH, fontTableXml, sectionSetup, styles } from './official-document.style.js';
import {
  buildReportModel,
  codeName,
  whereLabel,
  type CodeGroup,
  type ItemGroup,
  type ReportModel,
} from './quality-report.model.js';
import { xmlSafe } from './xml-text.js';

/**
 * The plan-quality report (规范性检查报告) as a Word document the office can send to the units:
 * a title, a summary with the counts, one section per finding code (一、二、…) listing every
 * finding with its item and the original text quoted, and an appendix table by item.
 * Pure: the plan and the locale in, the bytes of the .docx out; every word from the catalogues.
 */
export async function writeQualityReportDocx(plan: Plan, locale: Locale): Promise<Uint8Array> {
  const model = buildReportModel(xmlSafe(plan), locale);
  const title = t(locale, 'report.title', { title: model.title });
  const doc = new Document({
    creator: 'reform-ledger',
    title,
    styles,
    // 公文 put odd page numbers on the right and even ones on the left.
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        ...sectionSetup(),
        children: [
          para(STYLE.title, title),
          para(STYLE.body, summary(model, locale)),
          ...model.byCode.flatMap((g, i) => codeSection(g, i + 1, locale)),
          ...appendix(model.byItem, locale),
        ],
      },
    ],
  });
  // docx writes an empty font table; ours declares where the 公文 fonts fall back to.
  const bytes = await Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function para(style: string, text: string, extra: { pageBreakBefore?: boolean } = {}): Paragraph {
  return new Paragraph({ style, text, ...extra });
}

function summary(m: ReportModel, locale: Locale): string {
  if (m.total === 0) return t(locale, 'report.summary.none', { title: m.title, items: m.items });
  return t(locale, 'report.summary', {
    title: m.title,
    items: m.items,
    total: m.total,
    errors: m.bySeverity.error,
    warnings: m.bySeverity.warning,
    infos: m.bySeverity.info,
    codes: m.byCode.length,
    affected: m.byItem.filter((g) => g.item !== null).length,
  });
}

/** 一、单位名称不统一（3 处）, what the code means, then each finding and its quote. */
function codeSection(g: CodeGroup, n: number, locale: Locale): Paragraph[] {
  const out = [
    para(
      STYLE.heading,
      t(locale, 'report.section', {
        n: ordinal(n, locale),
        name: codeName(locale, g.code),
        count: g.findings.length,
      }),
    ),
    para(
      STYLE.body,
      t(locale, 'report.explain', { text: t(locale, `report.explain.${g.code}`), code: g.code }),
    ),
  ];
  g.findings.forEach((r, i) => {
    const f = r.finding;
    const params = {
      n: i + 1,
      where: whereLabel(locale, r),
      severity: t(locale, `severity.${f.severity}`),
      // The entry ends with its own full stop.
      message: r.message.replace(/[。．.]$/u, ''),
    };
    out.push(
      para(
        STYLE.body,
        f.field
          ? t(locale, 'report.entry', { ...params, field: t(locale, `field.${f.field}`) })
          : t(locale, 'report.entry.noField', params),
      ),
    );
    if (f.excerpt) out.push(para(STYLE.quote, t(locale, 'report.quote', { text: f.excerpt })));
  });
  return out;
}

/** 附表 on a page of its own: one row per item with findings, the header repeated on every page. */
function appendix(groups: ItemGroup[], locale: Locale): (Paragraph | Table)[] {
  if (groups.length === 0) return [];
  // Number, count: narrow; title and kinds share the rest of the type area.
  const widths = [900, 0, 1000, 3300];
  widths[1] = TEXT_WIDTH - widths[0]! - widths[2]! - widths[3]!;
  const header = ['number', 'title', 'count', 'codes'].map((k) => t(locale, `report.col.${k}`));
  const rows = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: header.map((h, i) => cell([h], widths[i]!, true)),
    }),
    ...groups.map(
      (g) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell([g.item === null ? t(locale, 'report.where.plan') : String(g.item)], widths[0]!),
            cell([g.title], widths[1]!),
            cell([String(g.findings.length)], widths[2]!),
            cell(
              Object.entries(g.counts).map(([code, count]) =>
                t(locale, 'report.codeCount', { name: t(locale, `report.code.${code}`), count }),
              ),
              widths[3]!,
            ),
          ],
        }),
    ),
  ];
  return [
    para(STYLE.label, t(locale, 'report.appendix'), { pageBreakBefore: true }),
    para(STYLE.title, t(locale, 'report.appendix.title')),
    new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, rows }),
  ];
}

function cell(lines: string[], width: number, head = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    children: lines.map((text) => para(head ? STYLE.headCell : STYLE.cell, text)),
  });
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Section numbers: 一、二、… 十一 in Chinese; 1, 2, … otherwise. */
export function ordinal(n: number, locale: Locale): string {
  if (locale !== 'zh-CN' || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = DIGITS[n % 10]!;
  if (tens === 0) return ones;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones}`;
}
