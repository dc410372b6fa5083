import { beforeAll, describe, expect, it } from 'vitest';
import { plan as sanmen } from '../golden/sanmen-plan.js';
import { FINDING_CODES } from '../../src/domain/plan.js';
import { t } from '../../src/i18n/index.js';
import { zhCN } from '../../src/i18n/zh-CN/index.js';
import { enUS } from '../../src/i18n/en-US/index.js';
import { ordinal, writeQualityReportDocx } from '../../src/writers/quality-report.docx.js';
import { makePlan } from '../helpers/plan-factory.js';
import { docxParts, docxText, elements, sections, styleXml } from './open-report.js';

const ZH_HEADING = /^[一二三四五六七八九十]+、.+（\d+ 处）$/;
const codesIn = (p: typeof sanmen) => FINDING_CODES.filter((c) => p.findings.some((f) => f.code === c));

describe('plan-quality report (.docx), zh-CN, for the Sanmen plan', () => {
  let bytes: Uint8Array;
  let text: string;
  let parts: Record<string, string>;
  let bySection: Map<string, string>;
  const section = (code: string) => {
    const name = t('zh-CN', `report.code.${code}`);
    const found = [...bySection].find(([h]) => h.includes(`、${name}（`));
    expect(found, `a section for ${code}`).toBeDefined();
    return found![1];
  };

  beforeAll(async () => {
    bytes = await writeQualityReportDocx(sanmen, 'zh-CN');
    text = await docxText(bytes);
    parts = docxParts(bytes);
    bySection = sections(text, ZH_HEADING);
  });

  it('opens with the title and a summary counting the findings by severity', () => {
    const lines = text.split('\n').filter(Boolean);
    expect(lines[0]).toBe('《三门县共同富裕“三十”工程改革库》规范性检查报告');
    const count = (s: string) => sanmen.findings.filter((f) => f.severity === s).length;
    expect(lines[1]).toContain(`67 项改革事项`);
    expect(lines[1]).toContain(`共发现问题 ${sanmen.findings.length} 处`);
    expect(lines[1]).toContain(
      `错误 ${count('error')} 处、警告 ${count('warning')} 处、提示 ${count('info')} 处`,
    );
  });

  it('has one section per finding code present, numbered 一、二、…, each explained and listing all its findings', () => {
    const codes = codesIn(sanmen);
    expect(codes.length).toBeGreaterThanOrEqual(8);
    const headings = [...bySection.keys()];
    expect(headings).toEqual(
      codes.map(
        (c, i) =>
          `${ordinal(i + 1, 'zh-CN')}、${t('zh-CN', `report.code.${c}`)}（${sanmen.findings.filter((f) => f.code === c).length} 处）`,
      ),
    );
    for (const code of codes) {
      const body = section(code);
      expect(body).toContain(`（问题代码 ${code}）`);
      const entries = body.split('\n').filter((l) => /^\d+\. /.test(l));
      expect(entries, code).toHaveLength(sanmen.findings.filter((f) => f.code === code).length);
    }
  });

  it('quotes the original text: UNIT_ALIAS 县自然资源规划局, BLANK_VALUE on item 30, SEQUENCE_GAP naming 63、64', () => {
    const alias = section('UNIT_ALIAS');
    expect(alias).toMatch(
      /第 10 项“[^\n]+”（责任单位，警告）：责任单位“县自然资源规划局”与“县自然资源和规划局”/,
    );
    expect(alias).toContain('原文：“县自然资源规划局”');

    const blank = section('BLANK_VALUE');
    expect(blank).toContain('第 30 项“完善城乡居民基本养老保险制度”（主要目标，警告）');
    // The blank is two spaces wide in the plan and must stay visible in the quote.
    expect(blank).toContain('参保率达  %”');

    const gap = section('SEQUENCE_GAP');
    expect(gap).toContain('第 65 项');
    expect(gap).toContain('序号从 62 跳到 65，缺少 63、64');
  });

  it('ends with an appendix table by item, its header repeated on every page', () => {
    const appendix = text.slice(text.lastIndexOf('附表'));
    expect(appendix).toContain('问题按事项汇总');
    for (const h of ['序号', '改革事项', '问题数', '问题类型及处数']) expect(appendix).toContain(h);
    // Item 30: its number was inferred (序号缺失) and its target is blank twice.
    expect(sanmen.findings.filter((f) => f.item === 30)).toHaveLength(3);
    expect(appendix).toMatch(/\n30\n+完善城乡居民基本养老保险制度\n+3\n+序号缺失 1 处\n+指标数值空缺 2 处\n/);
    const doc = parts['word/document.xml']!;
    expect(doc).toMatch(/<w:tblHeader\/>/);
    const items = new Set(sanmen.findings.map((f) => f.item));
    expect(elements(doc, 'w:tr')).toHaveLength(items.size + 1);
  });

  it('is set as a 公文: A4, margins 3.7/3.5/2.8/2.6 cm, 仿宋_GB2312 四号 text, 方正小标宋简体 三号 title', () => {
    const doc = parts['word/document.xml']!;
    expect(elements(doc, 'w:pgSz')).toEqual([expect.objectContaining({ w: '11906', h: '16838' })]);
    // Twips: 37 mm = 2098, 35 mm = 1984, 28 mm = 1587, 26 mm = 1474.
    expect(elements(doc, 'w:pgMar')).toEqual([
      expect.objectContaining({ top: '2098', bottom: '1984', left: '1587', right: '1474' }),
    ]);

    const styles = parts['word/styles.xml']!;
    const defaults = styles.slice(styles.indexOf('<w:docDefaults>'), styles.indexOf('</w:docDefaults>'));
    expect(elements(defaults, 'w:rFonts')).toEqual([
      expect.objectContaining({ eastAsia: '仿宋_GB2312', hint: 'eastAsia' }),
    ]);
    expect(elements(defaults, 'w:sz')).toEqual([{ val: '28' }]);
    const title = styleXml(styles, 'ReportTitle');
    expect(elements(title, 'w:rFonts')).toEqual([expect.objectContaining({ eastAsia: '方正小标宋简体' })]);
    expect(elements(title, 'w:sz')).toEqual([{ val: '32' }]);
    expect(elements(styleXml(styles, 'ReportHeading'), 'w:rFonts')).toEqual([
      expect.objectContaining({ eastAsia: '黑体' }),
    ]);
    expect(doc).toContain('<w:pStyle w:val="ReportTitle"/>');
  });

  it('declares where the fonts fall back to (仿宋, FangSong; 黑体, SimHei) in the font table', () => {
    const fonts = parts['word/fontTable.xml']!;
    const fallback = (name: string) =>
      fonts.match(
        new RegExp(`<w:font w:name="${name}"><w:altName w:val="([^"]+)"/><w:charset w:val="86"/>`),
      )?.[1];
    expect(fallback('仿宋_GB2312')).toBe('仿宋,FangSong');
    expect(fallback('方正小标宋简体')).toBe('黑体,SimHei');
    expect(parts['word/_rels/document.xml.rels']).toContain('Target="fontTable.xml"');
  });

  it('numbers the pages in the footer with a PAGE field, odd pages right and even pages left', () => {
    const doc = parts['word/document.xml']!;
    const refs = elements(doc, 'w:footerReference').map((r) => r.type);
    expect(refs.sort()).toEqual(['default', 'even']);
    const footers = Object.keys(parts).filter((p) => /^word\/footer\d+\.xml$/.test(p));
    expect(footers).toHaveLength(2);
    for (const f of footers) expect(parts[f]).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footers.map((f) => elements(parts[f]!, 'w:jc')[0]!.val).sort()).toEqual(['left', 'right']);
    expect(parts['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
  });
});

describe('plan-quality report (.docx), other cases', () => {
  it('is written in English for en-US, messages included, though the plan was parsed in Chinese', async () => {
    const text = await docxText(await writeQualityReportDocx(sanmen, 'en-US'));
    expect(text.split('\n')[0]).toBe('Quality check report on “三门县共同富裕“三十”工程改革库”');
    expect(text).toContain(`${sanmen.findings.length} problems were found`);
    expect(text).toContain('Unit spelled differently (3)');
    expect(text).toContain('Numbering jumps from 62 to 65; missing: 63, 64');
    expect(text).toContain('Original text: “县自然资源规划局”');
    expect(text).toContain('Problems by item');
    // No Chinese word of ours is left: only the plan's own text (titles, quotes) is Chinese.
    for (const zh of ['规范性检查', '问题代码', '原文', '附表', ' 处', '警告', '提示'])
      expect(text).not.toContain(zh);
  });

  it('keeps a stored message when the finding has no params to render it again', async () => {
    const text = await docxText(await writeQualityReportDocx(makePlan(), 'zh-CN'));
    expect(text).toContain('全表（警告）：序号从 3 跳到 5。');
    expect(text).not.toContain('{from}');
  });

  it('says so when there is nothing to report, and has no appendix', async () => {
    const text = await docxText(await writeQualityReportDocx(makePlan({ findings: [] }), 'zh-CN'));
    expect(text).toContain('未发现问题');
    expect(text).not.toContain('附表');
  });

  it('has every report text in both catalogues', () => {
    const keys = (c: Record<string, string>) =>
      Object.keys(c)
        .filter((k) => k.startsWith('report.'))
        .sort();
    expect(keys(enUS)).toEqual(keys(zhCN));
    for (const code of FINDING_CODES) {
      expect(zhCN[`report.code.${code}`]).toBeDefined();
      expect(zhCN[`report.explain.${code}`]).toBeDefined();
    }
  });

  it('numbers sections the Chinese way', () => {
    expect([1, 9, 10, 11, 20, 23].map((n) => ordinal(n, 'zh-CN'))).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '二十',
      '二十三',
    ]);
    expect(ordinal(3, 'en-US')).toBe('3');
  });
});
