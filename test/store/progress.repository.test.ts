import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPlan } from '../../src/services/import-plan.service.js';
import { loadItemReports } from '../../src/services/item-progress.js';
import { parseDocumentBytes, parseDocumentFile } from '../../src/services/parse-document.service.js';
import { loadItems } from '../../src/store/items.repository.js';
import { ledgerKey } from '../../src/store/ledger.repository.js';
import {
  loadApprovedReports,
  loadReportSubjects,
  loadSubmissions,
} from '../../src/store/progress.repository.js';
import { findUnit } from '../../src/store/units.repository.js';
import { content, currentItem, insertReport, type CurrentItem } from '../helpers/report-rows.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const SEED = 'data-seed/sanmen-2022.txt';
const M20 = '“农户家庭资产池”融资达20亿元以上';

describe.each(ENGINES)('progress repository on %s', (engine) => {
  let t: TestDatabase;
  let orgId: string;
  let item1: CurrentItem;
  let unitId: string;

  beforeEach(async () => {
    t = await openTestDatabase(engine);
    const { plan, file } = await parseDocumentFile(SEED);
    const r = await importPlan(t.db, { plan, org: '三门县', file, now: new Date('2022-03-01T00:00:00Z') });
    orgId = r.orgId!;
    item1 = await currentItem(t.db, orgId, 1);
    unitId = (await findUnit(t.db.kysely, orgId, '台州银保监分局三门监管组'))!.id;
  });
  afterEach(async () => {
    await t?.cleanup();
  });

  // 1 “农户家庭资产池”融资模式: 2022年9月底前 15亿元以上, 2022年12月底前 20亿元以上; three achievements.
  const september = (item: CurrentItem) =>
    content(item, {
      milestones: { 0: { state: 'done', doneOn: '2022-09-20' }, 1: { state: 'in_progress', percent: 80 } },
      targets: {
        0: { actual: '16', unit: '亿元', reportedOn: '2022-09-20' },
        1: { actual: '16', unit: '亿元', reportedOn: '2022-09-20' },
      },
      achievements: { 0: { reached: true, reachedOn: '2022-08-01', evidence: '农户家庭资产负债表.xlsx' } },
    });

  it('reads approved reports with their approval time, and every submission with its return', async () => {
    await insertReport(t.db, orgId, {
      item: item1,
      period: '2022-08',
      unitId,
      content: september(item1),
      steps: [
        ['submit', '2022-08-24T02:00:00.000Z'],
        ['return', '2022-08-26T02:00:00.000Z'],
        ['submit', '2022-08-29T02:00:00.000Z'],
      ],
    });
    const approvedId = await insertReport(t.db, orgId, {
      item: item1,
      period: '2022-09',
      unitId,
      content: september(item1),
      steps: [
        ['submit', '2022-09-21T02:00:00.000Z'],
        ['return', '2022-09-22T02:00:00.000Z'],
        ['submit', '2022-09-23T02:00:00.000Z'],
        ['approve', '2022-09-26T17:30:00.000Z'],
      ],
    });

    const approved = await loadApprovedReports(t.db.kysely, orgId);
    expect(approved).toEqual([
      {
        reportId: approvedId,
        itemKey: item1.itemKey,
        period: '2022-09',
        versionId: item1.versionId,
        content: {
          milestones: september(item1).milestones,
          targets: september(item1).targets,
          achievements: september(item1).achievements,
        },
        approvedAt: '2022-09-26T17:30:00.000Z',
      },
    ]);

    const submissions = await loadSubmissions(t.db.kysely, orgId);
    expect(submissions.sort((a, b) => (a.period < b.period ? -1 : 1))).toEqual([
      {
        itemKey: item1.itemKey,
        period: '2022-08',
        unitId,
        submissions: [
          { at: '2022-08-24T02:00:00.000Z', returnedAt: '2022-08-26T02:00:00.000Z' },
          { at: '2022-08-29T02:00:00.000Z', returnedAt: null },
        ],
      },
      {
        itemKey: item1.itemKey,
        period: '2022-09',
        unitId,
        submissions: [
          { at: '2022-09-21T02:00:00.000Z', returnedAt: '2022-09-22T02:00:00.000Z' },
          { at: '2022-09-23T02:00:00.000Z', returnedAt: null },
        ],
      },
    ]);

    // Approved at 01:30 on 27 September in Sanmen.
    const { plan } = await ledgerKey(t.db.kysely, orgId);
    const items = await loadItems(t.db.kysely, orgId, plan!.versionId);
    const dated = await loadItemReports(
      t.db.kysely,
      orgId,
      { versionId: plan!.versionId, items },
      'Asia/Shanghai',
    );
    expect(dated.get(item1.itemKey)!.map((r) => r.submittedOn)).toEqual(['2022-09-27']);
    expect([...dated.keys()]).toEqual([item1.itemKey]);
  });

  it('carries a report written against the previous version onto the re-imported item', async () => {
    await insertReport(t.db, orgId, {
      item: item1,
      period: '2022-09',
      unitId,
      content: september(item1),
      steps: [
        ['submit', '2022-09-21T02:00:00.000Z'],
        ['approve', '2022-09-22T02:00:00.000Z'],
      ],
    });
    // The office raises the December goal to 25亿元 and re-imports.
    const revised = readFileSync(SEED, 'utf8').replace(M20, '“农户家庭资产池”融资达25亿元以上');
    const { plan, file } = await parseDocumentBytes(new TextEncoder().encode(revised), 'sanmen-revised.txt');
    await importPlan(t.db, { plan, org: '三门县', file, now: new Date('2022-10-01T00:00:00Z') });
    const current = await currentItem(t.db, orgId, 1);
    expect(current.itemKey).toBe(item1.itemKey);
    expect(current.versionId).not.toBe(item1.versionId);

    const subjects = await loadReportSubjects(t.db.kysely, orgId, [item1.versionId]);
    expect(
      subjects
        .get(item1.versionId)
        ?.get(item1.itemKey)
        ?.milestones.map((m) => m.deadline),
    ).toEqual(['2022-09-30', '2022-12-31']);

    const items = await loadItems(t.db.kysely, orgId, current.versionId);
    const dated = await loadItemReports(
      t.db.kysely,
      orgId,
      { versionId: current.versionId, items },
      'Asia/Shanghai',
    );
    const [only] = dated.get(item1.itemKey)!;
    const sent = september(item1);
    // The September milestone and its 15亿 target stand; the reworded December ones start over.
    expect(only!.report.milestones).toEqual([sent.milestones[0], null]);
    expect(only!.report.targets).toEqual([sent.targets[0], null]);
    expect(only!.report.achievements).toEqual(sent.achievements);
  });
});
