import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { t } from '../../src/i18n/index.js';
import { importPlan } from '../../src/services/import-plan.service.js';
import { rateItems } from '../../src/services/item-summary.js';
import { LedgerCache, loadLedger, type Ledger } from '../../src/services/ledger.service.js';
import { parseDocumentBytes, parseDocumentFile } from '../../src/services/parse-document.service.js';
import { exportLedgerJson, exportLedgerXlsx } from '../../src/services/export-ledger.service.js';
import { planSchema } from '../../src/domain/plan-schema.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { content, currentItem, insertReport } from '../helpers/report-rows.js';
import { openXlsx, rowValues } from './open-report.js';

/** The ledger of a stored plan: statuses from the same engine as the list, the list's filters, plan order. */
const SEED = join(import.meta.dirname, '../../data-seed/sanmen-2022.txt');
const AS_OF = '2022-06-30';
const STATUS_COL = 6;

describe.each(ENGINES)('export-ledger on %s', (engine) => {
  let db: TestDatabase;
  let ledger: Ledger;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
    const { plan, file } = await parseDocumentFile(SEED);
    const r = await importPlan(db.db, { plan, org: '三门县', file });
    ledger = await loadLedger(db.db, new LedgerCache(), r.orgId!);
  });
  afterAll(async () => {
    await db?.cleanup();
  });

  const dataRows = async (bytes: Uint8Array) => rowValues((await openXlsx(bytes)).worksheets[0]!).slice(3);

  it('gives every item the status rateItems gives it for the same date', async () => {
    for (const asOf of [AS_OF, '2022-12-31']) {
      const file = await exportLedgerXlsx(db.db, ledger, {}, asOf, 'zh-CN');
      const rows = await dataRows(file.bytes);
      const rated = rateItems(ledger, asOf);
      expect(file.items).toBe(67);
      // Numbers as written: 1* as text, 2 as a number, an empty cell where the document had none.
      expect(rows.map((r) => String(r[0] ?? ''))).toEqual(rated.map((r) => r.entry.item.numberText));
      expect(rows.map((r) => r[STATUS_COL])).toEqual(
        rated.map((r) => t('zh-CN', `status.${r.rating.status}`)),
      );
    }
  });

  it("keeps to the list's filters, in the plan's order whatever the list's sort", async () => {
    const file = await exportLedgerXlsx(
      db.db,
      ledger,
      { status: 'red', sort: 'title', order: 'desc' },
      AS_OF,
      'zh-CN',
    );
    const red = rateItems(ledger, AS_OF).filter((r) => r.rating.status === 'red');
    expect(red.length).toBeGreaterThan(1);
    const rows = await dataRows(file.bytes);
    expect(rows.map((r) => r[1])).toEqual(red.map((r) => r.entry.item.title));
    expect(rows.every((r) => r[STATUS_COL] === '红（逾期）')).toBe(true);
  });

  it('imports back as a new version in which no item changed', async () => {
    const file = await exportLedgerXlsx(db.db, ledger, {}, AS_OF, 'zh-CN');
    const { plan, file: meta } = await parseDocumentBytes(file.bytes, '三门县改革台账.xlsx');
    const r = await importPlan(db.db, { plan, org: '三门县', file: meta, dryRun: true });
    expect(r.diff).toMatchObject({ added: [], removed: [], changed: [], unchanged: 67 });
  });

  it('as JSON: the plan as `parse` gives it, and each item’s status', async () => {
    const json = await exportLedgerJson(db.db, ledger, AS_OF);
    expect(() => planSchema.parse(json.plan)).not.toThrow();
    expect(json.plan.title).toBe('三门县共同富裕“三十”工程改革库');
    expect(json.statuses).toHaveLength(67);
    const rated = rateItems(ledger, AS_OF);
    expect(json.statuses.map((s) => s.status)).toEqual(rated.map((r) => r.rating.status));
    expect(json.statuses[0]).toMatchObject({
      number: 1,
      status: 'green',
      next: { deadline: '2022-09-30' },
      milestones: ['green', 'green'],
    });
  });

  it('says what the latest approved report known on the date said, and each actual against its target', async () => {
    const one = await currentItem(db.db, ledger.orgId, 1);
    const unitId = ledger.items[0]!.lead!.id;
    const report = (period: string, actual: string, narrative: string) =>
      content(one, { targets: { 0: { actual, unit: '亿元', reportedOn: `${period}-28` } }, narrative });
    await insertReport(db.db, ledger.orgId, {
      item: one,
      period: '2022-05',
      unitId,
      content: report('2022-05', '12', '已发放“农户家庭资产池”贷款12亿元。'),
      steps: [
        ['submit', '2022-06-02T02:00:00.000Z'],
        ['approve', '2022-06-05T02:00:00.000Z'],
      ],
    });
    await insertReport(db.db, ledger.orgId, {
      item: one,
      period: '2022-06',
      unitId,
      content: report('2022-06', '18', '累计发放18亿元，覆盖全县14个乡镇（街道）。'),
      // Approved on 1 July in Sanmen (16:30 UTC on 30 June): not known on 30 June.
      steps: [
        ['submit', '2022-06-29T02:00:00.000Z'],
        ['approve', '2022-06-30T16:30:00.000Z'],
      ],
    });
    const fresh = await loadLedger(db.db, new LedgerCache(), ledger.orgId);
    const first = async (asOf: string) =>
      (await dataRows((await exportLedgerXlsx(db.db, fresh, {}, asOf, 'zh-CN')).bytes))[0]!;

    const june = await first(AS_OF);
    expect(june[8]).toBe('2022年5月：已发放“农户家庭资产池”贷款12亿元。');
    expect(june[9]).toBe('“农户家庭资产池”融资：12亿元（目标 达15亿元以上）');
    expect(june[STATUS_COL]).toBe(t('zh-CN', `status.${rateItems(fresh, AS_OF)[0]!.rating.status}`));

    const july = await first('2022-07-01');
    expect(july[8]).toBe('2022年6月：累计发放18亿元，覆盖全县14个乡镇（街道）。');
    expect(july[9]).toBe('“农户家庭资产池”融资：18亿元（目标 达15亿元以上，已完成）');
    expect(rateItems(fresh, '2022-07-01')[0]!.rating.targets[0]!.status).toBe('done');
    // Other items have no approved report: nothing to say.
    const second = (
      await dataRows((await exportLedgerXlsx(db.db, fresh, {}, '2022-07-01', 'zh-CN')).bytes)
    )[1]!;
    expect(second[8] ?? null).toBeNull();
    expect(second[9] ?? null).toBeNull();
  });
});
