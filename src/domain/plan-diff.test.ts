import { describe, expect, it } from 'vitest';
import type { Item } from './plan.js';
import { LOCALES, t } from '../i18n/index.js';
import {
  DIFF_FIELDS,
  MOVED_MIN_SIMILARITY,
  SAME_NUMBER_MIN_SIMILARITY,
  changedFields,
  diffPlans,
  normalizeTitle,
  titleSimilarity,
} from './plan-diff.js';

function item(number: number | null, title: string, more: Partial<Item> = {}): Item {
  return {
    number,
    numberText: number === null ? '' : String(number),
    numberInferred: false,
    key: false,
    title,
    measures: [],
    goalsText: '',
    milestones: [],
    targets: [],
    achievements: [],
    units: [],
    ...more,
  };
}

const FINANCE = '“农户家庭资产池”融资模式（小微金融助富改革）';
const INSURANCE = '保险制度改革';
const PENSION = '城乡居民基本养老保险扩面改革';
const HOMESTEAD = '深化农村宅基地制度改革';
const WORKSHOP = '“共富工坊”建设';

describe('diffPlans', () => {
  const cases: {
    name: string;
    previous: Item[];
    next: Item[];
    matches: [number, number][];
    added?: string[];
    removed?: string[];
    changed?: [string, string[]][];
    unchanged: number;
  }[] = [
    {
      name: 'identical plans match one to one',
      previous: [item(1, FINANCE), item(2, INSURANCE)],
      next: [item(1, FINANCE), item(2, INSURANCE)],
      matches: [
        [0, 0],
        [1, 1],
      ],
      unchanged: 2,
    },
    {
      name: 'a title reworded under the same number is changed',
      previous: [item(1, FINANCE), item(2, INSURANCE)],
      next: [item(1, '“农户家庭资产池”融资模式创新（小微金融助富改革）'), item(2, INSURANCE)],
      matches: [
        [0, 0],
        [1, 1],
      ],
      changed: [['“农户家庭资产池”融资模式创新（小微金融助富改革）', ['title']]],
      unchanged: 1,
    },
    {
      name: 'an item inserted in the middle renumbers the rest, which still match by title',
      previous: [item(1, FINANCE), item(2, INSURANCE), item(3, PENSION)],
      next: [item(1, FINANCE), item(2, WORKSHOP), item(3, INSURANCE), item(4, PENSION)],
      matches: [
        [0, 0],
        [1, 2],
        [2, 3],
      ],
      added: [WORKSHOP],
      changed: [
        [INSURANCE, ['number']],
        [PENSION, ['number']],
      ],
      unchanged: 1,
    },
    {
      name: 'a different title under the same number is a removal and an addition',
      previous: [item(1, FINANCE), item(2, INSURANCE)],
      next: [item(1, FINANCE), item(2, HOMESTEAD)],
      matches: [[0, 0]],
      added: [HOMESTEAD],
      removed: [INSURANCE],
      unchanged: 1,
    },
    {
      name: 'punctuation, spacing, * and full-width forms are not rewording',
      previous: [item(1, '“农户家庭资产池”融资模式（小微金融助富改革）')],
      next: [item(5, '"农户家庭资产池" 融资模式(小微金融助富改革)*')],
      matches: [[0, 0]],
      changed: [['"农户家庭资产池" 融资模式(小微金融助富改革)*', ['number', 'title']]],
      unchanged: 0,
    },
    {
      name: 'moved and lightly reworded: matched when very similar',
      previous: [item(1, INSURANCE), item(2, PENSION)],
      next: [item(1, WORKSHOP), item(2, INSURANCE), item(3, '城乡居民基本养老保险扩面提质改革')],
      matches: [
        [0, 1],
        [1, 2],
      ],
      added: [WORKSHOP],
      changed: [
        [INSURANCE, ['number']],
        ['城乡居民基本养老保险扩面提质改革', ['number', 'title']],
      ],
      unchanged: 0,
    },
    {
      name: 'siblings sharing a bracketed group are different items',
      previous: [item(20, '职技融通（技术工人“扩中提低”改革）')],
      next: [item(20, '薪酬分配（技术工人“扩中提低”改革）')],
      matches: [],
      added: ['薪酬分配（技术工人“扩中提低”改革）'],
      removed: ['职技融通（技术工人“扩中提低”改革）'],
      unchanged: 0,
    },
    {
      name: 'only the bracketed group renamed: the same item, title changed',
      previous: [item(1, FINANCE)],
      next: [item(1, '“农户家庭资产池”融资模式（金融助富改革）')],
      matches: [[0, 0]],
      changed: [['“农户家庭资产池”融资模式（金融助富改革）', ['title']]],
      unchanged: 0,
    },
    {
      name: 'items without a number match by title only',
      previous: [item(null, FINANCE), item(null, INSURANCE)],
      next: [item(null, INSURANCE), item(null, HOMESTEAD)],
      matches: [[1, 0]],
      added: [HOMESTEAD],
      removed: [FINANCE],
      unchanged: 1,
    },
    {
      name: 'duplicate titles pair with the same number first',
      previous: [item(1, INSURANCE), item(2, INSURANCE)],
      next: [item(2, INSURANCE), item(1, INSURANCE)],
      matches: [
        [1, 0],
        [0, 1],
      ],
      unchanged: 2,
    },
    {
      name: 'first import: everything is added',
      previous: [],
      next: [item(1, FINANCE)],
      matches: [],
      added: [FINANCE],
      unchanged: 0,
    },
    {
      name: 'emptied plan: everything is removed',
      previous: [item(1, FINANCE)],
      next: [],
      matches: [],
      removed: [FINANCE],
      unchanged: 0,
    },
  ];

  it.each(cases)('$name', (c) => {
    const d = diffPlans(c.previous, c.next);
    expect(d.matches).toEqual(c.matches);
    expect(d.added.map((i) => i.title)).toEqual(c.added ?? []);
    expect(d.removed.map((i) => i.title)).toEqual(c.removed ?? []);
    expect(d.changed.map((ch) => [ch.after.title, ch.fields])).toEqual(c.changed ?? []);
    expect(d.unchanged).toBe(c.unchanged);
  });
});

