import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceDto, EvidenceList } from '../../src/shared/api/index.js';
import { listAudit } from '../../src/store/audit.repository.js';
import { loadLedger, LedgerCache } from '../../src/services/ledger.service.js';
import { sha256Of } from '../../src/services/evidence-store.js';
import { ENGINES } from '../helpers/test-database.js';
import * as f from '../helpers/evidence-files.js';
import { call, errorOf, login, NOW, openHarness, type Harness, type Session } from './harness.js';

/** Small, so the limit test sends a few hundred KB, not 20 MB. */
const LIMIT = 256 * 1024;
const EMPTY_CONTENT = '{"milestones":[],"targets":[],"achievements":[],"narrative":""}';
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function multipart(fileName: string, content: Buffer, field = 'file') {
  const boundary = '----reform-ledger-evidence';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe.each(ENGINES)('evidence files (%s)', (engine) => {
  let h: Harness;
  let dataDir: string;
  let admin: Session;
  let viewer: Session;
  /** 县农业农村局 */
  let nongyeju: Session;
  /** 县金融中心 */
  let jinrong: Session;
  let periods = 0;

  /**
   * A report row as the reports service would write it (this suite does not depend on that
   * service): the item's lead unit, the current plan version, a period of its own.
   */
  async function insertReport(itemNumber: number, status = 'draft'): Promise<string> {
    const ledger = await loadLedger(h.t.db, new LedgerCache(), h.orgId);
    const item = ledger.items.find((i) => i.item.number === itemNumber)!;
    const id = randomUUID();
    const at = NOW.toISOString();
    await h.t.db.kysely
      .insertInto('reports')
      .values({
        org_id: h.orgId,
        id,
        item_key: item.itemKey,
        period: `2021-${String(++periods).padStart(2, '0')}`,
        status,
        revision: 1,
        version_id: ledger.plan!.versionId,
        unit_id: item.lead!.id,
        content: EMPTY_CONTENT,
        created_at: at,
        created_by: 'test',
        updated_at: at,
        updated_by: 'test',
        submitted_at: status === 'draft' ? null : at,
        reviewed_at: null,
        reviewed_by: null,
        review_comment: null,
      })
      .execute();
    return id;
  }

  const setStatus = (reportId: string, status: string) =>
    h.t.db.kysely.updateTable('reports').set({ status }).where('id', '=', reportId).execute();

  function upload(
    session: Session,
    reportId: string,
    fileName: string,
    content: Buffer,
    field = 'file',
  ): Promise<LightMyRequestResponse> {
    const m = multipart(fileName, content, field);
    // A second passes between uploads, so "oldest first" has an order to show.
    h.clock.now = new Date(h.clock.now.getTime() + 1000);
    return h.app.inject({
      method: 'POST',
      url: `/api/reports/${reportId}/evidence`,
      payload: m.payload,
      headers: { 'content-type': m.contentType, cookie: session.cookie, 'x-csrf-token': session.csrf },
    });
  }

  const blobs = () =>
    readdirSync(join(dataDir, 'evidence'), { recursive: true, withFileTypes: true }).filter((d) => d.isFile())
      .length;
  const rowsOf = async (reportId: string) =>
    (await h.t.db.kysely.selectFrom('evidence').select('id').where('report_id', '=', reportId).execute())
      .length;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rl-evidence-api-'));
    h = await openHarness(engine, { env: { DATA_DIR: dataDir, EVIDENCE_MAX_BYTES: String(LIMIT) } });
    admin = await login(h, 'admin');
    viewer = await login(h, 'leader');
    nongyeju = await login(h, 'nongyeju');
    jinrong = await login(h, 'jinrong');
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('accepts a real PDF, PNG and Word file by content and serves each back under its Chinese name', async () => {
    // 18 农民持股改革: led by 县农业农村局 alone.
    const report = await insertReport(18);
    const files: [string, Buffer, string, string][] = [
      [
        '农民持股改革进展（6月）.pdf',
        f.pdf('Nongmin chigu'),
        'application/pdf',
        '农民持股改革进展（6月）.pdf',
      ],
      ['股份合作社挂牌现场.png', f.png(8, 6), 'image/png', '股份合作社挂牌现场.png'],
      [
        '农民持股改革实施方案.docx',
        await f.docx(['农民持股改革实施方案', '已完成股份量化']),
        DOCX_MIME,
        '农民持股改革实施方案.docx',
      ],
      // A phone's PNG saved as .jpg: accepted, and stored as what it is.
      ['分红大会.jpg', f.png(2, 2), 'image/png', '分红大会.png'],
    ];
    const ids: string[] = [];
    for (const [name, bytes, mime, storedName] of files) {
      const r = await upload(nongyeju, report, name, bytes);
      expect(r.statusCode, r.body).toBe(201);
      const e = r.json<EvidenceDto>();
      expect(e).toMatchObject({
        fileName: storedName,
        mime,
        bytes: bytes.length,
        sha256: sha256Of(bytes),
        unit: { id: await h.unitId('县农业农村局'), name: '县农业农村局' },
        uploadedAt: h.clock.now.toISOString(),
        uploadedBy: 'nongyeju',
      });
      ids.push(e.id);

      const d = await call(h, nongyeju, 'GET', `/api/evidence/${e.id}`);
      expect(d.statusCode).toBe(200);
      expect(Buffer.compare(d.rawPayload, bytes)).toBe(0);
      expect(d.headers['content-type']).toBe(mime);
      expect(d.headers['content-length']).toBe(String(bytes.length));
      expect(d.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent(storedName)}`,
      );
      expect(d.headers['content-disposition']).toMatch(/^attachment; filename="[\x20-\x7e]+";/);
      expect(d.headers['x-content-type-options']).toBe('nosniff');
      expect(d.headers['content-security-policy']).toBe(
        "default-src 'none'; sandbox; frame-ancestors 'none'",
      );
      expect(d.headers['cache-control']).toBe('private, no-store');
    }
    // The office and the co-units read drafts too.
    expect((await call(h, admin, 'GET', `/api/evidence/${ids[0]}`)).statusCode).toBe(200);

    const list = await call(h, nongyeju, 'GET', `/api/reports/${report}/evidence`);
    expect(list.json<EvidenceList>().evidence.map((e) => e.fileName)).toEqual(files.map((x) => x[3]));

    const audit = (await listAudit(h.t.db.kysely, h.orgId, { entity: 'evidence' })).filter((a) =>
      ids.includes(a.entityId),
    );
    expect(audit.map((a) => [a.action, a.actor])).toEqual(ids.map(() => ['create', 'nongyeju']));
    expect(audit[0]!.after).toMatchObject({ reportId: report, fileName: '农民持股改革进展（6月）.pdf' });
  });

  it.each([
    ['a Windows .exe renamed .pdf', 'setup.pdf', () => f.exe(), '不支持的佐证材料类型'],
    ['an HTML page', '进展.html', () => f.html(), '不支持的佐证材料类型'],
    ['an SVG image (it can carry script)', '标识.svg', () => f.svg(), '不支持的佐证材料类型'],
    ['a plain zip archive', '材料.zip', () => f.plainZip(), '不支持的佐证材料类型'],
    ['an empty file', '空白.pdf', () => Buffer.alloc(0), '文件是空的'],
    ['a Word file with macros', '方案.docm', () => f.docm(), '含宏'],
    ['an iPhone HEIC photo', 'IMG_0001.HEIC', () => f.heic(), '暂不支持 HEIC/HEIF 格式的照片'],
  ])('refuses %s with 415 and stores nothing', async (_what, name, make, phrase) => {
    const report = await insertReport(23);
    const before = blobs();
    const r = await upload(nongyeju, report, name, make());
    expect(r.statusCode, r.body).toBe(415);
    const e = errorOf(r);
    expect(e.code).toBe('unsupported_type');
    expect(e.field).toBe('file');
    expect(e.message).toContain(`文件 ${name}`);
    expect(e.message).toContain(phrase);
    expect(await rowsOf(report)).toBe(0);
    expect(blobs()).toBe(before);
  });

  it('says why in English too', async () => {
    const report = await insertReport(23);
    const m = multipart('setup.pdf', f.exe());
    const r = await h.app.inject({
      method: 'POST',
      url: `/api/reports/${report}/evidence`,
      payload: m.payload,
      headers: {
        'content-type': m.contentType,
        cookie: nongyeju.cookie,
        'x-csrf-token': nongyeju.csrf,
        'accept-language': 'en-US',
      },
    });
    expect(errorOf(r).message).toMatch(/^file setup\.pdf: This type of evidence is not accepted/);
  });

  it('takes a file of exactly EVIDENCE_MAX_BYTES and refuses one byte more with 413', async () => {
    const report = await insertReport(40);
    const atLimit = await upload(nongyeju, report, '未来乡村验收.pdf', f.pdfOfSize(LIMIT));
    expect(atLimit.statusCode, atLimit.body).toBe(201);
    const over = await upload(nongyeju, report, '未来乡村全景.pdf', f.pdfOfSize(LIMIT + 1));
    expect(over.statusCode, over.body).toBe(413);
    expect(errorOf(over)).toMatchObject({ code: 'too_large', field: 'file' });
    expect(errorOf(over).message).toContain('佐证材料超过上限 256 KB');
    expect(await rowsOf(report)).toBe(1);
  });

  it('refuses a request without a "file" field', async () => {
    const report = await insertReport(40);
    const r = await upload(nongyeju, report, 'a.pdf', f.pdf(), 'attachment');
    expect(r.statusCode).toBe(400);
    expect(errorOf(r).field).toBe('file');
  });

  it('stores the same file once: again on the same report is the same evidence, on another a new row', async () => {
    const first = await insertReport(68);
    const second = await insertReport(69);
    const bytes = f.pdf('Gongfu yutang');
    const before = blobs();
    const a = await upload(nongyeju, first, '共富渔塘.pdf', bytes);
    const again = await upload(nongyeju, first, '共富渔塘（重传）.pdf', bytes);
    const b = await upload(nongyeju, second, '青蟹产业.pdf', bytes);
    expect([a.statusCode, again.statusCode, b.statusCode]).toEqual([201, 200, 201]);
    expect(again.json<EvidenceDto>().id).toBe(a.json<EvidenceDto>().id);
    expect(b.json<EvidenceDto>().id).not.toBe(a.json<EvidenceDto>().id);
    expect(b.json<EvidenceDto>().sha256).toBe(a.json<EvidenceDto>().sha256);
    expect([await rowsOf(first), await rowsOf(second)]).toEqual([1, 1]);
    expect(blobs()).toBe(before + 1);
  });

  it("hides a draft's files from another unit (404, as if absent), uploads to it too", async () => {
    const report = await insertReport(18);
    const id = (await upload(nongyeju, report, '股权证.pdf', f.pdf('guquanzheng'))).json<EvidenceDto>().id;

    const hidden = await call(h, jinrong, 'GET', `/api/evidence/${id}`);
    const absent = await call(h, jinrong, 'GET', `/api/evidence/${randomUUID()}`);
    expect([hidden.statusCode, absent.statusCode]).toEqual([404, 404]);
    expect(hidden.body).toBe(absent.body);
    expect((await call(h, jinrong, 'GET', `/api/reports/${report}/evidence`)).statusCode).toBe(404);
    expect((await call(h, jinrong, 'DELETE', `/api/evidence/${id}`)).statusCode).toBe(404);
    // A viewer reads submitted reports only.
    expect((await call(h, viewer, 'GET', `/api/evidence/${id}`)).statusCode).toBe(404);

    const foreign = await upload(jinrong, report, '金融中心.pdf', f.pdf());
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toBe((await upload(jinrong, randomUUID(), '金融中心.pdf', f.pdf())).body);
    const byViewer = await upload(viewer, report, '领导.pdf', f.pdf());
    expect(byViewer.statusCode).toBe(403);
    expect(await rowsOf(report)).toBe(1);
    // No such report at all.
    expect((await upload(nongyeju, randomUUID(), 'a.pdf', f.pdf())).statusCode).toBe(404);
  });

  it('closes a submitted report to new files and removals; everyone may now read its files', async () => {
    const report = await insertReport(47);
    const id = (await upload(nongyeju, report, '帮扶共同体协议.pdf', f.pdf('bangfu'))).json<EvidenceDto>().id;
    await setStatus(report, 'submitted');

    const late = await upload(nongyeju, report, '补充材料.pdf', f.pdf('buchong'));
    expect(late.statusCode).toBe(409);
    expect(errorOf(late).message).toContain('报告已提交或已通过');
    expect((await call(h, nongyeju, 'DELETE', `/api/evidence/${id}`)).statusCode).toBe(409);
    expect((await upload(jinrong, report, '补充材料.pdf', f.pdf('buchong'))).statusCode).toBe(403);
    for (const who of [jinrong, viewer]) {
      expect((await call(h, who, 'GET', `/api/evidence/${id}`)).statusCode).toBe(200);
    }
    // Returned: in the unit's hands again.
    await setStatus(report, 'returned');
    expect((await upload(nongyeju, report, '补充材料.pdf', f.pdf('buchong'))).statusCode).toBe(201);
    await setStatus(report, 'approved');
    expect((await call(h, admin, 'DELETE', `/api/evidence/${id}`)).statusCode).toBe(409);
  });

  it('lets a co-unit attach and remove its own files; another unit may not remove them (403); the office may', async () => {
    // 36 农村宅基地改革: lead 县农业农村局, co-unit 县金融中心.
    const report = await insertReport(36);
    const r = await upload(jinrong, report, '宅基地抵押贷款台账.xlsx', await f.xlsx());
    expect(r.statusCode, r.body).toBe(201);
    const coFile = r.json<EvidenceDto>();
    expect(coFile.unit.name).toBe('县金融中心');

    const byLead = await call(h, nongyeju, 'DELETE', `/api/evidence/${coFile.id}`);
    expect(byLead.statusCode).toBe(403);
    expect(errorOf(byLead).message).toBe('只能删除本单位上传的佐证材料');
    expect((await call(h, viewer, 'DELETE', `/api/evidence/${coFile.id}`)).statusCode).toBe(403);

    expect((await call(h, jinrong, 'DELETE', `/api/evidence/${coFile.id}`)).statusCode).toBe(204);
    expect((await call(h, jinrong, 'GET', `/api/evidence/${coFile.id}`)).statusCode).toBe(404);
    expect((await call(h, jinrong, 'DELETE', `/api/evidence/${coFile.id}`)).statusCode).toBe(404);

    const leadFile = (
      await upload(nongyeju, report, '宅基地改革方案.docx', await f.docx())
    ).json<EvidenceDto>();
    expect((await call(h, jinrong, 'DELETE', `/api/evidence/${leadFile.id}`)).statusCode).toBe(403);
    expect((await call(h, admin, 'DELETE', `/api/evidence/${leadFile.id}`)).statusCode).toBe(204);
    expect(await rowsOf(report)).toBe(0);

    const audit = await listAudit(h.t.db.kysely, h.orgId, { entity: 'evidence' });
    expect(
      audit
        .filter((a) => a.action === 'delete' && [coFile.id, leadFile.id].includes(a.entityId))
        .map((a) => a.actor),
    ).toEqual(['jinrong', 'admin']);
    // The blobs stay: content-addressed, they may be shared; only rows are removed.
    for (const sha of [coFile.sha256, leadFile.sha256]) {
      expect(existsSync(join(dataDir, 'evidence', sha.slice(0, 2), sha.slice(2, 4), sha))).toBe(true);
    }
  });

  it('writes no row when its audit entry cannot be written (one transaction)', async () => {
    const report = await insertReport(18);
    const db = h.t.db.kysely;
    if (engine === 'sqlite') {
      await sql`CREATE TRIGGER evidence_audit_down BEFORE INSERT ON audit_log WHEN NEW.entity = 'evidence'
        BEGIN SELECT RAISE(ABORT, 'audit down'); END`.execute(db);
    } else {
      await sql`CREATE FUNCTION evidence_audit_down() RETURNS trigger AS $$
        BEGIN IF NEW.entity = 'evidence' THEN RAISE EXCEPTION 'audit down'; END IF; RETURN NEW; END
        $$ LANGUAGE plpgsql`.execute(db);
      await sql`CREATE TRIGGER evidence_audit_down BEFORE INSERT ON audit_log
        FOR EACH ROW EXECUTE FUNCTION evidence_audit_down()`.execute(db);
    }
    try {
      const r = await upload(nongyeju, report, '股东名册.pdf', f.pdf('gudong mingce'));
      expect(r.statusCode).toBe(500);
      expect(await rowsOf(report)).toBe(0);
    } finally {
      await sql`DROP TRIGGER evidence_audit_down${engine === 'postgres' ? sql` ON audit_log` : sql``}`.execute(
        db,
      );
    }
    // The blob written before the failed row is harmless: the retry reuses it.
    const retry = await upload(nongyeju, report, '股东名册.pdf', f.pdf('gudong mingce'));
    expect(retry.statusCode).toBe(201);
    expect(await rowsOf(report)).toBe(1);
  });
});
