import { describe, expect, it } from 'vitest';
import { CHILD_TYPES as SHARED_CHILD_TYPES } from '../shared/api/orgs.js';
import { ancestry, CHILD_TYPES, isBelow, manages, readAccess, subtree, type OrgRow } from './org-tree.js';

const ORGS: OrgRow[] = [
  { id: 'zj', name: '浙江省', type: 'province', parentId: null },
  { id: 'wz', name: '温州市', type: 'city', parentId: 'zj' },
  { id: 'tz', name: '台州市', type: 'city', parentId: 'zj' },
  { id: 'tt', name: '天台县', type: 'county', parentId: 'tz' },
  { id: 'sm', name: '三门县', type: 'county', parentId: 'tz' },
  { id: 'hr', name: '海润街道', type: 'town', parentId: 'sm' },
  { id: 'lone', name: '孤县', type: 'county', parentId: null },
];

describe('org tree', () => {
  it('walks a subtree depth first, siblings in Chinese name order, with paths', () => {
    expect(subtree(ORGS, 'zj').map((e) => [e.org.id, e.depth, e.path.join('/')])).toEqual([
      ['zj', 0, '浙江省'],
      ['tz', 1, '浙江省/台州市'],
      ['sm', 2, '浙江省/台州市/三门县'],
      ['hr', 3, '浙江省/台州市/三门县/海润街道'],
      ['tt', 2, '浙江省/台州市/天台县'],
      ['wz', 1, '浙江省/温州市'],
    ]);
    expect(subtree(ORGS, 'nope')).toEqual([]);
  });

  it('survives a parent cycle (never written by the app)', () => {
    const cyclic: OrgRow[] = [
      { id: 'a', name: 'A', type: 'city', parentId: 'b' },
      { id: 'b', name: 'B', type: 'county', parentId: 'a' },
    ];
    expect(subtree(cyclic, 'a').map((e) => e.org.id)).toEqual(['a', 'b']);
    expect(ancestry(cyclic, 'a')).toEqual(['a', 'b']);
  });

  it('decides reads: own org, below with the grant or as admin, nothing else', () => {
    const viewer = { orgId: 'tz', role: 'viewer' as const, readBelow: false };
    expect(readAccess(ORGS, viewer, 'tz')).toBe('own');
    expect(readAccess(ORGS, viewer, 'sm')).toBeNull();
    expect(readAccess(ORGS, { ...viewer, readBelow: true }, 'hr')).toBe('below');
    expect(readAccess(ORGS, { ...viewer, role: 'admin' }, 'sm')).toBe('below');
    for (const other of ['zj', 'wz', 'lone', 'missing']) {
      expect(readAccess(ORGS, { ...viewer, role: 'admin', readBelow: true }, other)).toBeNull();
    }
    expect(isBelow(ORGS, 'tz', 'tz')).toBe(false);
    expect(manages(ORGS, 'tz', 'tz')).toBe(true);
    expect(manages(ORGS, 'sm', 'tz')).toBe(false);
  });

  it('shares its type rules with the web app', () => {
    expect(SHARED_CHILD_TYPES).toEqual(CHILD_TYPES);
  });
});
