import { describe, expect, it } from 'vitest';
import { abstractNum, lvl, num, p, readDocxXml, tbl, tc, texts, tr } from './docx-xml.js';

describe('docx auto-numbering', () => {
  it('restarts a list whose w:num has a startOverride, and continues one without', async () => {
    const doc = await readDocxXml({
      numbering: abstractNum(1, lvl({ text: '%1.' })) + num(1, 1) + num(2, 1, 1) + num(3, 1) + num(4, 1, 5),
      body:
        p('甲', { numId: 1 }) +
        p('乙', { numId: 1 }) +
        p('丙', { numId: 2 }) +
        p('丁', { numId: 2 }) +
        // numId 3 shares abstract 1 with numId 1 and overrides nothing: it continues numId 1.
        p('戊', { numId: 3 }) +
        p('己', { numId: 4 }),
    });
    expect(doc.paragraphs).toEqual(['1.甲', '2.乙', '1.丙', '2.丁', '3.戊', '5.己']);
  });

  it('keeps two interleaved lists apart (chineseCounting "一、" and "（1）")', async () => {
    const doc = await readDocxXml({
      numbering:
        abstractNum(1, lvl({ fmt: 'chineseCounting', text: '%1、' })) +
        abstractNum(2, lvl({ fmt: 'decimal', text: '（%1）' })) +
        num(1, 1) +
        num(2, 2),
      body:
        p('总体要求', { numId: 1 }) +
        p('指导思想', { numId: 2 }) +
        p('主要任务', { numId: 1 }) +
        p('工作目标', { numId: 2 }) +
        p('保障措施', { numId: 1 }),
    });
    expect(doc.paragraphs).toEqual([
      '一、总体要求',
      '（1）指导思想',
      '二、主要任务',
      '（2）工作目标',
      '三、保障措施',
    ]);
  });

  it('renders multi-level text and resets deeper levels when a shallower one advances', async () => {
    const doc = await readDocxXml({
      numbering:
        abstractNum(
          1,
          lvl({ ilvl: 0, text: '%1.' }),
          lvl({ ilvl: 1, text: '%1.%2' }),
          lvl({ ilvl: 2, fmt: 'lowerLetter', text: '%3)' }),
        ) + num(1, 1),
      body:
        p('A', { numId: 1, ilvl: 0 }) +
        p('A1', { numId: 1, ilvl: 1 }) +
        p('A2', { numId: 1, ilvl: 1 }) +
        p('A2a', { numId: 1, ilvl: 2 }) +
        p('A2b', { numId: 1, ilvl: 2 }) +
        p('B', { numId: 1, ilvl: 0 }) +
        p('B1', { numId: 1, ilvl: 1 }) +
        p('B1a', { numId: 1, ilvl: 2 }),
    });
    expect(doc.paragraphs).toEqual(['1.A', '1.1 A1', '1.2 A2', 'a)A2a', 'b)A2b', '2.B', '2.1 B1', 'a)B1a']);
  });

  it('honours lvlRestart 0 (never restart) and isLgl (shallower levels as decimals)', async () => {
    const doc = await readDocxXml({
      numbering:
        abstractNum(
          1,
          lvl({ ilvl: 0, fmt: 'chineseCounting', text: '第%1章' }),
          lvl({ ilvl: 1, text: '%1.%2', isLgl: true, restart: 0 }),
        ) + num(1, 1),
      body:
        p('x', { numId: 1, ilvl: 0 }) +
        p('y', { numId: 1, ilvl: 1 }) +
        p('z', { numId: 1, ilvl: 0 }) +
        p('w', { numId: 1, ilvl: 1 }),
    });
    expect(doc.paragraphs).toEqual(['第一章 x', '1.1 y', '第二章 z', '2.2 w']);
  });

  it('takes numPr from the paragraph style, through basedOn, and numId 0 switches it off', async () => {
    const doc = await readDocxXml({
      styles:
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
        '<w:style w:type="paragraph" w:styleId="ItemList"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="ItemListBold"><w:basedOn w:val="ItemList"/></w:style>' +
        '<w:style w:type="paragraph" w:styleId="SubItem"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>',
      numbering:
        abstractNum(
          3,
          lvl({ ilvl: 0, fmt: 'ideographTraditional', text: '%1、' }),
          lvl({ ilvl: 1, fmt: 'decimalEnclosedCircle', text: '%2', pStyle: 'SubItem' }),
        ) + num(7, 3),
      body:
        p('plain') +
        p('first', { style: 'ItemList' }) +
        p('second', { style: 'ItemListBold' }) +
        p('sub', { style: 'SubItem' }) +
        p('not numbered', { style: 'ItemList', numId: 0 }) +
        p('third', { style: 'ItemList' }),
    });
    expect(doc.paragraphs).toEqual(['plain', '甲、first', '乙、second', '①sub', 'not numbered', '丙、third']);
  });

  it('counts a list through body paragraphs and table cells in document order, and flags autoNumbered cells', async () => {
    const doc = await readDocxXml({
      numbering:
        abstractNum(1, lvl({ text: '%1', suff: 'nothing' })) +
        abstractNum(2, lvl({ fmt: 'bullet', text: '•' })) +
        num(1, 1) +
        num(2, 2),
      body:
        p('附件5') +
        tbl(
          2,
          tr(tc('序号'), tc('改革事项')),
          tr(tc(p('', { numId: 1 })), tc('事项一')),
          tr(tc(p('', { numId: 1 })), tc(p('要点', { numId: 2 }))),
        ) +
        p('', { numId: 1 }),
    });
    const rows = doc.tables[0]!.rows;
    expect(texts(doc)).toEqual([
      ['序号', '改革事项'],
      ['1', '事项一'],
      ['2', '要点'],
    ]);
    expect(rows[1]![0]!.autoNumbered).toBe(true);
    expect(rows[1]![1]!.autoNumbered).toBeUndefined();
    // A bullet is drawn, not counted: no generated number, nothing flagged.
    expect(rows[2]![1]!.autoNumbered).toBeUndefined();
    // The body paragraph after the table is item 3 of the same list.
    expect(doc.paragraphs).toEqual(['附件5', '3']);
  });

  it('draws the number formats Chinese plans use', async () => {
    const formats: [string, string, number, string][] = [
      ['chineseCountingThousand', '%1、', 12, '十二、'],
      ['chineseLegalSimplified', '%1、', 3, '叁、'],
      ['decimalEnclosedCircleChinese', '%1', 2, '②'],
      ['decimalFullWidth', '%1．', 7, '７．'],
      ['upperRoman', '%1.', 4, 'IV.'],
      ['lowerRoman', '(%1)', 9, '(ix)'],
      ['upperLetter', '%1.', 28, 'BB.'],
      ['decimalZero', '%1.', 5, '05.'],
    ];
    const numbering = formats
      .map(([fmt, text, start], i) => abstractNum(i + 1, lvl({ fmt, text, start })) + num(i + 1, i + 1))
      .join('');
    const body = formats.map((_f, i) => p('x', { numId: i + 1 })).join('');
    const doc = await readDocxXml({ numbering, body });
    expect(doc.paragraphs).toEqual(formats.map(([, , , want]) => `${want}x`));
  });

  it('ignores numbering references that lead nowhere', async () => {
    const doc = await readDocxXml({
      numbering: abstractNum(1, lvl({ text: '%1.' })) + num(1, 1),
      body:
        p('unknown num', { numId: 99 }) + p('no numbering part at all is fine too', { numId: 1, ilvl: 5 }),
    });
    // Level 5 is not defined in abstract 1: no number rather than a made-up one.
    expect(doc.paragraphs).toEqual(['unknown num', 'no numbering part at all is fine too']);
    const bare = await readDocxXml({ body: p('x', { numId: 1 }) });
    expect(bare.paragraphs).toEqual(['x']);
  });
});
