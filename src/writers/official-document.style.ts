import {
  AlignmentType,
  Footer,
  LineRuleType,
  PageNumber,
  Paragraph,
  TextRun,
  type IParagraphStyleOptions,
  type ISectionOptions,
  type IStylesOptions,
} from 'docx';

/**
 * The look of a Chinese official document (公文, after GB/T 9704): A4, the type area set by its
 * margins, the title in 方正小标宋简体, first-level headings in 黑体, text in 仿宋_GB2312, page
 * numbers "— 1 —" in 宋体 outside the type area, odd pages on the right, even on the left.
 * Sizes follow the reform office's report: title 三号 (16 pt), text 四号 (14 pt).
 */

/** Font names as Word and WPS know them; Latin letters and digits in Times New Roman. */
export const FONT = {
  title: '方正小标宋简体',
  heading: '黑体',
  body: '仿宋_GB2312',
  quote: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

/**
 * Where a font is missing — 方正 fonts and the *_GB2312 faces are not installed with Windows 10+ —
 * Word looks the font up by the alternate names in word/fontTable.xml (`w:altName`, a comma
 * list) and by its charset (86 = GB2312); WPS maps the _GB2312 names to its own faces. Without
 * these entries Word substitutes a Latin font and the Chinese text falls back to 宋体 at best.
 */
const FALLBACKS: { name: string; alt: string; family: 'roman' | 'modern' }[] = [
  { name: FONT.title, alt: '黑体,SimHei', family: 'roman' },
  { name: FONT.heading, alt: 'SimHei', family: 'modern' },
  { name: FONT.body, alt: '仿宋,FangSong', family: 'modern' },
  { name: FONT.quote, alt: '楷体,KaiTi', family: 'modern' },
  { name: FONT.pageNumber, alt: 'SimSun', family: 'roman' },
];

/** The fontTable.xml part that declares the fallbacks (passed to Packer as an override). */
export function fontTableXml(): string {
  const fonts = FALLBACKS.map(
    (f) =>
      `<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:charset w:val="86"/>` +
      `<w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`,
  ).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:font w:name="${FONT.latin}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
    `${fonts}</w:fonts>`
  );
}

/** Chinese text in `eastAsia`; the hint makes Word set ambiguous marks (“”、…) in it too. */
export const fonts = (eastAsia: string) => ({
  ascii: FONT.latin,
  hAnsi: FONT.latin,
  cs: FONT.latin,
  eastAsia,
  hint: 'eastAsia',
});

/** Half-points, as Word counts font sizes: 三号 16 pt, 四号 14 pt, 小四 12 pt. */
export const SIZE = { title: 32, body: 28, table: 24 } as const;

/**
 * The sizes a document is set in (half-points) and its fixed line pitch (twips). The report uses
 * SIZE (title 三号, text 四号); a bulletin (通报) sets its title in 二号 and its text in 三号.
 */
export interface TypeSizes {
  title: number;
  body: number;
  table: number;
  line: number;
}

/** Fixed line pitch of the report's text, 28 pt: about 22 lines to the type area, as 公文 are set. */
const REPORT_SIZES: TypeSizes = { ...SIZE, line: 28 * 20 };

export const STYLE = {
  title: 'ReportTitle',
  heading: 'ReportHeading',
  subheading: 'ReportSubheading',
  body: 'ReportBody',
  quote: 'ReportQuote',
  label: 'ReportLabel',
  cell: 'ReportCell',
  headCell: 'ReportHeadCell',
  caption: 'ReportCaption',
} as const;

