import { describe, expect, it } from 'vitest';
import { groupThemes, themeId } from './themes.js';

describe('themes across orgs', () => {
  const items = [
    { orgId: 'sm', title: '1.深化“农户家庭资产池”融资模式改革' },
    { orgId: 'tt', title: '“农户家庭资产池”融资模式改革（小微金融）' },
    { orgId: 'xj', title: '推进农户家庭资产池融资模式改革' },
    { orgId: 'sm', title: '城乡居民基本养老保险扩面改革' },
    { orgId: 'tt', title: '城乡居民基本养老保险扩面' },
    { orgId: 'sm', title: '数字化改革' },
    { orgId: 'sm', title: '数字化改革试点' },
  ];

  it('groups similar titles across orgs, biggest first, with a representative label', () => {
    const themes = groupThemes(items);
    expect(themes.map((t) => t.members)).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
    expect(themes[0]!.orgCount).toBe(3);
    expect(items[themes[1]!.representative]!.title).toBe('城乡居民基本养老保险扩面');
  });

  it('leaves out groups found in fewer orgs than asked (one org’s near-duplicates are not a theme)', () => {
    expect(groupThemes(items, { minOrgs: 3 }).map((t) => t.members)).toEqual([[0, 1, 2]]);
    expect(groupThemes(items, { minOrgs: 1 }).map((t) => t.members)).toContainEqual([5, 6]);
  });

  it('gives a theme an id that ignores punctuation and list markers', () => {
    expect(themeId('1.数字化改革')).toBe(themeId('数字化改革。'));
    expect(themeId('数字化改革')).not.toBe(themeId('养老保险'));
  });
});