describe('changedFields', () => {
  const base = item(1, FINANCE, {
    milestones: [
      {
        deadline: '2022-09-30',
        text: '2022年9月底前，融资达15亿元以上',
        source: 'goals',
        phrase: '2022年9月底前',
      },
    ],
    units: [{ name: '县自然资源规划局', canonical: '县自然资源和规划局', role: 'lead' }],
  });
  it.each<[string, Partial<Item>, string[]]>([
    ['nothing', {}, []],
    [
      'where the number was written is not content',
      { numberText: '1*', numberInferred: true, sourceRow: { table: 1, row: 9 } },
      [],
    ],
    ['an empty extra equals no extra', { extra: {} }, []],
    ['key flag', { key: true }, ['key']],
    [
      'a deadline moved',
      { milestones: [{ ...base.milestones[0]!, deadline: '2022-10-31' }] },
      ['milestones'],
    ],
    ['a unit role', { units: [{ ...base.units[0]!, role: 'co' }] }, ['units']],
    [
      'measures and goals',
      { measures: ['新增举措'], goalsText: '2022年底前完成' },
      ['measures', 'goalsText'],
    ],
  ])('%s', (_name, patch, fields) => {
    expect(changedFields(base, { ...base, ...patch })).toEqual(fields);
  });
});

describe('titleSimilarity', () => {
  it('scores a clause added well above the same-number bar and unrelated titles well below it', () => {
    expect(titleSimilarity(FINANCE, '“农户家庭资产池”融资模式创新（小微金融助富改革）')).toBeGreaterThan(
      MOVED_MIN_SIMILARITY,
    );
    expect(titleSimilarity(INSURANCE, HOMESTEAD)).toBeLessThan(SAME_NUMBER_MIN_SIMILARITY);
    expect(titleSimilarity(PENSION, INSURANCE)).toBeLessThan(SAME_NUMBER_MIN_SIMILARITY);
    expect(titleSimilarity(FINANCE, FINANCE)).toBe(1);
  });

  it('normalises away what is not wording', () => {
    expect(normalizeTitle(' “共富工坊”建设* ')).toBe('共富工坊建设');
    expect(normalizeTitle('（小微金融）')).toBe(normalizeTitle('(小微金融)'));
  });
});

describe('DIFF_FIELDS', () => {
  it.each(LOCALES)('each has a name in the %s catalogue, for showing a diff', (locale) => {
    for (const f of DIFF_FIELDS) expect(t(locale, `field.${f}`), f).not.toBe(`field.${f}`);
  });
});
