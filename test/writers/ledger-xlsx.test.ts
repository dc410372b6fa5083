import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { plan as sanmen } from '../golden/sanmen-plan.js';
import { normalizeDocument } from '../../src/domain/normalize.js';
import type { Item, Plan } from '../../src/domain/plan.js';
import { itemStatus, type ItemProgress } from '../../src/domain/status/index.js';
import { t, type Locale } from '../../src/i18n/index.js';
import { readDocument } from '../../src/readers/read-document.js';
import { STATUS_FILL, writeLedgerXlsx, type LedgerRow } from '../../src/writers/ledger-xlsx.js';
import { STATUS_COLOR } from '../../src/shared/charts/palette.js';
import { financeItem, makePlan } from '../helpers/plan-factory.js';
import { openXlsx, rowValues } from './open-report.js';

/**
 * The ledger workbook (台账, issue 8) opened with ExcelJS as an office would open it, and read
 * back through the importer: it must give the plan it was written from.
 */

const AS_OF = '2022-06-30';
const OPTS = { asOf: AS_OF, warningDays: 30 };
const EXTRA_HEADERS = ['状态', '下一节点', '最新进展', '指标完成'];

function rows(plan: Plan, progress: (item: Item) => ItemProgress | undefined = () => undefined): LedgerRow[] {
  return plan.items.map((item) => ({ item, rating: itemStatus(item, OPTS, progress(item)) }));
}

function ledgerOf(plan: Plan, locale: Locale = 'zh-CN', asOf = AS_OF): Promise<Uint8Array> {
  return writeLedgerXlsx(
    { title: plan.title, year: plan.year, asOf, columns: plan.columns ?? null, rows: rows(plan) },
    locale,
  );
}

async function reimport(bytes: Uint8Array): Promise<Plan> {
  return normalizeDocument(await readDocument(bytes, 'ledger.xlsx'));
}

/** What the plan says, without where in the file it said it. */
const content = (plan: Plan) => ({
  title: plan.title,
  year: plan.year,
  columns: plan.columns,
  items: plan.items.map(({ sourceRow: _row, ...rest }) => rest),
});

const FIELDS = [
  'number',
  'numberInferred',
  'key',
  'title',
  'section',
  'measures',
  'goalsText',
  'milestones',
  'targets',
  'achievements',
  'units',
  'extra',
] as const;

/** Field by field, so that a difference names the item and the field. */
function expectSamePlan(back: Plan, original: Plan): void {
  expect({ title: back.title, year: back.year, columns: back.columns }).toEqual({
    title: original.title,
    year: original.year,
    columns: original.columns,
  });
  expect(back.items).toHaveLength(original.items.length);
  original.items.forEach((item, i) => {
    for (const field of FIELDS) {
      expect(back.items[i]![field], `item ${item.number} ${field}`).toEqual(item[field]);
    }
  });
}

