import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview, ItemDetail } from '../../src/shared/api/index.js';
import { listAudit } from '../../src/store/audit.repository.js';
import { call, errorOf, login, openHarness, SEED, type Harness, type Session } from './harness.js';

const SANMEN = readFileSync(SEED, 'utf8');

function multipart(fileName: string, content: Buffer | string, field = 'file') {
  const boundary = '----reform-ledger-test';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const payload = Buffer.concat([
    Buffer.from(head),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('import through the API: upload → preview → confirm', () => {
  let h: Harness;
  let admin: Session;
  const upload = (fileName: string, content: Buffer | string, field = 'file') => {
    const m = multipart(fileName, content, field);
    return h.app.inject({
      method: 'POST',
      url: '/api/imports',
      payload: m.payload,
      headers: { ...m.headers, cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    });
  };

  beforeEach(async () => {
    h = await openHarness('sqlite', { env: { MAX_UPLOAD_BYTES: String(200 * 1024) } });
    admin = await login(h, 'admin');
  });
  afterEach(async () => {
    await h?.close();
  });

  it('previews a revised plan with its diff, confirms it as version 2, and the item shows its history', async () => {
    const revised = SANMEN.replace('提升托育照护建设水平', '提升托育照护服务水平');
    const r = await upload('sanmen-2022-revised.txt', revised);
    expect(r.statusCode, r.body).toBe(200);
    const preview = r.json<ImportPreview>();
    expect(preview).toMatchObject({
      file: { name: 'sanmen-2022-revised.txt', format: 'text' },
      currentVersion: 1,
      diff: {
        added: [],
        removed: [],
        changed: [{ number: 60, title: '提升托育照护服务水平', fields: ['title'] }],
        unchanged: 66,
      },
    });
    expect(preview.plan.items).toHaveLength(67);
    expect(preview.findings).toEqual(preview.plan.findings);

    const c = await call(h, admin, 'POST', `/api/imports/${preview.id}/confirm`, { body: {} });
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json()).toEqual({ status: 'imported', version: 2, diff: preview.diff });

    const item = (await call(h, admin, 'GET', '/api/items/60')).json<ItemDetail>();
    expect(item.title).toBe('提升托育照护服务水平');
    expect(item.history.map((e) => [e.version, e.change, e.fields])).toEqual([
      [2, 'changed', ['title']],
      [1, 'added', []],
    ]);
    const d = (await call(h, admin, 'GET', '/api/dashboard')).json();
    expect(d.plan.version).toBe(2);
    // The preview is gone once confirmed.
    expect(
      (await call(h, admin, 'POST', `/api/imports/${preview.id}/confirm`, { body: {} })).statusCode,
    ).toBe(404);

    const audit = await listAudit(h.t.db.kysely, h.orgId);
    expect(
      audit
        .filter((a) => a.entity === 'import_preview')
        .map((a) => a.action)
        .sort(),
    ).toEqual(['create', 'delete']);
    expect(audit.find((a) => a.entity === 'plan_version' && a.actor === 'admin')).toBeDefined();
  });

  it('stores corrected items instead of the parsed ones; the export neutralises a formula-like title', async () => {
    const preview = (await upload('sanmen-2022.txt', SANMEN)).json<ImportPreview>();
    expect(preview.diff).toMatchObject({ added: [], removed: [], changed: [], unchanged: 67 });
    const items = preview.plan.items.map((i) => (i.number === 2 ? { ...i, title: '=1+1' } : i));
    const c = await call(h, admin, 'POST', `/api/imports/${preview.id}/confirm`, { body: { items } });
    // A title this different is another item to the diff (plan-diff.ts): removed and added.
    expect(c.json()).toMatchObject({
      status: 'imported',
      version: 2,
      diff: {
        added: [{ number: 2, title: '=1+1' }],
        removed: [{ number: 2, title: '保险制度改革' }],
        unchanged: 66,
      },
    });

    const x = await call(h, admin, 'GET', '/api/items/export.xlsx?asOf=2022-06-30', {
      headers: { 'accept-language': 'en-US' },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('Items');
    const row = sheet.getRow(3);
    expect(row.getCell(1).value).toBe(2);
    expect(row.getCell(3).value).toBe("'=1+1");
    expect(row.getCell(3).formula).toBeUndefined();
    expect(sheet.getRow(2).getCell(3).value).toBe('“农户家庭资产池”融资模式（小微金融助富改革）');
  });

  it('says "unchanged" when the file is the current version byte for byte (no body needed)', async () => {
    const preview = (await upload('sanmen-2022.txt', SANMEN)).json<ImportPreview>();
    const c = await call(h, admin, 'POST', `/api/imports/${preview.id}/confirm`);
    expect(c.json()).toMatchObject({ status: 'unchanged', version: 1 });
  });

  it('validates corrected items with the field named', async () => {
    const preview = (await upload('sanmen-2022.txt', SANMEN)).json<ImportPreview>();
    const items = preview.plan.items.map((i, n) => (n === 3 ? { ...i, number: 'four' } : i));
    const r = await call(h, admin, 'POST', `/api/imports/${preview.id}/confirm`, { body: { items } });
    expect(r.statusCode).toBe(400);
    expect(errorOf(r)).toMatchObject({ code: 'validation', field: 'items.3.number' });
  });

  it('discards a preview; a discarded or expired preview cannot be confirmed', async () => {
    const a = (await upload('sanmen-2022.txt', SANMEN)).json<ImportPreview>();
    expect((await call(h, admin, 'DELETE', `/api/imports/${a.id}`)).statusCode).toBe(204);
    expect((await call(h, admin, 'DELETE', `/api/imports/${a.id}`)).statusCode).toBe(404);
    const gone = await call(h, admin, 'POST', `/api/imports/${a.id}/confirm`, { body: {} });
    expect(gone.statusCode).toBe(404);
    expect(errorOf(gone).code).toBe('not_found');
    const b = (await upload('sanmen-2022.txt', SANMEN)).json<ImportPreview>();
    h.clock.now = new Date(h.clock.now.getTime() + 61 * 60_000);
    admin = await login(h, 'admin');
    expect((await call(h, admin, 'POST', `/api/imports/${b.id}/confirm`, { body: {} })).statusCode).toBe(404);
  });

  it('refuses what is not a plan document by its content (415), whatever its name', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    for (const name of ['plan.docx', 'plan.png']) {
      const r = await upload(name, Buffer.concat([png, Buffer.alloc(200, 7)]));
      expect(r.statusCode, r.body).toBe(415);
      expect(errorOf(r)).toMatchObject({ code: 'unsupported_type', field: 'file' });
    }
    const doc = await upload(
      'old.doc',
      Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]),
    );
    expect(doc.statusCode).toBe(415);
    expect(errorOf(doc).message).toContain('.docx');
  });

  it('refuses a file over MAX_UPLOAD_BYTES (413) and a request without a file (400) or not multipart (415)', async () => {
    const big = await upload('big.txt', SANMEN.repeat(5));
    expect(big.statusCode).toBe(413);
    expect(errorOf(big)).toMatchObject({ code: 'too_large' });
    expect(errorOf(big).message).toContain('200');
    const nofile = await upload('x.txt', 'hello', 'other');
    expect(nofile.statusCode).toBe(400);
    expect(errorOf(nofile)).toMatchObject({ code: 'validation', field: 'file' });
    const json = await call(h, admin, 'POST', '/api/imports', { body: { file: 'x' } });
    expect(json.statusCode).toBe(415);
  });

  it('reports a document it can read but not understand as 400 input, with where', async () => {
    const r = await upload('notes.csv', '名称,说明\n甲,乙\n');
    expect(r.statusCode).toBe(400);
    expect(errorOf(r).code).toBe('input');
    expect(errorOf(r).message).toContain('notes.csv');
  });
});
