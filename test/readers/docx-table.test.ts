import { describe, expect, it } from 'vitest';
import { p, readDocxXml, tbl, tc, texts, tr } from './docx-xml.js';

describe('docx tables', () => {
  it('repeats a gridSpan cell into the grid columns it covers, marked merged', async () => {
    const doc = await readDocxXml({
      body: tbl(
        4,
        tr(tc('序号'), tc('改革事项'), tc('责任单位', { span: 2 })),
        tr(tc('1'), tc('事项'), tc('县发改局'), tc('县财政局')),
        tr(tc('2'), tc('跨两列的事项', { span: 2 }), tc('县农业农村局')),
      ),
    });
    expect(texts(doc)).toEqual([
      ['序号', '改革事项', '责任单位', '责任单位'],
      ['1', '事项', '县发改局', '县财政局'],
      ['2', '跨两列的事项', '跨两列的事项', '县农业农村局'],
    ]);
    const rows = doc.tables[0]!.rows;
    expect(rows[0]![3]).toMatchObject({ merged: true, pos: { row: 1, col: 4 } });
    expect(rows[0]![2]!.merged).toBeUndefined();
    expect(rows[2]![2]).toMatchObject({ text: '跨两列的事项', merged: true, pos: { row: 3, col: 3 } });
  });

  it('copies a vMerge master down into its continuation cells, with the master paragraph', async () => {
    const doc = await readDocxXml({
      body: tbl(
        3,
        tr(tc('序号'), tc('改革事项'), tc('责任单位')),
        tr(tc('1'), tc('事项一'), tc('县发改局', { vMerge: 'restart' })),
        tr(tc('2'), tc('事项二'), tc('', { vMerge: 'continue' })),
        tr(tc('3'), tc('事项三'), tc('', { vMerge: 'continue' })),
        tr(tc('4'), tc('事项四'), tc('县财政局', { vMerge: 'restart' })),
      ),
    });
    expect(texts(doc).map((r) => r[2])).toEqual(['责任单位', '县发改局', '县发改局', '县发改局', '县财政局']);
    const rows = doc.tables[0]!.rows;
    const master = rows[1]![2]!;
    expect(master.merged).toBeUndefined();
    expect(rows[3]![2]).toMatchObject({
      merged: true,
      pos: { row: 4, col: 3, paragraph: master.pos.paragraph },
    });
    expect(rows[4]![2]!.merged).toBeUndefined();
  });

  it('handles vMerge on a spanned cell and rows that skip grid columns (gridBefore)', async () => {
    const gridBefore = '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + tc('b') + tc('c') + '</w:tr>';
    const doc = await readDocxXml({
      body: tbl(
        3,
        tr(tc('a'), tc('目标', { span: 2, vMerge: 'restart' })),
        tr(tc('a2'), tc('', { span: 2, vMerge: 'continue' })),
        gridBefore,
      ),
    });
    expect(texts(doc)).toEqual([
      ['a', '目标', '目标'],
      ['a2', '目标', '目标'],
      ['', 'b', 'c'],
    ]);
    expect(doc.tables[0]!.rows[2]![0]!.merged).toBeUndefined();
  });

  it('reads cell text as Word shows it: paragraphs, tabs, breaks, insertions kept, deletions and hidden text dropped', async () => {
    const runs =
      '<w:r><w:t>目标</w:t><w:tab/><w:t>A</w:t><w:br/><w:t xml:space="preserve">  缩进</w:t></w:r>' +
      '<w:ins w:id="1" w:author="x"><w:r><w:t>（新增）</w:t></w:r></w:ins>' +
      '<w:del w:id="2" w:author="x"><w:r><w:delText>（删除）</w:delText></w:r></w:del>' +
      '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>' +
      '<w:hyperlink r:id="rId1" xmlns:r="r"><w:r><w:t>&amp;链接&#x4E00;</w:t></w:r></w:hyperlink>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const doc = await readDocxXml({
      body: tbl(1, tr(tc(p(runs) + p('') + p('第二段') + p('') + p('')))),
    });
    expect(texts(doc)).toEqual([['目标\tA\n  缩进（新增）&链接一7\n\n第二段']]);
  });

  it('flattens a nested table into its outer cell and reads cells wrapped in content controls', async () => {
    const nested = tbl(2, tr(tc('内1'), tc('内2')), tr(tc('内3'), tc('')));
    const sdtCell = `<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>${tc('控件内')}</w:sdtContent></w:sdt>`;
    const doc = await readDocxXml({
      body: tbl(2, tr(tc(p('外') + nested + p('后')), sdtCell)),
    });
    expect(texts(doc)).toEqual([['外\n内1\n内2\n内3\n\n后', '控件内']]);
    expect(doc.tables).toHaveLength(1);
  });

  it('gives each table the paragraphs before it as preamble, numbers tables and paragraphs', async () => {
    const doc = await readDocxXml({
      body:
        p('附件5') +
        p('') +
        p('三门县改革库') +
        tbl(2, tr(tc('序号'), tc('改革事项')), tr(tc('1'), tc(p('第一段') + p('第二段')))) +
        p('说明') +
        tbl(1, tr(tc('第二张表'))) +
        p('落款'),
    });
    expect(doc.format).toBe('docx');
    expect(doc.source).toBe('hand.docx');
    expect(doc.tables.map((t) => t.preamble)).toEqual([['附件5', '三门县改革库'], ['说明']]);
    expect(doc.tables.map((t) => t.tableIndex)).toEqual([1, 2]);
    expect(doc.paragraphs).toEqual(['附件5', '三门县改革库', '说明', '落款']);
    // Body paragraphs are counted 1-based in document order, table paragraphs included:
    // 附件5=1, ''=2, title=3, 序号=4, 改革事项=5, 1=6, 第一段=7.
    expect(doc.tables[0]!.rows[1]![1]!.pos).toEqual({ row: 2, col: 2, paragraph: 7 });
    expect(doc.tables[1]!.rows[0]![0]!.pos).toEqual({ row: 1, col: 1, paragraph: 10 });
  });
});
