import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPageDto } from '../../src/shared/api/index.js';
import { appendAudit, listAudit } from '../../src/store/audit.repository.js';
import { ENGINES } from '../helpers/test-database.js';
import { call, errorOf, login, NOW, openHarness, type Harness, type Session } from './harness.js';

/**
 * The audit log (审计日志) over HTTP on both engines: the admin browses and filters it; nobody
 * else reads it; writes made through the API show up with before → after; the database refuses
 * to change or erase a row; the export is a spreadsheet that cannot run formulas.
 */

/** When the harness imported the Sanmen plan: 08:00 on 1 March 2022 in Sanmen. */
const IMPORTED_AT = '2022-03-01T00:00:00.000Z';

describe.each(ENGINES)('audit log on %s', (engine) => {
  let h: Harness;
  let admin: Session;

  beforeAll(async () => {
    h = await openHarness(engine);
    admin = await login(h, 'admin');
  });
  afterAll(async () => {
    await h?.close();
  });

  const page = async (query: string): Promise<AuditPageDto> => {
    const r = await call(h, admin, 'GET', `/api/audit${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json<AuditPageDto>();
  };

  it('lists the whole log newest first, with the total, in pages that do not overlap', async () => {
    const all = await listAudit(h.t.db.kysely, h.orgId);
    const first = await page('?pageSize=7');
    expect(first.total).toBe(all.length);
    expect(first.total).toBeGreaterThan(100); // the import writes a row per item, unit, alias …
    expect(first).toMatchObject({ page: 1, pageSize: 7 });
    expect(first.entries).toHaveLength(7);
    // The admin's own sign-in (at NOW) is newer than the import of 1 March.
    expect(first.entries[0]!.at).toBe(NOW.toISOString());
    const second = await page('?pageSize=7&page=2');
    const ats = [...first.entries, ...second.entries].map((e) => e.at);
    expect(ats).toEqual([...ats].sort().reverse());
    const ids = new Set([...first.entries, ...second.entries].map((e) => e.id));
    expect(ids.size).toBe(14);
    const last = await page(`?pageSize=200&page=${Math.ceil(all.length / 200)}`);
    expect(last.entries.at(-1)!.at).toBe(IMPORTED_AT);
  });

  it('caps the page size and refuses bad filters with the field at fault', async () => {
    const big = await call(h, admin, 'GET', '/api/audit?pageSize=201');
    expect(big.statusCode).toBe(400);
    expect(errorOf(big).field).toBe('pageSize');
    const when = await call(h, admin, 'GET', '/api/audit?from=30.06.2022');
    expect(when.statusCode).toBe(400);
    expect(errorOf(when).field).toBe('from');
    const action = await call(h, admin, 'GET', '/api/audit?action=rewrite');
    expect(action.statusCode).toBe(400);
  });

  it('filters by actor, entity kind, entity id, action and text', async () => {
    const mine = await page('?actor=admin');
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.entries.every((e) => e.actor === 'admin')).toBe(true);
    expect(mine.entries.map((e) => `${e.action} ${e.entity}`)).toContain('create session');

    const units = await page('?entity=unit&pageSize=200');
    const unitRows = await listAudit(h.t.db.kysely, h.orgId, { entity: 'unit' });
    expect(units.total).toBe(unitRows.length);
    expect(units.entries.every((e) => e.entity === 'unit')).toBe(true);
    expect(units.entries.map((e) => (e.after as { name?: string }).name)).toContain('县农业农村局');

    const jinrong = await h.unitId('县金融中心');
    const one = await page(`?entity=unit&entityId=${jinrong}`);
    expect(one.entries.map((e) => e.after)).toEqual([{ name: '县金融中心' }]);

    const text = await page(`?q=${encodeURIComponent('农户家庭资产池')}&entity=item`);
    expect(text.total).toBe(1);
    expect((text.entries[0]!.after as { title: string }).title).toBe(
      '“农户家庭资产池”融资模式（小微金融助富改革）',
    );

    const deletes = await page('?action=delete');
    expect(deletes.entries.every((e) => e.action === 'delete')).toBe(true);

    const entities = await call(h, admin, 'GET', '/api/audit/entities');
    expect(entities.statusCode).toBe(200);
    const kinds = entities.json<{ entities: string[] }>().entities;
    expect(kinds).toEqual([...kinds].sort());
    expect(kinds).toEqual(expect.arrayContaining(['item', 'plan', 'session', 'unit', 'unit_alias', 'user']));
  });

  it('shows a write made through the API with who, when, and before → after', async () => {
    const r = await call(h, admin, 'PATCH', '/api/org', { body: { warningDays: 15 } });
    expect(r.statusCode, r.body).toBe(200);
    const latest = (await page('?entity=org_settings')).entries[0]!;
    expect(latest).toMatchObject({
      actor: 'admin',
      action: 'update',
      entityId: h.orgId,
      at: NOW.toISOString(),
      after: { warningDays: 15 },
    });
    expect(latest.before).toEqual({ warningDays: 30 });

    const unit = await h.unitId('县金融中心');
    const rename = await call(h, admin, 'PATCH', `/api/units/${unit}`, { body: { name: '县金融发展中心' } });
    expect(rename.statusCode, rename.body).toBe(200);
    const renamed = (await page(`?entity=unit&entityId=${unit}&action=update`)).entries;
    expect(renamed.map((e) => [e.actor, e.before, e.after])).toEqual([
      ['admin', { name: '县金融中心' }, { name: '县金融发展中心' }],
    ]);
  });

  it('is for the admin only: reporters and viewers get 403, strangers 401', async () => {
    const viewer = await login(h, 'leader');
    const reporter = await login(h, 'nongyeju');
    for (const url of ['/api/audit', '/api/audit/entities', '/api/audit/export.xlsx']) {
      for (const s of [viewer, reporter]) {
        const r = await call(h, s, 'GET', url);
        expect(r.statusCode, `${url} as ${s.cookie.slice(0, 8)}`).toBe(403);
        expect(errorOf(r).code).toBe('forbidden');
      }
      expect((await call(h, null, 'GET', url)).statusCode).toBe(401);
    }
  });

  it('cannot be edited or erased, not even with SQL: the database refuses', async () => {
    const before = await listAudit(h.t.db.kysely, h.orgId);
    const db = h.t.db.kysely;
    await expect(sql`update audit_log set actor = 'mallory'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(
      sql`update audit_log set after = null where entity = 'org_settings'`.execute(db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where actor = 'admin'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
    if (engine === 'postgres') {
      await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    }
    expect(await listAudit(h.t.db.kysely, h.orgId)).toEqual(before);
    // Appending still works: that is how every write records itself.
    const r = await call(h, admin, 'PATCH', '/api/org', { body: { warningDays: 30 } });
    expect(r.statusCode).toBe(200);
    expect((await listAudit(h.t.db.kysely, h.orgId)).length).toBe(before.length + 1);
  });

  it('exports the filtered log as .xlsx that opens in Excel, formulas neutralised', async () => {
    const unit = await h.unitId('县农业农村局');
    const evil = '=HYPERLINK("http://example.invalid","点此")';
    expect((await call(h, admin, 'PATCH', `/api/units/${unit}`, { body: { name: evil } })).statusCode).toBe(
      200,
    );
    const filtered = await page(`?entity=unit&entityId=${unit}`);

    const r = await call(h, admin, 'GET', `/api/audit/export.xlsx?entity=unit&entityId=${unit}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(String(r.headers['content-disposition'])).toContain(encodeURIComponent('审计日志'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('审计日志');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      '时间（Asia/Shanghai）',
      '操作人',
      '操作',
      '对象类型',
      '对象标识',
      '变更内容',
      '变更前',
      '变更后',
    ]);
    expect(sheet.rowCount).toBe(filtered.total + 1);

    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) =>
      (sheet.getRow(i + 2).values as unknown[]).slice(1).map((v) => (v === undefined ? '' : v)),
    );
    // Newest first: the rename, at 10:00 in Sanmen, by the admin, the old name → the new one.
    expect(rows[0]!.slice(0, 5)).toEqual(['2022-06-30 10:00:00', 'admin', '修改', '责任单位', unit]);
    expect(rows[0]![5]).toBe(`name: 县农业农村局 → ${evil}`);
    const cells = rows.flat().filter((v): v is string => typeof v === 'string');
    expect(cells.filter((v) => /^[=+\-@]/.test(v))).toEqual([]);
    for (let c = 1; c <= 8; c++) {
      for (let n = 2; n <= sheet.rowCount; n++) expect(sheet.getRow(n).getCell(c).formula).toBeUndefined();
    }
  });

  it('neutralises a cell that would start with a formula sign', async () => {
    // The CLI records any --actor it is given, and entity ids are whatever the writer chose:
    // here both look like formulas.
    await appendAudit(h.t.db.kysely, { orgId: h.orgId, actor: '=2+3', at: NOW.toISOString() }, [
      { action: 'create', entity: 'plan', entityId: '-1+1', after: { title: '@SUM(A1)' } },
    ]);
    const r = await call(h, admin, 'GET', `/api/audit/export.xlsx?actor=${encodeURIComponent('=2+3')}`);
    expect(r.statusCode, r.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const row = wb.worksheets[0]!.getRow(2);
    expect(wb.worksheets[0]!.rowCount).toBe(2);
    expect(row.getCell(2).value).toBe("'=2+3");
    expect(row.getCell(3).value).toBe('新增');
    expect(row.getCell(4).value).toBe('改革库');
    expect(row.getCell(5).value).toBe("'-1+1");
    expect(row.getCell(6).value).toBe('title: @SUM(A1)');
    expect(row.getCell(2).formula).toBeUndefined();
  });

  it('exports only what the filter selects, with English headers when asked', async () => {
    const r = await call(h, admin, 'GET', '/api/audit/export.xlsx?entity=org_settings', {
      headers: { 'accept-language': 'en-US' },
    });
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const listed = await page('?entity=org_settings');
    expect(sheet.rowCount).toBe(listed.total + 1);
    expect(sheet.getRow(1).getCell(1).value).toBe('Time (Asia/Shanghai)');
    const kinds = new Set(
      Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2).getCell(4).value),
    );
    expect(kinds).toEqual(new Set(['Organisation settings']));
  });

  it('takes dates as days in Sanmen and timestamps as instants', async () => {
    const march = await page('?from=2022-03-01&to=2022-03-01&pageSize=200');
    expect(march.total).toBeGreaterThan(100);
    expect(new Set(march.entries.map((e) => e.at))).toEqual(new Set([IMPORTED_AT]));
    const none = await page('?from=2022-03-02&to=2022-06-29');
    expect(none.total).toBe(0);

    // 01:00 on 1 July in Sanmen is still 30 June in UTC: the write belongs to 1 July.
    h.clock.now = new Date('2022-06-30T17:00:00.000Z');
    try {
      const s = await login(h, 'admin');
      const r = await call(h, s, 'PATCH', '/api/org', { body: { warningDays: 20 } });
      expect(r.statusCode, r.body).toBe(200);
    } finally {
      h.clock.now = NOW;
    }
    // Signing in at 17:00Z cleared the sessions that had expired by then, the admin's among them.
    admin = await login(h, 'admin');
    const settings = (q: string) => page(`?entity=org_settings${q}`);
    // The two earlier changes (tests above) were made at 10:00 on 30 June in Sanmen.
    const june30 = await settings('&from=2022-06-30&to=2022-06-30');
    expect(june30.total).toBe(2);
    expect(june30.entries.every((e) => e.at === NOW.toISOString())).toBe(true);
    expect((await settings('&to=2022-06-30')).total).toBe(2);
    expect((await settings('&from=2022-07-01&to=2022-07-01')).entries.map((e) => e.after)).toEqual([
      { warningDays: 20 },
    ]);
    expect((await settings('&from=2022-06-30T17:00:00Z')).total).toBe(1);
    expect((await settings('&from=2022-07-01T01:00:00%2B08:00')).total).toBe(1);
    expect((await settings('&to=2022-06-30T16:59:59.999Z')).total).toBe(2);
    expect((await settings('&to=2022-06-30T17:00:00Z')).total).toBe(3);
  });
});
