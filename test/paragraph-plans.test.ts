import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../src/readers/read-document.js';
import { normalizeDocument } from '../src/domain/normalize.js';
import { planSchema } from '../src/domain/plan-schema.js';
import { InputError } from '../src/domain/errors.js';
import type { FindingCode, Item, Plan } from '../src/domain/plan.js';
import { t } from '../src/i18n/index.js';
import { buildParagraphDocx } from './fixtures/build-paragraph-docx.js';
import { runCliCaptured } from './helpers/run-cli.js';

/**
 * Plans written as numbered paragraphs (责任分工方案, 任务分解方案), issue 6. Every fixture in
 * fixtures/paragraph-plans/ is read twice: as the .txt it is, and as a .docx whose section and
 * item numbers exist only as Word auto-numbering. Both must give the plan written out below.
 */

const FIXTURES = fileURLToPath(new URL('./fixtures/paragraph-plans', import.meta.url));
const fixtureText = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const linesOf = (text: string) => text.split(/\r?\n/u).filter((l) => l.trim() !== '');

async function parse(bytes: Uint8Array, name: string): Promise<Plan> {
  return normalizeDocument(await readDocument(bytes, name));
}
const parseText = (text: string, name: string) => parse(new TextEncoder().encode(text), name);
const parseAsDocx = async (text: string, name: string) =>
  parse(await buildParagraphDocx(linesOf(text), { autoNumber: true }), name.replace(/\.txt$/u, '.docx'));

interface ItemView {
  number: number | null;
  numberText: string;
  title: string;
  section: string | undefined;
  /** [deadline, phrase as written] */
  milestones: [string, string][];
  /** [metric, op, value, unit, deadline] */
  targets: [string, string, number | null, string, string | null][];
  /** "name role[ label][ collective]" */
  units: string[];
}

const view = (it: Item): ItemView => ({
  number: it.number,
  numberText: it.numberText,
  title: it.title,
  section: it.section,
  milestones: it.milestones.map((m) => [m.deadline, m.phrase]),
  targets: it.targets.map((x) => [x.metric, x.op, x.value, x.unit, x.deadline]),
  units: it.units.map(
    (u) => `${u.name} ${u.role}${u.label ? ` ${u.label}` : ''}${u.collective ? ' collective' : ''}`,
  ),
});

/** What the file says, without where it was read from. */
const content = (plan: Plan) => ({
  ...plan,
  source: undefined,
  items: plan.items.map(({ sourceRow: _row, ...rest }) => rest),
});

