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
import type { FindingCode, Plan } from '../src/domain/plan.js';
import { t } from '../src/i18n/index.js';
import { buildParagraphDocx } from './fixtures/build-paragraph-docx.js';
import { runCliCaptured } from './helpers/run-cli.js';
import { SHAPES, view } from './fixtures/paragraph-plans/expected.js';

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
