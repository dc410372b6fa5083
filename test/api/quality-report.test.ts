import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/domain/plan.js';
import { call, errorOf, login, openHarness, type Harness, type Session } from './harness.js';
import { docxText, openXlsx, rowValues } from '../writers/open-report.js';

/** GET /api/findings/report.docx|.xlsx: the plan-quality report of the current plan (issue 8). */

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TITLE = '三门县共同富裕“三十”工程改革库';

async function findingsOf(h: Harness, s: Session): Promise<Finding[]> {
  const r = await call(h, s, 'GET', '/api/findings');
  expect(r.statusCode).toBe(200);
  return r.json<{ findings: Finding[] }>().findings;
}

/** The blank target of item 4's pension insurance rate: "参保率达  %". */
function blankTarget(findings: Finding[]): Finding {
  const f = findings.find((x) => x.code === 'BLANK_VALUE' && x.excerpt?.includes('参保率达'));
  expect(f, 'a BLANK_VALUE finding quoting 参保率达').toBeDefined();
  return f!;
}

describe('GET /api/findings/report.* (SQLite)', () => {
  let h: Harness;
  let s: Session;
  let findings: Finding[];
  beforeAll(async () => {
    h = await openHarness('sqlite');
    s = await login(h, 'leader');
    findings = await findingsOf(h, s);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is for signed-in users only', async () => {
    for (const format of ['docx', 'xlsx']) {
      const r = await call(h, null, 'GET', `/api/findings/report.${format}`);
      expect(r.statusCode).toBe(401);
      expect(errorOf(r).code).toBe('unauthenticated');
    }
  });

  it('downloads a Word report quoting the stored findings, named 规范性检查报告.docx', async () => {
    const r = await call(h, s, 'GET', '/api/findings/report.docx');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe(DOCX);
    const disposition = String(r.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment;/);
    expect(disposition).toContain('filename="download.docx"');
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('规范性检查报告')}.docx`);
    const text = await docxText(r.rawPayload);
    expect(text).toContain(`《${TITLE}》规范性检查报告`);
    expect(text).toContain(`共发现问题 ${findings.length} 处`);
    const blank = blankTarget(findings);
    expect(text).toContain(`原文：“${blank.excerpt}”`);
    expect(text).toContain(`第 ${blank.item} 项`);
  });

  it('downloads a workbook with one row per finding', async () => {
    const r = await call(h, s, 'GET', '/api/findings/report.xlsx');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe(XLSX);
    expect(String(r.headers['content-disposition'])).toContain(
      `filename*=UTF-8''${encodeURIComponent('规范性检查报告')}.xlsx`,
    );
    const rows = rowValues((await openXlsx(r.rawPayload)).worksheets[0]!);
    expect(rows[0]).toContain('问题代码');
    expect(rows).toHaveLength(1 + findings.length);
    const blank = blankTarget(findings);
    const row = rows.find((x) => x[0] === 'BLANK_VALUE' && x[7] === blank.excerpt);
    expect(row?.[3]).toBe(blank.item);
    const codes = rows.slice(1).map((x) => x[0]);
    expect(new Set(codes)).toEqual(new Set(findings.map((f) => f.code)));
  });

  it("speaks the caller's language, file name included", async () => {
    const r = await call(h, s, 'GET', '/api/findings/report.xlsx', {
      headers: { 'accept-language': 'en-US' },
    });
    expect(r.statusCode).toBe(200);
    expect(String(r.headers['content-disposition'])).toContain('filename="plan-quality-report.xlsx"');
    const rows = rowValues((await openXlsx(r.rawPayload)).worksheets[0]!);
    expect(rows[0]![0]).toBe('Code');
    expect(rows).toHaveLength(1 + findings.length);
  });

  // Last: it takes the plan away.
  it('answers 404 with a clear error when the org has no plan', async () => {
    await h.t.db.kysely
      .updateTable('plan_versions')
      .set({ is_current: 0 })
      .where('org_id', '=', h.orgId)
      .execute();
    for (const format of ['docx', 'xlsx']) {
      const r = await call(h, s, 'GET', `/api/findings/report.${format}`);
      expect(r.statusCode).toBe(404);
      expect(errorOf(r)).toMatchObject({
        code: 'not_found',
        message: '尚未导入改革库，没有可下载的规范性检查报告',
      });
    }
  });
});

describe('GET /api/findings/report.xlsx (PostgreSQL)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness('postgres');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('reads the same stored findings', async () => {
    const s = await login(h, 'nongyeju');
    const findings = await findingsOf(h, s);
    const r = await call(h, s, 'GET', '/api/findings/report.xlsx');
    expect(r.statusCode).toBe(200);
    const rows = rowValues((await openXlsx(r.rawPayload)).worksheets[0]!);
    expect(rows).toHaveLength(1 + findings.length);
    expect(rows.some((x) => x[7] === blankTarget(findings).excerpt)).toBe(true);
  });
});
