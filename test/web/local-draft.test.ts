import { describe, expect, it } from 'vitest';
import {
  differsFromServer,
  fitsShape,
  localDraftKey,
  readLocalDraft,
  removeLocalDraft,
  restoreLocalDraft,
  writeLocalDraft,
  type DraftStorage,
  type LocalDraft,
} from '../../web/src/pages/reports/local-draft.js';
import { contentOf, draftOf, type Draft, type ItemShape } from '../../web/src/pages/reports/report-draft.js';
import type { ReportContent } from '../../src/shared/api/reports.js';

/**
 * The report form's copy on the device (what a reporter typed before the connection dropped), on
 * the shape of Sanmen item 40 (未来乡村试点建设): two milestones, no targets, one achievement.
 */
const ITEM40: ItemShape = { milestones: 2, targets: [], achievements: 1 };
const TODAY = '2022-06-20';
const OWNER = { orgId: 'org-1', userId: 'user-7' };

class MemoryStorage implements DraftStorage {
  readonly map = new Map<string, string>();
  full = false;
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.full) throw new Error('QuotaExceededError');
    this.map.set(key, value);
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
}

function saved(narrative: string): ReportContent {
  return {
    milestones: [{ state: 'done', doneOn: '2022-06-20' }, null],
    targets: [],
    achievements: [null],
    narrative,
  };
}

function typed(base: ReportContent | null, narrative: string): Draft {
  return { ...draftOf(base, ITEM40), narrative };
}

function copy(baseRevision: number | null, base: ReportContent | null, draft: Draft): LocalDraft {
  return { v: 1, baseRevision, baseContent: base, draft, savedAt: '2022-06-20T02:00:00.000Z' };
}

describe('local drafts of the report form', () => {
  const key = localDraftKey(OWNER, 'item-40-key', '2022-06');

  it('keys a copy by organisation, user, item and period', () => {
    expect(key).toBe('reform-ledger.draft.v1|org-1|user-7|item-40-key|2022-06');
    expect(localDraftKey({ ...OWNER, userId: 'user-8' }, 'item-40-key', '2022-06')).not.toBe(key);
    expect(localDraftKey(OWNER, 'item-40-key', '2022-07')).not.toBe(key);
    // A key cannot be forged into another's by the parts themselves.
    expect(localDraftKey(OWNER, 'a|b', '2022-06')).toBe('reform-ledger.draft.v1|org-1|user-7|a%7Cb|2022-06');
  });

  it('writes, reads back and removes a copy', () => {
    const storage = new MemoryStorage();
    const local = copy(
      3,
      saved('已完成规划设计。'),
      typed(saved('已完成规划设计。'), '已完成规划设计，方案已报县政府。'),
    );
    expect(writeLocalDraft(storage, key, local)).toBe(true);
    expect(readLocalDraft(storage, key, ITEM40)).toEqual(local);
    removeLocalDraft(storage, key);
    expect(readLocalDraft(storage, key, ITEM40)).toBeNull();
  });

  it('says so when the copy cannot be kept (no storage, storage full)', () => {
    const storage = new MemoryStorage();
    storage.full = true;
    expect(writeLocalDraft(storage, key, copy(null, null, typed(null, '现场填写')))).toBe(false);
    expect(writeLocalDraft(null, key, copy(null, null, typed(null, '现场填写')))).toBe(false);
    expect(readLocalDraft(null, key, ITEM40)).toBeNull();
  });

  it.each([
    ['not JSON', '{"v":1,'],
    ['another version', JSON.stringify({ ...copy(null, null, typed(null, 'x')), v: 2 })],
    [
      'a draft of another shape (the plan was re-imported)',
      JSON.stringify(copy(null, null, { ...typed(null, 'x'), milestones: [] })),
    ],
    [
      'a milestone state that does not exist',
      JSON.stringify(copy(null, null, typed(null, 'x'))).replace('"state":null', '"state":"late"'),
    ],
    [
      'no narrative',
      JSON.stringify({
        ...copy(null, null, typed(null, 'x')),
        draft: { milestones: [], targets: [], achievements: [] },
      }),
    ],
  ])('drops a stored copy that is %s', (_what, raw) => {
    const storage = new MemoryStorage();
    storage.setItem(key, raw);
    expect(readLocalDraft(storage, key, ITEM40)).toBeNull();
    expect(storage.getItem(key)).toBeNull();
  });

  it('checks the shape entry by entry', () => {
    expect(fitsShape(typed(null, ''), ITEM40)).toBe(true);
    expect(fitsShape(typed(null, ''), { ...ITEM40, achievements: 2 })).toBe(false);
    expect(
      fitsShape({ ...typed(null, ''), targets: [{ actual: 1, unit: '元', reportedOn: '' }] }, ITEM40),
    ).toBe(false);
    expect(fitsShape(null, ITEM40)).toBe(false);
  });

  it('offers a copy only when it says something the server does not have', () => {
    const server = saved('已完成规划设计。');
    expect(differsFromServer(copy(3, server, typed(server, '已完成规划设计。')), server, TODAY)).toBe(false);
    expect(
      differsFromServer(copy(3, server, typed(server, '已完成规划设计，方案已报县政府。')), server, TODAY),
    ).toBe(true);
    // No report on the server yet: anything typed is worth offering.
    expect(differsFromServer(copy(null, null, typed(null, '现场填写')), null, TODAY)).toBe(true);
  });

  it('restores a copy made on the revision the server still has as it was typed', () => {
    const server = saved('已完成规划设计。');
    const mine = typed(server, '已完成规划设计。村民议事会已通过建设方案。');
    const restored = restoreLocalDraft(
      copy(3, server, mine),
      { content: server, revision: 3 },
      ITEM40,
      TODAY,
    );
    expect(restored).toEqual({ draft: mine, conflicts: [], merged: false });
    // Nothing on the server yet (the first words were typed offline): the copy as it is.
    expect(restoreLocalDraft(copy(null, null, mine), null, ITEM40, TODAY).draft).toBe(mine);
  });

  it('merges a copy onto a newer revision: the other person’s changes stay, differing slots are listed', () => {
    const base = saved('已完成规划设计。');
    // On the phone, offline: the narrative changed.
    const mine = typed(base, '已完成规划设计。村民议事会已通过建设方案。');
    // Meanwhile a colleague saved revision 4: the second milestone in progress.
    const theirs: ReportContent = {
      ...base,
      milestones: [base.milestones[0]!, { state: 'in_progress', percent: 30 }],
    };
    const restored = restoreLocalDraft(copy(3, base, mine), { content: theirs, revision: 4 }, ITEM40, TODAY);
    expect(restored.merged).toBe(true);
    expect(restored.conflicts).toEqual([]);
    expect(contentOf(restored.draft, TODAY)).toEqual({ ...theirs, narrative: mine.narrative });

    // The colleague changed the narrative too: the user's is kept, theirs is listed beside it.
    const clash: ReportContent = { ...theirs, narrative: '试点村建设已启动。' };
    const both = restoreLocalDraft(copy(3, base, mine), { content: clash, revision: 4 }, ITEM40, TODAY);
    expect(both.draft.narrative).toBe(mine.narrative);
    expect(both.conflicts).toEqual([{ slot: 'narrative', theirs: '试点村建设已启动。' }]);
  });
});
