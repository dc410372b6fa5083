import { describe, expect, it } from 'vitest';
import { classifyHeader, findHeader, headersSeen, type ColumnRole } from './columns.js';
import type { RawCell } from './raw-table.js';

const row = (r: number, ...texts: string[]): RawCell[] =>
  texts.map((text, c) => ({ text, pos: { row: r, col: c + 1 } }));
/** The fields a header row maps to, "units:lead" for unit columns. */
const fields = (rows: RawCell[][]) =>
  findHeader(rows)?.columns.map((c) => (c.role.field === 'units' ? `units:${c.role.role}` : c.role.field));

describe('classifyHeader: synonyms', () => {
  it.each<[string, ColumnRole]>([
    // seed header (Sanmen 2022)
    ['序号', { field: 'number' }],
    ['改革事项', { field: 'title' }],
    ['改革举措', { field: 'measures' }],
    ['主要目标', { field: 'goals' }],
    ['标志性成果', { field: 'achievements' }],
    ['责任单位', { field: 'units', role: 'mixed' }],
    // design synonyms
    ['编号', { field: 'number' }],
    ['改革任务', { field: 'title' }],
    ['重点任务', { field: 'title' }],
    ['任务名称', { field: 'title' }],
    ['具体举措', { field: 'measures' }],
    ['工作举措', { field: 'measures' }],
    ['主要举措', { field: 'measures' }],
    ['目标任务', { field: 'goals' }],
    ['时间节点', { field: 'goals' }],
    ['完成时限', { field: 'goals' }],
    ['预期成果', { field: 'achievements' }],
    ['工作成果', { field: 'achievements' }],
    ['牵头单位', { field: 'units', role: 'lead' }],
    ['配合单位', { field: 'units', role: 'co' }],
    ['责任部门', { field: 'units', role: 'mixed' }],
    // other spellings offices use
    ['序 号', { field: 'number' }],
    ['No.', { field: 'number' }],
    ['牵头部门', { field: 'units', role: 'lead' }],
    ['协同单位', { field: 'units', role: 'co' }],
    ['完成时间', { field: 'goals' }],
    ['进度安排', { field: 'goals' }],
    ['年度目标', { field: 'goals' }],
    ['工作措施', { field: 'measures' }],
    ['改革项目', { field: 'title' }],
    ['成果形式', { field: 'achievements' }],
    ['主要目标\n（时间节点）', { field: 'goals' }],
  ])('%j', (header, role) => {
    expect(classifyHeader(header)).toEqual(role);
  });

  it.each([
    '备注',
    '分管领导',
    '分管县领导',
    '责任领导',
    '所属领域',
    '',
    '2022年9月底前，“农户家庭资产池”融资达15亿元以上',
  ])('%j is not a known column', (header) => {
    expect(classifyHeader(header)).toBeNull();
  });
});

describe('classifyHeader: columns that report progress are not the plan', () => {
  it.each([
    '状态',
    '当前状态',
    '进展情况',
    '最新进展',
    '工作进展',
    '推进情况',
    '完成情况',
    '目标完成情况',
    '落实情况',
    '完成进度',
    '下一节点',
    '下一时间节点',
    '指标完成',
    'Status',
    'Next deadline',
    'Latest report',
    'Target actuals',
  ])('%j', (header) => {
    expect(classifyHeader(header)).toEqual({ field: 'progress' });
  });

  it.each<[string, ColumnRole]>([
    // Plan columns that only mention progress keep their meaning: the whole header must say it.
    ['进度安排', { field: 'goals' }],
    ['时间节点', { field: 'goals' }],
    ['完成时限', { field: 'goals' }],
    ['目标任务', { field: 'goals' }],
  ])('%j stays a plan column', (header, role) => {
    expect(classifyHeader(header)).toEqual(role);
  });

  it('a progress column does not make a row a header, nor count towards one', () => {
    expect(findHeader([row(1, '序号', '状态', '进展情况')])).toBeNull();
    const rows = [
      row(1, '序号', '改革事项', '主要目标', '责任单位', '状态', '下一节点', '最新进展', '指标完成'),
      row(2, '1*', '“农户家庭资产池”融资模式', '2022年9月底前…', '县金融中心', '红（逾期）', '', '', ''),
    ];
    expect(fields(rows)).toEqual([
      'number',
      'title',
      'goals',
      'units:mixed',
      'progress',
      'progress',
      'progress',
      'progress',
    ]);
  });
});

describe('findHeader', () => {
  it('seed: the Sanmen header row', () => {
    const rows = [
      row(1, '序号', '改革事项', '改革举措', '主要目标', '标志性成果', '责任单位'),
      row(
        2,
        '1*',
        '“农户家庭资产池”融资模式',
        '1.创新农户资产评估模型',
        '1.2022年9月底前…',
        '…',
        '县金融中心',
      ),
    ];
    expect(findHeader(rows)?.headerRow).toBe(0);
    expect(fields(rows)).toEqual(['number', 'title', 'measures', 'goals', 'achievements', 'units:mixed']);
  });

  it('new: other synonyms, units in two columns, an unknown column kept as extra', () => {
    const rows = [
      row(1, '编号', '重点任务', '具体举措', '完成时限', '牵头单位', '配合单位', '备注'),
      row(
        2,
        '１★',
        '“浙里办”企业开办一件事',
        '（１）推行“一网通办”',
        '１．３月底前…',
        '区市场监管局',
        '区税务局',
        '省级试点',
      ),
    ];
    const map = findHeader(rows);
    expect(fields(rows)).toEqual(['number', 'title', 'measures', 'goals', 'units:lead', 'units:co', 'extra']);
    expect(map?.columns.at(-1)).toEqual({ index: 6, header: '备注', role: { field: 'extra' } });
  });

  it('new: the header below a title row and a merged banner row', () => {
    const rows = [
      row(1, '2023年柯城区数字化改革重点任务清单'),
      row(2, '一、数字政府', '一、数字政府', '一、数字政府', '一、数字政府'),
      row(3, '序号', '任务名称', '工作举措', '时间节点', '预期成果', '责任部门'),
      row(4, '1', '“浙里办”掌上办事', '1.迭代应用', '6月底前上线', '形成样板', '区大数据中心'),
    ];
    expect(findHeader(rows)?.headerRow).toBe(2);
    expect(fields(rows)).toEqual(['number', 'title', 'measures', 'goals', 'achievements', 'units:mixed']);
  });

  it('new: header cells with line breaks and spaces inside', () => {
    const rows = [row(1, '序\n号', '改革\n任务', '主要\n举措', '目标\n任务', '牵头 单位')];
    expect(fields(rows)).toEqual(['number', 'title', 'measures', 'goals', 'units:lead']);
    expect(findHeader(rows)?.columns.map((c) => c.header)).toEqual([
      '序号',
      '改革任务',
      '主要举措',
      '目标任务',
      '牵头单位',
    ]);
  });

  it('a data row is not a header', () => {
    const rows = [
      row(1, '1', '保险制度改革', '1. 持续健全农业保险基层服务网络', '2022年6月底前…', '县财政局'),
    ];
    expect(findHeader(rows)).toBeNull();
  });

  it('one known column is not enough', () => {
    expect(findHeader([row(1, '序号', '备注', '说明')])).toBeNull();
  });

  it('headersSeen shows what the first row said', () => {
    expect(headersSeen([row(1, '名称', '', '说明  文字')])).toEqual(['名称', '说明 文字']);
  });
});
