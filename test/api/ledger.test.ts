import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, errorOf, login, openHarness, type Harness, type Session } from './harness.js';
import { openXlsx, rowValues } from '../writers/open-report.js';

/** GET /api/ledger.xlsx: the ledger workbook for the list's current filter (issue 8). */
const AS_OF = '2022-06-30';

describe('GET /api/ledger.xlsx', () => {
  let h: Harness;
  let s: Session;
  beforeAll(async () => {
    h = await openHarness('sqlite');
    s = await login(h, 'leader');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is for signed-in users only', async () => {
    const r = await call(h, null, 'GET', `/api/ledger.xlsx?asOf=${AS_OF}`);
    expect(r.statusCode).toBe(401);
    expect(errorOf(r).code).toBe('unauthenticated');
  });

  it('downloads the whole plan in its own columns, as of the date asked', async () => {
    const r = await call(h, s, 'GET', `/api/ledger.xlsx?asOf=${AS_OF}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(String(r.headers['content-disposition'])).toContain(
      `filename*=UTF-8''${encodeURIComponent('改革台账')}-${AS_OF}.xlsx`,
    );
    const rows = rowValues((await openXlsx(r.rawPayload)).worksheets[0]!);
    expect(rows[0]![0]).toBe('三门县共同富裕“三十”工程改革库');
    expect(rows[1]).toContain('状态截至 2022年6月30日');
    expect(rows[2]).toEqual([
      '序号',
      '改革事项',
      '改革举措',
      '主要目标',
      '标志性成果',
      '责任单位',
      '状态',
      '下一节点',
      '最新进展',
      '指标完成',
    ]);
    expect(rows).toHaveLength(3 + 67);
  });

  it("keeps to the list's filters: one unit's items, in English when asked", async () => {
    const unit = await h.unitId('县金融中心');
    const r = await call(h, s, 'GET', `/api/ledger.xlsx?asOf=${AS_OF}&unit=${unit}&role=lead`, {
      headers: { 'accept-language': 'en-US' },
    });
    expect(r.statusCode).toBe(200);
    const rows = rowValues((await openXlsx(r.rawPayload)).worksheets[0]!);
    expect(rows[2]!.slice(-4)).toEqual(['Status', 'Next deadline', 'Latest report', 'Target actuals']);
    const items = rows.slice(3);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((row) => String(row[5]).startsWith('县金融中心'))).toBe(true);
  });

  it('refuses a date that is not one', async () => {
    const r = await call(h, s, 'GET', '/api/ledger.xlsx?asOf=2022-02-30');
    expect(r.statusCode).toBe(400);
  });
});
