import { describe, expect, it } from 'vitest';
import { mayRemoveEvidence, reportPermissions, type Actor } from './report-access.js';

const units = { leadUnitId: 'nongye', coUnitIds: ['jinrong'] };
const admin: Actor = { role: 'admin', unitId: null };
const viewer: Actor = { role: 'viewer', unitId: null };
const lead: Actor = { role: 'reporter', unitId: 'nongye' };
const co: Actor = { role: 'reporter', unitId: 'jinrong' };
const other: Actor = { role: 'reporter', unitId: 'jiaoyu' };

describe('reportPermissions', () => {
  it.each([
    // actor, state, read, edit, submit, review, contribute, attach
    ['lead', lead, 'draft', true, true, true, false, false, true],
    ['lead', lead, 'submitted', true, false, false, false, false, false],
    ['lead', lead, 'returned', true, true, true, false, false, true],
    ['lead', lead, 'approved', true, false, false, false, false, false],
    ['co', co, 'draft', true, false, false, false, true, true],
    ['co', co, 'submitted', true, false, false, false, true, false],
    ['co', co, 'approved', true, false, false, false, false, false],
    ['other unit', other, 'draft', false, false, false, false, false, false],
    ['other unit', other, 'returned', false, false, false, false, false, false],
    ['other unit', other, 'submitted', true, false, false, false, false, false],
    ['viewer', viewer, 'draft', false, false, false, false, false, false],
    ['viewer', viewer, 'approved', true, false, false, false, false, false],
    ['admin', admin, 'draft', true, true, true, false, false, true],
    ['admin', admin, 'submitted', true, false, false, true, false, false],
    ['admin', admin, 'approved', true, false, false, false, false, false],
  ] as const)('%s on a %s report', (_n, actor, state, read, edit, submit, review, contribute, attach) => {
    expect(reportPermissions(actor, units, state)).toEqual({
      read,
      edit,
      submit,
      review,
      contribute,
      attach,
    });
  });

  it('lets only the lead unit (or the office) start a report', () => {
    expect(reportPermissions(lead, units, null).edit).toBe(true);
    expect(reportPermissions(admin, units, null).edit).toBe(true);
    expect(reportPermissions(co, units, null).edit).toBe(false);
    expect(reportPermissions(other, units, null).edit).toBe(false);
    expect(reportPermissions(lead, units, null).submit).toBe(false);
  });

  it('lets a unit remove only its own evidence, the office any', () => {
    expect(mayRemoveEvidence(co, units, 'draft', 'jinrong')).toBe(true);
    expect(mayRemoveEvidence(co, units, 'draft', 'nongye')).toBe(false);
    expect(mayRemoveEvidence(admin, units, 'draft', 'nongye')).toBe(true);
    expect(mayRemoveEvidence(lead, units, 'submitted', 'nongye')).toBe(false);
  });
});