describe('the Sanmen ledger (.xlsx)', () => {
  let bytes: Uint8Array;
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    bytes = await ledgerOf(sanmen);
    sheet = (await openXlsx(bytes)).worksheets[0]!;
  });

  it("has the plan's own columns, then status, next deadline, latest report and target actuals", () => {
    expect(sanmen.columns?.map((c) => c.header)).toEqual([
      '序号',
      '改革事项',
      '改革举措',
      '主要目标',
      '标志性成果',
      '责任单位',
    ]);
    expect(rowValues(sheet)[2]).toEqual([...sanmen.columns!.map((c) => c.header), ...EXTRA_HEADERS]);
  });

  it('opens with a title row: the plan title, its year and the as-of date', () => {
    const [title, sub] = rowValues(sheet);
    expect(title![0]).toBe('三门县共同富裕“三十”工程改革库');
    expect(sub![0]).toBe('（2022年）');
    expect(sub).toContain('状态截至 2022年6月30日');
  });

  it('writes item 1 as the document has it: 1*, numbered measures, goals verbatim, units lead first', () => {
    const one = rowValues(sheet).find((r) => r[0] === '1*')!;
    expect(one[1]).toBe('“农户家庭资产池”融资模式（小微金融助富改革）');
    expect(String(one[2])).toMatch(/^1\.创新农户资产评估模型。[^\n]*\n2\.深化农户家庭资产池融资机制运用/u);
    expect(one[3]).toBe(sanmen.items[0]!.goalsText);
    expect(one[5]).toBe(
      '台州银保监分局三门监管组、县农业农村局、县自然资源和规划局、县大数据发展中心、县金融中心、人民银行三门支行',
    );
    expect(one[6]).toBe('绿（正常）');
    expect(one[7]).toBe(
      '2022年9月30日\n2022年9月底前，“农户家庭资产池”融资达15亿元以上，全县农户小额信用贷款占农户小额贷款比例持续提升',
    );
    // No reports were given: nothing to say yet.
    expect(one[8] ?? null).toBeNull();
    expect(one[9] ?? null).toBeNull();
  });

  it('freezes the title and header rows and filters from the header down', () => {
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 0, ySplit: 3 });
    expect(sheet.autoFilter).toBe(`A3:J${sheet.rowCount}`);
    expect(sheet.rowCount).toBe(3 + sanmen.items.length);
  });

  it('prints on A3 landscape, one page wide, the title and header rows on every page', () => {
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 8,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:3',
    });
    expect(sheet.headerFooter.oddFooter).toContain('&P');
  });

  it("fills each status cell in the web app's colour, red items in red", () => {
    const statuses = sanmen.items.map((i) => itemStatus(i, OPTS).status);
    expect(statuses.filter((s) => s === 'red').length).toBeGreaterThan(0);
    const hex = (c: string) => `FF${c.slice(1).toUpperCase()}`;
    expect(STATUS_FILL).toEqual({
      red: hex(STATUS_COLOR.red),
      yellow: hex(STATUS_COLOR.yellow),
      green: hex(STATUS_COLOR.green),
      done: hex(STATUS_COLOR.done),
    });
    statuses.forEach((status, i) => {
      const cell = sheet.getRow(4 + i).getCell(7);
      expect(cell.value).toBe(t('zh-CN', `status.${status}`));
      expect(cell.fill).toMatchObject({
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: STATUS_FILL[status] },
      });
    });
    // Item 3 (“证照分离”) was due by the end of June and nothing reports it done: red.
    expect(sheet.getRow(6).getCell(7).fill).toMatchObject({ fgColor: { argb: 'FFD9363E' } });
  });

  it('sizes columns to Chinese text (two units per character) and wraps long cells', () => {
    const widths = sheet.columns.map((c) => c.width ?? 0);
    // 序号 narrow; 改革举措 at its cap of 60; 状态 wide enough for 红（逾期） (5 characters = 10).
    expect(widths[0]).toBeLessThanOrEqual(8);
    expect(widths[2]).toBe(60);
    expect(widths[6]).toBeGreaterThanOrEqual(12);
    expect(sheet.getRow(4).getCell(3).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
  });

  it('imports back as the same plan: items, numbers, key flags, measures, milestones, targets, units', async () => {
    const back = await reimport(bytes);
    expectSamePlan(back, sanmen);
    expect(back.items.map((i) => i.numberText)).toEqual(sanmen.items.map((i) => i.numberText));
    expect(content(back)).toEqual(content(sanmen));
  });

  it('imports back the same plan from the English ledger too', async () => {
    const english = await ledgerOf(sanmen, 'en-US');
    const head = rowValues((await openXlsx(english)).worksheets[0]!)[2];
    expect(head?.slice(-4)).toEqual(['Status', 'Next deadline', 'Latest report', 'Target actuals']);
    expectSamePlan(await reimport(english), sanmen);
  });
});

describe('a plan written as paragraphs, through the ledger', () => {
  const file = 'county-livelihood-half-width.txt';
  let original: Plan;
  let bytes: Uint8Array;
  beforeAll(async () => {
    const text = readFileSync(new URL(`../fixtures/paragraph-plans/${file}`, import.meta.url));
    original = normalizeDocument(await readDocument(new Uint8Array(text), file));
    bytes = await ledgerOf(original);
  });

  it('writes its sections as rows across the table and its roles in words where position cannot', async () => {
    const values = rowValues((await openXlsx(bytes)).worksheets[0]!);
    expect(values[3]).toEqual(Array(8).fill('一、教育文化 / (一)学前教育'));
    const five = values.find((r) => r[1] === '为65周岁以上老年人免费体检2万人次')!;
    expect(five[3]).toBe(
      '牵头单位：县卫生健康局；数据提供单位：县统计局；配合单位：各乡镇人民政府、街道办事处',
    );
  });

  it('imports back as the same plan, the year from the line under the title', async () => {
    expect(original.year).toBe(2023);
    expect(original.items.some((i) => i.units.some((u) => u.label === '数据提供单位'))).toBe(true);
    expectSamePlan(await reimport(bytes), original);
  });
});

