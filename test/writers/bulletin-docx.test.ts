import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBulletin } from '../../src/domain/bulletin/build-bulletin.js';
import type { BulletinContent } from '../../src/domain/bulletin/types.js';
import { writeBulletinDocx } from '../../src/writers/bulletin-docx.js';
import { findCjkFont } from '../../src/writers/bulletin/cjk-font.js';
import { juneInput, UNITS } from '../helpers/bulletin-plan.js';
import { docxParts, docxText, elements, styleXml } from './open-report.js';

/**
 * The bulletin as Word opens it: the text through mammoth, the layout from the package's parts
 * (page setup, fonts, the page number field, the header rows, the pictures).
 */

const OPENING = '为压实改革责任，现将2022年6月全县改革推进情况通报如下。';
const PNG = [0x89, 0x50, 0x4e, 0x47];

describe('bulletin .docx of the synthetic June 2022 plan, red-headed', () => {
  let content: BulletinContent;
  let bytes: Uint8Array;
  let warnings: string[];
  let text: string;
  let parts: Record<string, string>;

  beforeAll(async () => {
    content = buildBulletin(juneInput());
    ({ bytes, warnings } = await writeBulletinDocx(content, {
      opening: OPENING,
      redHead: true,
      issuer: '三门县改革办',
      issuedOn: '2022-06-28',
    }));
    text = await docxText(bytes);
    parts = docxParts(bytes);
  }, 60_000);

  it('reads as the bulletin: masthead, title, the office opening, sections 一 to 七 in order', () => {
    const lines = text.split('\n').filter(Boolean);
    expect(lines.slice(0, 4)).toEqual([
      '三门县改革工作通报',
      '三门县改革办\t2022年6月28日',
      '关于2022年6月三门县共同富裕“三十”工程改革库推进情况的通报',
      OPENING,
    ]);
    const headings = lines.filter((l) => /^[一二三四五六七]、/.test(l));
    expect(headings).toEqual(content.sections.map((s) => s.heading));
    expect(text).not.toContain(content.defaultOpening);
  });

  it('prints the status engine numbers', () => {
    expect(text).toContain(
      '截至2022年6月25日，三门县共同富裕“三十”工程改革库共有改革事项 6 项，其中已完成 2 项、进展正常 1 项、预警 1 项、逾期 2 项。',
    );
    expect(text).toContain('应完成时间节点 3 个（共 8 个），已完成 2 个，完成率 66.7%，逾期未完成 1 个');
  });

  it('lists every late item under its lead unit in the late items table', () => {
    const from = text.indexOf('表1  逾期和预警事项（按牵头单位）');
    const to = text.indexOf('六、晾晒排名');
    const table = text.slice(from, to).split('\n').filter(Boolean);
    for (const unit of content.lateByUnit) {
      const at = table.indexOf(unit.name);
      expect(at, unit.name).toBeGreaterThan(0);
      const next = content.lateByUnit
        .map((u) => table.indexOf(u.name))
        .filter((i) => i > at)
        .reduce((a, b) => Math.min(a, b), table.length);
      for (const item of unit.items) {
        const row = table.indexOf(item.title);
        expect(row, `${item.title} under ${unit.name}`).toBeGreaterThan(at);
        expect(row).toBeLessThan(next);
      }
    }
    expect(table).toContain(
      '逾期节点：2022年5月底前，出台水稻完全成本保险试点方案；风险：保险公司尚未确定承保方案',
    );
  });

  it('sets the page up as a 公文: A4, margins 37/35/28/26 mm, page numbers "— n —" in the footers', () => {
    const doc = parts['word/document.xml']!;
    expect(elements(doc, 'w:pgSz')[0]).toMatchObject({ w: '11906', h: '16838' });
    expect(elements(doc, 'w:pgMar')[0]).toMatchObject({
      top: '2098',
      bottom: '1984',
      left: '1587',
      right: '1474',
    });
    const footers = Object.entries(parts).filter(([p]) => /^word\/footer\d+\.xml$/.test(p));
    expect(footers.length).toBeGreaterThanOrEqual(2);
    for (const [, xml] of footers) {
      expect(xml).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>|<w:fldSimple[^>]*PAGE/);
      expect(xml).toContain('— ');
    }
    expect(parts['word/settings.xml']).toContain('<w:evenAndOddHeaders');
  });

  it('sets the text in 仿宋_GB2312 三号 and the title in 方正小标宋简体 二号, with fallbacks declared', () => {
    const styles = parts['word/styles.xml']!;
    const defaults = styles.slice(styles.indexOf('<w:docDefaults>'), styles.indexOf('</w:docDefaults>'));
    expect(elements(defaults, 'w:rFonts')[0]).toMatchObject({ eastAsia: '仿宋_GB2312' });
    expect(elements(defaults, 'w:sz')[0]).toMatchObject({ val: '32' });
    const title = styleXml(styles, 'ReportTitle');
    expect(elements(title, 'w:rFonts')[0]).toMatchObject({ eastAsia: '方正小标宋简体' });
    expect(elements(title, 'w:sz')[0]).toMatchObject({ val: '44' });
    expect(elements(styleXml(styles, 'ReportHeading'), 'w:rFonts')[0]).toMatchObject({ eastAsia: '黑体' });
    const fontTable = parts['word/fontTable.xml']!;
    expect(fontTable).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="黑体,SimHei"/>');
    expect(fontTable).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋,FangSong"/>');
  });

  it('draws the red-headed block: the masthead in red 方正小标宋, a red rule under the issuer line', () => {
    const doc = parts['word/document.xml']!;
    const head = doc.slice(0, doc.indexOf('三门县改革办'));
    expect(head).toContain('三门县改革工作通报');
    expect(elements(head, 'w:color').map((c) => c.val)).toContain('E60012');
    expect(elements(head, 'w:rFonts').map((f) => f.eastAsia)).toContain('方正小标宋简体');
    expect(elements(doc, 'w:bottom').some((b) => b.color === 'E60012')).toBe(true);
  });

  it('repeats the header row of every table on each page', () => {
    const doc = parts['word/document.xml']!;
    const tables = doc.split('<w:tbl>').length - 1;
    expect(tables).toBe(3); // late items, scoreboard, late reporters
    expect(doc.split('<w:tblHeader/>').length - 1).toBe(tables);
  });

  it('embeds the two charts as PNG (with SVG for Word 2016+), non-empty', () => {
    const media = Object.entries(unzipSync(bytes)).filter(([p]) => p.startsWith('word/media/'));
    const pngs = media.filter(([p]) => p.endsWith('.png'));
    expect(pngs).toHaveLength(2);
    for (const [, data] of pngs) {
      expect([...data.slice(0, 4)]).toEqual(PNG);
      expect(data.length).toBeGreaterThan(5_000);
    }
    expect(media.filter(([p]) => p.endsWith('.svg'))).toHaveLength(2);
    expect(text).toContain('图1  各期改革事项状态（项）');
    expect(text).toContain('图2  各牵头单位事项状态（项）');
    expect(warnings).toEqual(findCjkFont() ? [] : [expect.stringContaining('未找到中文字体')]);
  });

  it('draws the charts from the same figures as the text: unit names in the SVG', () => {
    const all = Object.entries(parts)
      .filter(([p]) => p.endsWith('.svg'))
      .map(([, s]) => s)
      .join('');
    for (const u of Object.values(UNITS)) expect(all).toContain(u.name);
    expect(all).toContain('2022年6月');
  });
});

describe('bulletin .docx without the red-headed block, and without a CJK font', () => {
  it('starts at the title, uses the default opening, and still has its pictures with a warning', async () => {
    const content = buildBulletin(juneInput());
    const { bytes, warnings } = await writeBulletinDocx(content, { fontFolders: [] });
    const text = await docxText(bytes);
    expect(text.split('\n').filter(Boolean).slice(0, 2)).toEqual([content.title, content.defaultOpening]);
    expect(text).not.toContain('三门县改革工作通报');
    expect(warnings).toEqual([expect.stringContaining('未找到中文字体')]);
    const pngs = Object.entries(unzipSync(bytes)).filter(([p]) => /^word\/media\/.*\.png$/.test(p));
    expect(pngs).toHaveLength(2);
  }, 60_000);
});