/** "1." "1、" "一、" "（一）" "(一)" at the start of a line. */
const TYPED_MARKER = /^(?:\d{1,3}[.、]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/u;

const codes = (plan: Plan, code: FindingCode) =>
  plan.findings.filter((f) => f.code === code).map((f) => f.item);

interface Shape {
  file: string;
  shape: string;
  title: string;
  items: ItemView[];
  /** Items whose goals hold no deadline. */
  noDeadline: number[];
}

const SHAPES: Shape[] = [
  {
    file: 'city-goals-data-provider.txt',
    shape: '一、 sections, "1." items, （牵头单位：…；数据提供单位：…）, year in the title',
    title: '2023年丽水市国民经济和社会发展主要目标和重点任务责任分工方案',
    noDeadline: [1, 2, 3],
    items: [
      {
        number: 1,
        numberText: '1',
        title: '地区生产总值增长7%左右',
        section: '一、全市经济社会发展主要预期目标',
        milestones: [],
        targets: [['地区生产总值增长', '=', 7, '%', null]],
        units: ['市发改委 lead', '市统计局 co 数据提供单位'],
      },
      {
        number: 2,
        numberText: '2',
        title: '一般公共预算收入增长6%以上',
        section: '一、全市经济社会发展主要预期目标',
        milestones: [],
        targets: [['一般公共预算收入增长', '>=', 6, '%', null]],
        units: ['市财政局 lead', '市税务局 co 数据提供单位'],
      },
      {
        number: 3,
        numberText: '3',
        title: '城镇新增就业2.5万人以上，城镇调查失业率控制在5%以内',
        section: '一、全市经济社会发展主要预期目标',
        milestones: [],
        targets: [
          ['城镇新增就业', '>=', 25000, '人', null],
          ['城镇调查失业率', '<=', 5, '%', null],
        ],
        units: ['市人力社保局 lead', '市统计局 co 数据提供单位', '国家统计局丽水调查队 co 数据提供单位'],
      },
      {
        number: 4,
        numberText: '4',
        title: '扎实推进共同富裕示范区建设',
        section: '二、重点工作任务',
        milestones: [['2023-12-31', '年底前']],
        targets: [['完成“扩中提低”改革试点', '>=', 20, '个', '2023-12-31']],
        // "市农业农村局、市人力社保局等，各县（市、区）政府": 等 dropped, the bracket inside kept.
        units: ['市发改委 lead', '市农业农村局 co', '市人力社保局 co', '各县（市、区）政府 co collective'],
      },
      {
        number: 5,
        numberText: '5',
        title: '持续优化营商环境',
        section: '二、重点工作任务',
        milestones: [['2023-06-30', '6月底前']],
        targets: [['企业开办全流程办理时间', '<=', 1, '工作日', '2023-06-30']],
        units: ['市市场监管局 lead', '市级有关单位 co collective'],
      },
      {
        number: 6,
        numberText: '6',
        title: '加快推进数字化改革',
        section: '二、重点工作任务',
        milestones: [['2023-09-30', '9月底前']],
        targets: [['上线“浙里办”特色应用', '>=', 5, '个', '2023-09-30']],
        units: ['市大数据局 lead', '各相关单位 co collective', '市统计局 co 数据提供单位'],
      },
    ],
  },
  {
    file: 'province-business-sections.txt',
    shape: '（一）…领域。 sections, "1. " items restarting per section, year only in the title',
    title: '2023年浙江省优化营商环境重点任务分工方案',
    noDeadline: [7],
    items: [
      {
        number: 1,
        numberText: '1',
        title: '推进企业开办“一件事”集成改革',
        section: '（一）市场准入和退出领域。',
        milestones: [['2023-06-30', '6月底前']],
        targets: [['办理时间', '<=', 1, '工作日', '2023-06-30']],
        units: ['省市场监管局 lead'],
      },
      {
        number: 2,
        numberText: '2',
        title: '深化“证照分离”改革',
        section: '（一）市场准入和退出领域。',
        milestones: [['2023-09-30', '9月底前']],
        targets: [],
        units: ['省市场监管局 lead', '省级有关单位 co collective'],
      },
      {
        number: 3,
        numberText: '3',
        title: '完善市场主体退出机制',
        section: '（一）市场准入和退出领域。',
        milestones: [['2023-12-31', '年底前']],
        targets: [['简易注销办理时间', '<=', 3, '工作日', '2023-12-31']],
        units: ['省市场监管局 lead', '省法院 co', '省税务局 co'],
      },
      {
        number: 4,
        numberText: '1',
        title: '推进政务服务“一网通办”',
        section: '（二）政务服务领域。',
        milestones: [['2023-09-30', '9月底前']],
        targets: [['省级政务服务事项网上可办率', '>=', 95, '%', '2023-09-30']],
        units: ['省政务服务办 lead', '省级各有关部门 co collective'],
      },
      {
        number: 5,
        numberText: '2',
        title: '深化“最多跑一次”改革',
        section: '（二）政务服务领域。',
        milestones: [['2023-11-30', '11月底前']],
        targets: [['推出“一件事”集成服务', '=', 20, '项', '2023-11-30']],
        units: ['省政务服务办 lead'],
      },
      {
        number: 6,
        numberText: '1',
        title: '规范涉企行政检查',
        section: '（三）法治保障领域。',
        milestones: [['2023-10-31', '10月底前']],
        targets: [],
        units: ['省司法厅 lead', '各设区市政府 co collective'],
      },
      {
        number: 7,
        numberText: '2',
        title: '加强知识产权保护',
        section: '（三）法治保障领域。',
        milestones: [],
        targets: [],
        // One label, two names: both lead.
        units: ['省市场监管局 lead', '省知识产权局 lead'],
      },
    ],
  },
  {
    file: 'district-lines-issuing-date.txt',
    shape: '牵头单位： / 责任单位： lines under each item, year only in the issuing date',
    title: '柯城区高质量发展建设共同富裕示范区重点任务分解方案',
    noDeadline: [5],
    items: [
      {
        number: 1,
        numberText: '1',
        // One sentence: the title stops where the deadline's clause begins.
        title: '实施居民收入倍增计划',
        section: '一、推动收入分配制度改革',
        milestones: [['2023-12-31', '年底前']],
        targets: [['城乡居民收入倍差', '<=', 1.7, '', '2023-12-31']],
        units: [
          '区发改局 lead',
          '区人力社保局 co',
          '区农业农村局 co',
          '各街道 co collective',
          '区直各部门 co collective',
        ],
      },
      {
        number: 2,
        numberText: '2',
        title: '推进“扩中提低”改革',
        section: '一、推动收入分配制度改革',
        milestones: [['2023-10-31', '10月底前']],
        targets: [],
        // "区民政局、区财政局等部门，各镇政府、街道办事处"
        units: [
          '区农业农村局 lead',
          '区民政局 co',
          '区财政局 co',
          '各镇政府 co collective',
          '街道办事处 co collective',
        ],
      },
      {
        number: 3,
        numberText: '3',
        title: '深化城乡教育共同体建设',
        section: '二、推进公共服务优质共享',
        milestones: [['2023-09-30', '9月底前']],
        targets: [],
        units: ['区教育局 lead', '各镇政府 co collective', '街道办事处 co collective'],
      },
      {
        number: 4,
        numberText: '4',
        title: '推进“健康大脑+智慧医疗”建设',
        section: '二、推进公共服务优质共享',
        milestones: [['2023-12-31', '年底前']],
        targets: [['县域就诊率', '>=', 90, '%', '2023-12-31']],
        units: ['区卫生健康局 lead', '区医保局 co 数据提供单位'],
      },
      {
        number: 5,
        numberText: '5',
        title: '完善养老服务体系，新增居家养老服务中心5家',
        section: '二、推进公共服务优质共享',
        milestones: [],
        targets: [['新增居家养老服务中心', '=', 5, '家', null]],
        units: ['区民政局 lead', '各相关单位 co collective'],
      },
    ],
  },
  {
    file: 'city-digital-brackets.txt',
    shape:
      '〔牵头单位：…，责任单位：…〕, （A牵头，B按职责分工负责）, deadlines in brackets, year only in the document number',
    title: '衢州市数字化改革重点任务分工方案',
    noDeadline: [1, 2, 4, 6],
    items: [
      {
        number: 1,
        numberText: '1',
        title: '迭代升级“浙政钉”应用，推动市级部门核心业务数字化全覆盖',
        section: '一、党政机关整体智治',
        milestones: [],
        targets: [],
        units: ['市大数据局 lead', '市级各部门 co collective'],
      },
      {
        number: 2,
        numberText: '2',
        title: '建设“领导驾驶舱”综合集成应用，实现重点指标实时监测',
        section: '一、党政机关整体智治',
        milestones: [],
        targets: [],
        units: ['市政府办公室 lead', '市级各有关部门 co collective'],
      },
      {
        number: 3,
        numberText: '3',
        title: '完成数字化改革“一本账”梳理，编制重大需求清单',
        section: '一、党政机关整体智治',
        // "（牵头单位：市委改革办；责任单位：各县（市、区），6月底完成）"
        milestones: [['2023-06-30', '6月底']],
        targets: [],
        units: ['市委改革办 lead', '各县（市、区） co collective'],
      },
      {
        number: 4,
        numberText: '4',
        title: '实施数字经济“一号工程”升级版，数字经济核心产业增加值增长10%以上',
        section: '二、数字经济',
        milestones: [],
        targets: [['数字经济核心产业增加值增长', '>=', 10, '%', null]],
        // "市发改委、市商务局等有关单位"
        units: ['市经信局 lead', '市发改委 co', '市商务局 co'],
      },
      {
        number: 5,
        numberText: '5',
        title: '推进工业互联网平台建设，新培育省级工业互联网平台2个',
        section: '二、数字经济',
        milestones: [['2023-09-30', '9月底前']],
        targets: [['新培育省级工业互联网平台', '=', 2, '个', null]],
        units: ['市经信局 lead', '各县（市、区）政府 co collective'],
      },
      {
        number: 6,
        numberText: '6',
        title: '推广“浙里健康e生”应用，电子健康档案开放率达到80%',
        section: '三、数字社会',
        milestones: [],
        targets: [['电子健康档案开放率', '>=', 80, '%', null]],
        units: ['市卫生健康委 lead', '市医保局 co'],
      },
    ],
  },
  {
    file: 'county-livelihood-half-width.txt',
    shape: 'half-width punctuation, plan issued with its notice, 一、 and (一) sections',
    title: '2023年三门县民生实事项目责任分工方案',
    noDeadline: [3],
    items: [
      {
        number: 1,
        numberText: '1',
        title: '新建、改扩建幼儿园3所,新增学位600个以上',
        section: '一、教育文化 / (一)学前教育',
        milestones: [['2023-08-31', '8月底前']],
        targets: [
          ['改扩建幼儿园', '=', 3, '所', null],
          ['新增学位', '>=', 600, '个', null],
        ],
        units: [
          '县教育局 lead',
          '县发改局 co',
          '县财政局 co',
          '各乡镇人民政府 co collective',
          '街道办事处 co collective',
        ],
      },
      {
        number: 2,
        numberText: '2',
        title: '建设城乡书房10家',
        section: '一、教育文化 / (一)学前教育',
        milestones: [['2023-12-31', '年底前']],
        targets: [['建设城乡书房', '=', 10, '家', null]],
        units: ['县文广旅体局 lead', '各乡镇(街道) co collective'],
      },
      {
        number: 3,
        numberText: '3',
        title: '开展送戏下乡200场以上',
        section: '一、教育文化 / (二)公共文化',
        milestones: [],
        targets: [['开展送戏下乡', '>=', 200, '场', null]],
        // "有关乡镇、街道等": the level without a place is many bodies too.
        units: ['县文广旅体局 lead', '有关乡镇 co collective', '街道 co collective'],
      },
      {
        number: 4,
        numberText: '4',
        title: '完成10家村卫生室规范化建设并投入使用',
        section: '二、医疗养老 / (一)医疗服务',
        // "(…;责任单位:县医共体总院,6月底完成主体工程)": a deadline clause, not a unit.
        milestones: [['2023-06-30', '6月底']],
        targets: [['完成村卫生室规范化建设并投入使用', '=', 10, '家', null]],
        units: ['县卫生健康局 lead', '县医共体总院 co'],
      },
      {
        number: 5,
        numberText: '5',
        title: '为65周岁以上老年人免费体检2万人次',
        section: '二、医疗养老 / (一)医疗服务',
        milestones: [['2023-11-30', '11月底前']],
        targets: [['为65周岁以上老年人免费体检', '=', 20000, '人次', null]],
        units: [
          '县卫生健康局 lead',
          '县统计局 co 数据提供单位',
          '各乡镇人民政府 co collective',
          '街道办事处 co collective',
        ],
      },
    ],
  },
];

describe.each(SHAPES)('$file: $shape', (shape) => {
  const text = fixtureText(shape.file);
  const plans: Record<'txt' | 'docx', Plan> = {} as never;

  beforeAll(async () => {
    plans.txt = await parseText(text, shape.file);
    plans.docx = await parseAsDocx(text, shape.file);
  });

  it.each(['txt', 'docx'] as const)('as .%s gives the plan written out here', (kind) => {
    const plan = plans[kind];
    expect(plan.title).toBe(shape.title);
    expect(plan.year).toBe(2023);
    expect(plan.items).toHaveLength(shape.items.length);
    expect(plan.items.map(view)).toEqual(shape.items);
    expect(() => planSchema.parse(plan)).not.toThrow();
  });

  it('the .docx holds its section and item numbers only as Word numbering', async () => {
    const files = unzipSync(await buildParagraphDocx(linesOf(text), { autoNumber: true }));
    const body = strFromU8(files['word/document.xml']!);
    const runs = [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((m) => m[1]!);
    const numbered = linesOf(text).filter((l) => TYPED_MARKER.test(l));
    expect(numbered.length).toBeGreaterThanOrEqual(shape.items.length);
    expect(runs.filter((r) => TYPED_MARKER.test(r))).toEqual([]);
    expect(body.match(/<w:numPr>/gu)).toHaveLength(numbered.length);
    expect(strFromU8(files['word/numbering.xml']!)).toContain('chineseCounting');
  });

  it('the auto-numbered .docx gives the same plan as the .txt', () => {
    expect(plans.docx.source).toEqual({ file: shape.file.replace(/\.txt$/u, '.docx'), format: 'docx' });
    expect(content(plans.docx)).toEqual(content(plans.txt));
  });

  it('lint: NO_DEADLINE where the goals have none; collectives are not misnamed units', () => {
    const plan = plans.txt;
    expect(codes(plan, 'NO_DEADLINE')).toEqual(shape.noDeadline);
    expect(codes(plan, 'UNIT_ALIAS')).toEqual([]);
    expect(codes(plan, 'COLUMN_MISPLACED')).toEqual([]);
    // Paragraph plans have no measures or achievements to leave empty.
    expect(codes(plan, 'EMPTY_CELL')).toEqual([]);
    // Restarting numbers are counted through, not reported as gaps.
    expect(codes(plan, 'SEQUENCE_GAP')).toEqual([]);
  });
});

describe('the year comes from the title, else the issuing date or document number', () => {
  it('without its issuing date the district plan has no year, and "年底前" no date', async () => {
    const name = 'district-lines-issuing-date.txt';
    const text = fixtureText(name)
      .split('\n')
      .filter((l) => l !== '2023年3月15日')
      .join('\n');
    const plan = await parseText(text, name);
    expect(plan.year).toBeNull();
    expect(plan.items).toHaveLength(5);
    expect(plan.items.flatMap((it) => it.milestones)).toEqual([]);
  });

  it('an issuing date in Chinese numerals, in brackets, counts too', async () => {
    const text = [
      '某县“最多跑一次”改革任务分工方案',
      '（二〇二四年一月八日）',
      '1.年底前，完成改革。（牵头单位：县政务办）',
    ];
    const plan = await parseText(text.join('\n'), 'cn-date.txt');
    expect(plan.year).toBe(2024);
    expect(plan.items[0]!.milestones.map((m) => m.deadline)).toEqual(['2024-12-31']);
  });
});

describe('half-width and full-width punctuation', () => {
  const half = fixtureText('county-livelihood-half-width.txt');
  const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）' };
  const full = half.replace(/[,:;()]/gu, (c) => FULL[c]!);
  /** Every string with full-width punctuation folded, to compare what was read, not how it was typed. */
  const folded = (v: unknown): unknown =>
    typeof v === 'string'
      ? v.replace(/[，：；（）]/gu, (c) => Object.keys(FULL).find((k) => FULL[k] === c)!)
      : Array.isArray(v)
        ? v.map(folded)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, folded(x)]))
          : v;

  it('the same plan typed with ,:;() and with ，：；（） reads the same', async () => {
    expect(full).not.toBe(half);
    expect(full).toContain('(牵头单位:'.replace(/[(:]/gu, (c) => FULL[c]!));
    const a = await parseText(half, 'half.txt');
    const b = await parseText(full, 'full.txt');
    expect(b.items).toHaveLength(5);
    expect(folded(content(b))).toEqual(folded(content(a)));
    // Not merely equal after folding: the full-width plan keeps what it was given.
    expect(b.items[0]!.section).toBe('一、教育文化 / （一）学前教育');
    expect(b.items[1]!.units.map((u) => u.name)).toEqual(['县文广旅体局', '各乡镇（街道）']);
  });
});

