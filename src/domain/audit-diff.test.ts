import { describe, expect, it } from 'vitest';
import { auditDiff, changedFields, sameValue } from './audit-diff.js';

describe('auditDiff: before → after of an audit row, field by field', () => {
  it.each([
    [
      'a rename (both sides record only the changed field)',
      { name: '县金融中心' },
      { name: '县金融发展中心' },
      [{ field: 'name', before: '县金融中心', after: '县金融发展中心', changed: true }],
    ],
    [
      'a create: every field of after, absent before',
      null,
      { name: '县农业农村局' },
      [{ field: 'name', before: undefined, after: '县农业农村局', changed: true }],
    ],
    [
      'a delete: every field of before, absent after',
      { name: '县人力社保局', aliases: ['人社局'] },
      null,
      [
        { field: 'name', before: '县人力社保局', after: undefined, changed: true },
        { field: 'aliases', before: ['人社局'], after: undefined, changed: true },
      ],
    ],
    [
      'a whole record with one field changed, key order ignored',
      { username: 'leader', role: 'viewer', unitId: null, disabled: false },
      { disabled: true, role: 'viewer', username: 'leader', unitId: null },
      [
        { field: 'username', before: 'leader', after: 'leader', changed: false },
        { field: 'role', before: 'viewer', after: 'viewer', changed: false },
        { field: 'unitId', before: null, after: null, changed: false },
        { field: 'disabled', before: false, after: true, changed: true },
      ],
    ],
    [
      'a field only after (a merge records where the unit went)',
      { name: '县人力社保局' },
      { mergedInto: 'u-2' },
      [
        { field: 'name', before: '县人力社保局', after: undefined, changed: true },
        { field: 'mergedInto', before: undefined, after: 'u-2', changed: true },
      ],
    ],
    ['a bare value', 15, 30, [{ field: '', before: 15, after: 30, changed: true }]],
    ['nothing recorded (a sign-in)', null, null, []],
  ])('%s', (_name, before, after, expected) => {
    expect(auditDiff(before, after)).toEqual(expected);
  });

  it('compares nested values deeply and lists only changes in changedFields', () => {
    const before = { milestones: [{ deadline: '2022-09-30', text: '融资达15亿元以上' }], narrative: '' };
    const same = { narrative: '', milestones: [{ text: '融资达15亿元以上', deadline: '2022-09-30' }] };
    expect(changedFields(before, same)).toEqual([]);
    const moved = { ...before, milestones: [{ deadline: '2022-12-31', text: '融资达15亿元以上' }] };
    expect(changedFields(before, moved).map((c) => c.field)).toEqual(['milestones']);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue(null, undefined)).toBe(false);
  });
});