describe('formula injection', () => {
  const hostile = makePlan({
    title: "=cmd|' /C calc'!A0",
    items: [
      financeItem({
        title: '@SUM(A1:A9)',
        units: [
          { name: '+1', canonical: '+1', role: 'lead' },
          { name: '县农业农村局', canonical: '县农业农村局', role: 'co' },
        ],
        measures: ['-2+3 启动试点'],
      }),
    ],
    columns: [
      { header: '序号', field: 'number' },
      { header: '改革事项', field: 'title' },
      { header: '改革举措', field: 'measures' },
      { header: '主要目标', field: 'goals' },
      { header: '责任单位', field: 'units' },
    ],
  });

  it('writes text a spreadsheet would run as a formula after an apostrophe, as text', async () => {
    const sheet = (await openXlsx(await ledgerOf(hostile))).worksheets[0]!;
    const cells: ExcelJS.Cell[] = [];
    sheet.eachRow((row) => row.eachCell((c) => cells.push(c)));
    expect(cells.every((c) => c.type !== 8 /* ValueType.Formula */)).toBe(true);
    expect(sheet.getCell('A1').value).toBe("'=cmd|' /C calc'!A0");
    const item = rowValues(sheet)[3]!;
    expect(item.slice(0, 5)).toEqual([
      '1*',
      "'@SUM(A1:A9)",
      "'-2+3 启动试点",
      hostile.items[0]!.goalsText,
      "'+1、县农业农村局",
    ]);
  });

  it('reads the apostrophe back off on import', async () => {
    const back = await reimport(await ledgerOf(hostile));
    expect(back.title).toBe("=cmd|' /C calc'!A0");
    expect(back.items[0]?.title).toBe('@SUM(A1:A9)');
    expect(back.items[0]?.measures).toEqual(['-2+3 启动试点']);
    expect(back.items[0]?.units.map((u) => `${u.name}:${u.role}`)).toEqual(['+1:lead', '县农业农村局:co']);
  });
});

describe('latest report and target actuals', () => {
  it('say the period, the narrative and each actual against its target', async () => {
    const item = sanmen.items[0]!;
    const progress: ItemProgress = { targets: [{ actual: 1_800_000_000, reportedOn: '2022-06-20' }] };
    const bytes = await writeLedgerXlsx(
      {
        title: sanmen.title,
        year: sanmen.year,
        asOf: AS_OF,
        columns: sanmen.columns ?? null,
        rows: [
          {
            item,
            rating: itemStatus(item, OPTS, progress),
            latest: {
              period: '2022-06',
              narrative: '已累计发放“农户家庭资产池”贷款18亿元，\n覆盖全县14个乡镇（街道）。',
            },
            actuals: [1_800_000_000, null],
          },
        ],
      },
      'zh-CN',
    );
    const one = rowValues((await openXlsx(bytes)).worksheets[0]!)[3]!;
    expect(one[8]).toBe('2022年6月：已累计发放“农户家庭资产池”贷款18亿元， 覆盖全县14个乡镇（街道）。');
    expect(one[9]).toBe('“农户家庭资产池”融资：18亿元（目标 达15亿元以上，已完成）');
  });
});

describe('period names', () => {
  it('names a quarter, and a report without a narrative by its period alone', async () => {
    const item = sanmen.items[0]!;
    const bytes = await writeLedgerXlsx(
      {
        title: sanmen.title,
        year: sanmen.year,
        asOf: AS_OF,
        columns: sanmen.columns ?? null,
        rows: [{ item, rating: itemStatus(item, OPTS), latest: { period: '2022Q2', narrative: '  ' } }],
      },
      'zh-CN',
    );
    expect(rowValues((await openXlsx(bytes)).worksheets[0]!)[3]![8]).toBe('2022年第2季度');
  });
});