describe('a table followed by numbered tasks', () => {
  const table = [
    ['序号', '改革事项', '主要目标', '责任单位'],
    ['1', '企业开办“一件事”改革', '6月底前，企业开办时间压缩至1个工作日以内。', '县市场监管局、县税务局'],
    ['2', '“亩均论英雄”改革', '9月底前，完成规上工业企业亩均效益评价。', '县经信局'],
    ['3', '工程建设项目审批制度改革', '年底前，审批时间压缩至60个工作日以内。', '县住建局、县自然资源局'],
  ];
  const lines = [
    '2023年某县营商环境改革任务清单',
    '一、重点改革事项',
    '二、其他重点任务',
    '1.推进涉企证明事项告知承诺制。8月底前，完成证明事项清单梳理。（牵头单位：县司法局；责任单位：县级有关单位）',
    '2.深化“双随机、一公开”监管。（县市场监管局牵头，各相关部门按职责分工负责）',
    '三、保障措施',
    '1.加强组织领导。各单位要高度重视，明确专人负责。',
    '2.强化督查考核。县改革办定期通报工作进展。',
  ];

  it.each([false, true])(
    'gives the table’s items, then the tasks, numbered through (auto-numbered: %s)',
    async (autoNumber) => {
      const bytes = await buildParagraphDocx(lines, { table, tableAfter: 2, autoNumber });
      const plan = await parse(bytes, 'mixed.docx');
      expect(plan.title).toBe('2023年某县营商环境改革任务清单');
      expect(plan.year).toBe(2023);
      expect(plan.items.map((it) => [it.number, it.numberText, it.title, it.section])).toEqual([
        [1, '1', '企业开办“一件事”改革', undefined],
        [2, '2', '“亩均论英雄”改革', undefined],
        [3, '3', '工程建设项目审批制度改革', undefined],
        [4, '1', '推进涉企证明事项告知承诺制', '二、其他重点任务'],
        [5, '2', '深化“双随机、一公开”监管', '二、其他重点任务'],
      ]);
      expect(plan.items[3]!.milestones.map((m) => m.deadline)).toEqual(['2023-08-31']);
      expect(view(plan.items[3]!).units).toEqual(['县司法局 lead', '县级有关单位 co collective']);
      expect(view(plan.items[4]!).units).toEqual(['县市场监管局 lead', '各相关部门 co collective']);
      expect(view(plan.items[0]!).units).toEqual(['县市场监管局 lead', '县税务局 co']);
      expect(codes(plan, 'NO_DEADLINE')).toEqual([5]);
      expect(codes(plan, 'SEQUENCE_GAP')).toEqual([]);
    },
  );
});

