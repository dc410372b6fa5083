import { describe, expect, it } from 'vitest';
import {
  contentOf,
  defaultUnit,
  draftOf,
  isDirty,
  mergeDrafts,
  slotOfField,
  takeTheirs,
  type Draft,
  type ItemShape,
} from '../../web/src/pages/reports/report-draft.js';
import type { ReportContent } from '../../src/shared/api/reports.js';

/**
 * The report form's model and its merge after a 409, on the shape of Sanmen item 1 (“农户家庭资产池”
 * 融资模式): two milestones (2022年9月底前, 2022年12月底前), two targets (融资达15亿元以上 →
 * 1500000000 元, 20亿元以上) and three landmark achievements.
 */
const ITEM1: ItemShape = {
  milestones: 2,
  targets: [
    { unit: '元', value: 1_500_000_000 },
    { unit: '元', value: 2_000_000_000 },
  ],
  achievements: 3,
};
const TODAY = '2022-06-30';

function base(): ReportContent {
  return {
    milestones: [{ state: 'in_progress', percent: 60 }, null],
    targets: [{ actual: '12.5', unit: '亿元', reportedOn: '2022-06-20' }, null],
    achievements: [null, null, null],
    narrative: '“农户家庭资产池”融资已达12.5亿元。',
  };
}

function edit(d: Draft, f: (d: Draft) => void): Draft {
  const copy = structuredClone(d);
  f(copy);
  return copy;
}

