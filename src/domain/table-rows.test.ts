import { describe, expect, it } from 'vitest';
import { normalizeDocument } from './normalize.js';
import type { RawCell, RawDocument } from './raw-table.js';

/**
 * A table plan as a spreadsheet 台账 holds it: a title, sometimes a year line under it, the
 * plan's columns and, beside them, columns the office fills in each month.
 */

const doc = (...rows: string[][]): RawDocument => ({
  source: 'ledger.xlsx',
  format: 'xlsx',
  paragraphs: [],
  tables: [
    {
      tableIndex: 1,
      preamble: [],
      rows: rows.map((cells, r) =>
        cells.map((text, c): RawCell => ({ text, pos: { row: r + 1, col: c + 1 } })),
      ),
    },
  ],
});

const HEADER = ['序号', '改革事项', '主要目标', '责任单位'];
const ITEM = ['1*', '“农户家庭资产池”融资模式', '9月底前，融资达15亿元以上', '县金融中心、县农业农村局'];

describe('a 台账 with progress columns', () => {
  it('reads the plan and leaves the progress columns out of it', () => {
    const plan = normalizeDocument(
      doc(
        ['三门县共同富裕“三十”工程改革库（2022年）台账'],
        [...HEADER, '状态', '进展情况', '下一节点'],
        [...ITEM, '红（逾期）', '已完成融资12亿元', '2022年9月30日'],
      ),
    );
    expect(plan.columns?.map((c) => c.header)).toEqual(HEADER);
    const [item] = plan.items;
    expect(item?.extra).toBeUndefined();
    expect(item?.key).toBe(true);
    expect(item?.milestones.map((m) => m.deadline)).toEqual(['2022-09-30']);
    expect(item?.units.map((u) => `${u.name}:${u.role}`)).toEqual(['县金融中心:lead', '县农业农村局:co']);
  });

  it('keeps a column it does not know (备注) as before', () => {
    const plan = normalizeDocument(doc([...HEADER, '备注'], [...ITEM, '省级试点']));
    expect(plan.items[0]?.extra).toEqual({ 备注: '省级试点' });
  });
});

describe('a year line under the title', () => {
  it('gives the plan year when the title has none, and is not the title', () => {
    const plan = normalizeDocument(
      doc(['共同富裕重点任务分解方案'], ['（2023年）', '（2023年）', '状态截至 2023年6月30日'], HEADER, ITEM),
    );
    expect(plan.title).toBe('共同富裕重点任务分解方案');
    expect(plan.year).toBe(2023);
    expect(plan.items[0]?.milestones.map((m) => m.deadline)).toEqual(['2023-09-30']);
  });

  it('yields to the year in the title', () => {
    const plan = normalizeDocument(doc(['2022年改革任务清单'], ['2023年度'], HEADER, ITEM));
    expect(plan.title).toBe('2022年改革任务清单');
    expect(plan.year).toBe(2022);
  });
});