describe('a document with neither a plan table nor numbered tasks', () => {
  const notice = [
    '关于做好2023年度改革工作总结的通知',
    '各乡镇人民政府、街道办事处，县级各部门：',
    '为全面总结2023年度全面深化改革工作，请各单位于12月10日前报送年度改革工作总结。',
    '总结要突出重点、注重实效，字数控制在3000字以内。',
    '县委改革办',
    '2023年11月20日',
  ];

  it('is refused with error.no_plan naming the file (.txt and .docx)', async () => {
    for (const [bytes, name] of [
      [new TextEncoder().encode(notice.join('\n')), 'notice.txt'],
      [await buildParagraphDocx(notice, { autoNumber: true }), 'notice.docx'],
    ] as const) {
      const err = await parse(bytes, name).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      expect(err).toMatchObject({ key: 'error.no_plan', place: { file: name } });
    }
  });
});

describe('through the CLI', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rl-paragraphs-'));
  });

  it('parse prints the paragraph plan as JSON', async () => {
    const file = join(FIXTURES, 'city-digital-brackets.txt');
    const r = await runCliCaptured(['parse', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout) as Plan;
    const direct = await parseText(fixtureText('city-digital-brackets.txt'), 'city-digital-brackets.txt');
    expect(content(printed)).toEqual(JSON.parse(JSON.stringify(content(direct))));
  });

  it('parse of a notice without a plan exits 2 with the error.no_plan message naming the file', async () => {
    const file = join(dir, '改革工作通知.txt');
    writeFileSync(
      file,
      '关于做好改革工作总结的通知\n请各单位于12月10日前报送年度改革工作总结。\n县委改革办\n',
    );
    const r = await runCliCaptured(['parse', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('改革工作通知.txt');
    expect(r.stderr).toContain(t('zh-CN', 'error.no_plan'));
  });
});