describe('report draft', () => {
  it('starts an unwritten report empty, a 15亿元 target typed in 亿元', () => {
    const d = draftOf(null, ITEM1);
    expect(d.milestones).toHaveLength(2);
    expect(d.targets.map((t) => t.unit)).toEqual(['亿元', '亿元']);
    expect(d.achievements).toHaveLength(3);
    expect(contentOf(d, TODAY)).toEqual({
      milestones: [null, null],
      targets: [null, null],
      achievements: [null, null, null],
      narrative: '',
    });
    expect(defaultUnit({ unit: '元', value: 50_000 })).toBe('万元');
    expect(defaultUnit({ unit: '个', value: 1 })).toBe('个');
  });

  it('sends only what each state needs, and dates an undated figure today', () => {
    const d = edit(draftOf(null, ITEM1), (x) => {
      x.milestones[0] = { state: 'done', doneOn: '2022-06-28', percent: 80, reason: 'left over' };
      x.milestones[1] = { state: 'at_risk', doneOn: '', percent: null, reason: '资产评估标准尚未出台' };
      x.targets[0] = { actual: ' 15.2 ', unit: '亿元', reportedOn: '' };
      x.achievements[1] = { reached: true, reachedOn: '2022-06-15', evidence: '三门县农户家庭资产评估体系' };
      x.achievements[2] = { reached: false, reachedOn: '', evidence: '' };
    });
    expect(contentOf(d, TODAY)).toEqual({
      milestones: [
        { state: 'done', doneOn: '2022-06-28' },
        { state: 'at_risk', reason: '资产评估标准尚未出台' },
      ],
      targets: [{ actual: '15.2', unit: '亿元', reportedOn: TODAY }, null],
      achievements: [
        null,
        { reached: true, reachedOn: '2022-06-15', evidence: '三门县农户家庭资产评估体系' },
        { reached: false },
      ],
      narrative: '',
    });
  });

  it('round-trips stored content, and knows when the user changed something', () => {
    const stored = base();
    const d = draftOf(stored, ITEM1);
    expect(contentOf(d, TODAY)).toEqual(stored);
    expect(isDirty(d, stored, TODAY)).toBe(false);
    expect(
      isDirty(
        edit(d, (x) => (x.narrative += '下步继续推进。')),
        stored,
        TODAY,
      ),
    ).toBe(true);
    expect(isDirty(draftOf(null, ITEM1), null, TODAY)).toBe(false);
  });

  it('carries the user’s edits onto the latest version where the other person changed other things', () => {
    const b = base();
    const mine = edit(draftOf(b, ITEM1), (x) => {
      x.milestones[0] = { state: 'done', doneOn: '2022-06-29', percent: null, reason: '' };
      x.targets[0]!.actual = '15.3';
    });
    const theirs: ReportContent = {
      ...b,
      milestones: [b.milestones[0]!, { state: 'in_progress', percent: 20 }],
      narrative: '全县农户小额信用贷款占比持续提升。',
    };
    const { draft, conflicts } = mergeDrafts(b, mine, theirs, ITEM1, TODAY);
    expect(conflicts).toEqual([]);
    expect(contentOf(draft, TODAY)).toEqual({
      milestones: [
        { state: 'done', doneOn: '2022-06-29' },
        { state: 'in_progress', percent: 20 },
      ],
      targets: [{ actual: '15.3', unit: '亿元', reportedOn: '2022-06-20' }, null],
      achievements: [null, null, null],
      narrative: '全县农户小额信用贷款占比持续提升。',
    });
    // Merged onto the latest version, the user's edits are still unsaved work.
    expect(isDirty(draft, theirs, TODAY)).toBe(true);
  });

  it('keeps the user’s entry where both changed the same place, and names the other version', () => {
    const b = base();
    const mine = edit(draftOf(b, ITEM1), (x) => (x.narrative = '融资已达15亿元，提前完成。'));
    const theirs = { ...b, narrative: '融资已达14亿元。' };
    const { draft, conflicts } = mergeDrafts(b, mine, theirs, ITEM1, TODAY);
    expect(draft.narrative).toBe('融资已达15亿元，提前完成。');
    expect(conflicts).toEqual([{ slot: 'narrative', theirs: '融资已达14亿元。' }]);
    expect(takeTheirs(draft, theirs, ITEM1, 'narrative').narrative).toBe('融资已达14亿元。');
  });

  it('sees no conflict when both wrote the same thing', () => {
    const b = base();
    const mine = edit(
      draftOf(b, ITEM1),
      (x) => (x.targets[1] = { actual: '16', unit: '亿元', reportedOn: '2022-06-30' }),
    );
    const theirs = {
      ...b,
      targets: [b.targets[0]!, { actual: '16', unit: '亿元', reportedOn: '2022-06-30' }],
    };
    expect(mergeDrafts(b, mine, theirs, ITEM1, TODAY).conflicts).toEqual([]);
  });

  it('merges onto a report someone else created while the user was writing the first version', () => {
    const mine = edit(draftOf(null, ITEM1), (x) => {
      x.achievements[0] = { reached: true, reachedOn: '2022-06-10', evidence: '农户家庭资产负债表样表' };
      x.narrative = '已建立农户家庭资产负债表。';
    });
    const theirs: ReportContent = {
      milestones: [{ state: 'in_progress', percent: 70 }, null],
      targets: [null, null],
      achievements: [null, null, null],
      narrative: '资产评估模型已试运行。',
    };
    const { draft, conflicts } = mergeDrafts(null, mine, theirs, ITEM1, TODAY);
    expect(conflicts).toEqual([{ slot: 'narrative', theirs: '资产评估模型已试运行。' }]);
    const merged = contentOf(draft, TODAY);
    expect(merged.milestones[0]).toEqual({ state: 'in_progress', percent: 70 });
    expect(merged.achievements[0]).toEqual({
      reached: true,
      reachedOn: '2022-06-10',
      evidence: '农户家庭资产负债表样表',
    });
    expect(merged.narrative).toBe('已建立农户家庭资产负债表。');
  });

  it('finds the slot a server validation field belongs to', () => {
    expect(slotOfField('milestones.0.reason')).toBe('milestones.0');
    expect(slotOfField('targets.1.unit')).toBe('targets.1');
    expect(slotOfField('narrative')).toBe('narrative');
    expect(slotOfField('revision')).toBeNull();
    expect(slotOfField(undefined)).toBeNull();
  });
});