/** Styles for a document set in `sizes`; indents are counted in characters of its body text. */
export function officialStyles(sizes: TypeSizes): IStylesOptions {
  // One character of body text, in twips (half-points × 10).
  const char = sizes.body * 10;
  const paragraphStyles: IParagraphStyleOptions[] = [
    {
      id: STYLE.title,
      name: 'Report Title',
      basedOn: 'Normal',
      next: STYLE.body,
      run: { font: fonts(FONT.title), size: sizes.title },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { before: sizes.line / 2, after: sizes.line } },
    },
    {
      id: STYLE.heading,
      name: 'Report Heading 1',
      basedOn: 'Normal',
      next: STYLE.body,
      run: { font: fonts(FONT.heading) },
      paragraph: { indent: { firstLine: 2 * char }, keepNext: true, outlineLevel: 0 },
    },
    {
      // 公文 set second-level headings ("（一）") in 楷体.
      id: STYLE.subheading,
      name: 'Report Heading 2',
      basedOn: 'Normal',
      next: STYLE.body,
      run: { font: fonts(FONT.quote) },
      paragraph: { indent: { firstLine: 2 * char }, keepNext: true, outlineLevel: 1 },
    },
    {
      id: STYLE.body,
      name: 'Report Body',
      basedOn: 'Normal',
      paragraph: { indent: { firstLine: 2 * char }, alignment: AlignmentType.JUSTIFIED },
    },
    {
      id: STYLE.quote,
      name: 'Report Quote',
      basedOn: STYLE.body,
      run: { font: fonts(FONT.quote) },
      // The quote hangs under the entry's text: every line two characters in, none further.
      paragraph: { indent: { left: 2 * char, firstLine: 0 } },
    },
    { id: STYLE.label, name: 'Report Label', basedOn: 'Normal', run: { font: fonts(FONT.heading) } },
    {
      id: STYLE.cell,
      name: 'Report Table Text',
      basedOn: 'Normal',
      run: { size: sizes.table },
      paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO } },
    },
    {
      id: STYLE.headCell,
      name: 'Report Table Header',
      basedOn: STYLE.cell,
      run: { font: fonts(FONT.heading) },
      paragraph: { alignment: AlignmentType.CENTER },
    },
    {
      // Figure and table captions: 黑体, the table text's size, centred, kept with what they name.
      id: STYLE.caption,
      name: 'Report Caption',
      basedOn: 'Normal',
      run: { font: fonts(FONT.heading), size: sizes.table },
      paragraph: {
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { before: sizes.line / 4, after: sizes.line / 4, line: 240, lineRule: LineRuleType.AUTO },
      },
    },
  ];
  return {
    default: {
      document: {
        run: { font: fonts(FONT.body), size: sizes.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
        paragraph: { spacing: { line: sizes.line, lineRule: LineRuleType.EXACT } },
      },
    },
    paragraphStyles,
  };
}

export const styles: IStylesOptions = officialStyles(REPORT_SIZES);

/** Millimetres → twips, rounded as Word rounds them (docx's helper truncates: A4 would lose a twip). */
const mm = (v: number) => Math.round((v * 1440) / 25.4);

/** A4 portrait (11906 × 16838 twips); margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm. */
export const PAGE = {
  size: { width: mm(210), height: mm(297) },
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(25) },
} as const;

/** Width of the type area in twips: tables are laid out to it. */
export const TEXT_WIDTH = PAGE.size.width - PAGE.margin.left - PAGE.margin.right;

/** One character of 四号 text in twips: the page number sits one in from the outer edge. */
const CHAR = SIZE.body * 10;

/** "— 1 —": a 一字线 either side, 宋体 四号, one character in from the outer edge. */
function pageNumberFooter(alignment: 'left' | 'right'): Footer {
  const right = alignment === 'right';
  return new Footer({
    children: [
      new Paragraph({
        alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: right ? { right: CHAR } : { left: CHAR },
        spacing: { line: 240, lineRule: LineRuleType.AUTO },
        children: [
          new TextRun({
            font: fonts(FONT.pageNumber),
            size: SIZE.body,
            children: ['— ', PageNumber.CURRENT, ' —'],
          }),
        ],
      }),
    ],
  });
}

/** Page setup and footers of the report's one section (needs evenAndOddHeaderAndFooters). */
export function sectionSetup(): Pick<ISectionOptions, 'properties' | 'footers'> {
  return {
    properties: { page: PAGE },
    footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
  };
}
