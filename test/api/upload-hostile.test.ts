import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceDto, ImportPreview } from '../../src/shared/api/index.js';
import { pdf } from '../helpers/evidence-files.js';
import { content, currentItem, insertReport } from '../helpers/report-rows.js';
import { wordPackage, zeros, zipOf } from '../helpers/zip-bombs.js';
import { loadLedger, LedgerCache } from '../../src/services/ledger.service.js';
import { errorOf, login, openHarness, SEED, type Harness, type Session } from './harness.js';
import { readFileSync } from 'node:fs';

/**
 * Uploads from an attacker's point of view (evidence.test.ts and imports.test.ts have size and
 * type): names made to escape the evidence folder or to mislead whoever downloads the file,
 * archives made to exhaust memory (zip bombs in plan documents and in Office evidence), and
 * multipart requests with more parts than a form has.
 */

const MiB = 1024 * 1024;

describe('hostile uploads', () => {
  let h: Harness;
  let dataDir: string;
  let admin: Session;
  let lead: Session;
  let periods = 0;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rl-upload-hostile-'));
    h = await openHarness('sqlite', { env: { DATA_DIR: dataDir } });
    admin = await login(h, 'admin');
    lead = await login(h, 'nongyeju');
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A draft of an item 县农业农村局 leads. */
  async function draft(): Promise<string> {
    const unitId = await h.unitId('县农业农村局');
    const ledger = await loadLedger(h.t.db, new LedgerCache(), h.orgId);
    const led = ledger.items.find((e) => e.lead?.id === unitId)!;
    const item = await currentItem(h.t.db, h.orgId, led.item.number!);
    const period = `2019-${String(++periods).padStart(2, '0')}`;
    return insertReport(h.t.db, h.orgId, { item, period, unitId, content: content(item), steps: [] });
  }

  /** A multipart body of raw parts: [field, filename | null, bytes]. */
  function upload(
    s: Session,
    url: string,
    parts: [string, string | null, Buffer][],
  ): Promise<LightMyRequestResponse> {
    const b = '----hostile-boundary';
    const body = Buffer.concat([
      ...parts.flatMap(([field, filename, bytes]) => [
        Buffer.from(
          `--${b}\r\nContent-Disposition: form-data; name="${field}"${filename === null ? '' : `; filename="${filename}"`}\r\nContent-Type: application/octet-stream\r\n\r\n`,
          'utf8',
        ),
        bytes,
        Buffer.from('\r\n'),
      ]),
      Buffer.from(`--${b}--\r\n`),
    ]);
    return h.app.inject({
      method: 'POST',
      url,
      payload: body,
      headers: {
        'content-type': `multipart/form-data; boundary=${b}`,
        cookie: s.cookie,
        'x-csrf-token': s.csrf,
      },
    });
  }

  describe('file names', () => {
    const HOSTILE: [string, (stored: string) => void][] = [
      ['../../../../tmp/escape.pdf', (n) => expect(n).toBe('escape.pdf')],
      ['/etc/cron.d/evil.pdf', (n) => expect(n).toBe('evil.pdf')],
      ['C:\\Windows\\System32\\evil.pdf', (n) => expect(n).toBe('evil.pdf')],
      ['..\\..\\evil.pdf', (n) => expect(n).toBe('evil.pdf')],
      ['a\u0000b.pdf', (n) => expect(n).toBe('ab.pdf')],
      ['CON.pdf', (n) => expect(n).toBe('_CON.pdf')],
      ['nul', (n) => expect(n).toBe('_nul.pdf')],
      ['com1.pdf', (n) => expect(n).toBe('_com1.pdf')],
      ['发票\u202Efdp.exe', (n) => expect(n).toBe('发票fdp.exe.pdf')],
      ['\u2067报告\u2069.pdf', (n) => expect(n).toBe('报告.pdf')],
      [`${'长'.repeat(5000)}.pdf`, (n) => expect([...n]).toHaveLength(124)],
      ['report.pdf\t', (n) => expect(n).toBe('report.pdf')],
      ['.htaccess', (n) => expect(n).toBe('htaccess.pdf')],
    ];

    it.each(HOSTILE)(
      'keeps %j as a safe name, stored by content hash, downloaded as an attachment',
      async (name, check) => {
        const report = await draft();
        const r = await upload(lead, `/api/reports/${report}/evidence`, [
          ['file', name, pdf(name.slice(0, 20))],
        ]);
        expect(r.statusCode, r.body).toBe(201);
        const e = r.json<EvidenceDto>();
        check(e.fileName);
        expect(e.fileName).not.toMatch(/[\\/\u202a-\u202e\u2066-\u2069]|\p{Cc}/u);
        const d = await h.app.inject({
          method: 'GET',
          url: `/api/evidence/${e.id}`,
          headers: { cookie: lead.cookie },
        });
        expect(d.statusCode).toBe(200);
        const disposition = String(d.headers['content-disposition']);
        expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[\x21-\x7e]+$/);
        expect(disposition).not.toMatch(/["\\/]\S*"[^;]/);
        expect(d.headers['content-type']).toBe('application/pdf');
        expect(d.headers['x-content-type-options']).toBe('nosniff');
      },
    );

    it('writes nothing outside the evidence folder, and nothing there under a name the uploader chose', async () => {
      const written = readdirSync(dataDir, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => join(d.parentPath, d.name).slice(dataDir.length + 1));
      const blobs = written.filter((p) => p.startsWith('evidence/'));
      expect(blobs.length).toBeGreaterThan(0);
      for (const p of blobs) expect(p).toMatch(/^evidence\/([0-9a-f]{2}\/)*[0-9a-f]{64}$/);
      for (const p of written.filter((p) => !p.startsWith('evidence/')))
        expect(p).toMatch(/^reform-ledger\.db/);
      expect(existsSync('/tmp/escape.pdf')).toBe(false);
      expect(existsSync(join(dataDir, '..', 'escape.pdf'))).toBe(false);
    });

    it("keeps an imported plan's name safe too (shown in the preview and the plan's history)", async () => {
      const r = await upload(admin, '/api/imports', [
        ['file', '..\\..\\三门\u202E县\u0000.txt', readFileSync(SEED)],
      ]);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json<ImportPreview>().file.name).toBe('三门县.txt');
    });
  });

  describe('archives (zip bombs)', () => {
    it('refuses a plan .docx whose part claims gigabytes, before inflating anything (400, says why)', async () => {
      const bomb = wordPackage({
        document: { name: 'word/document.xml', data: zeros(1), declaredSize: 0xfff00000 },
      });
      const r = await upload(admin, '/api/imports', [['file', '方案.docx', bomb]]);
      expect(r.statusCode, r.body).toBe(400);
      expect(errorOf(r)).toMatchObject({ code: 'input', field: 'file' });
      expect(errorOf(r).message).toMatch(/压缩|解压/);
    });

    it('refuses a plan .docx whose part lies about its size and inflates past the limit (400)', async () => {
      const liar = wordPackage({
        document: { name: 'word/document.xml', data: zeros(260), declaredSize: 1024 },
      });
      expect(liar.length).toBeLessThan(MiB);
      const r = await upload(admin, '/api/imports', [['file', '方案.docx', liar]]);
      expect(r.statusCode, r.body).toBe(400);
      expect(errorOf(r).code).toBe('input');
    });

    it('refuses a plan .xlsx of 50 000 entries (entry count), small as it is', async () => {
      const many = zipOf(
        Array.from({ length: 50_000 }, (_, i) => ({
          name: `xl/x${i}.xml`,
          data: Buffer.alloc(0),
          stored: true,
          declaredSize: 0,
        })),
      );
      const r = await upload(admin, '/api/imports', [['file', '台账.xlsx', many]]);
      expect(r.statusCode, r.body).toBe(400);
      expect(errorOf(r).code).toBe('input');
    });

    it('refuses Office evidence whose small identifying part inflates to megabytes (nothing stored)', async () => {
      const report = await draft();
      const bomb = wordPackage({
        types: { name: '[Content_Types].xml', data: zeros(64), declaredSize: 200 },
      });
      const r = await upload(lead, `/api/reports/${report}/evidence`, [['file', '材料.docx', bomb]]);
      expect(r.statusCode, r.body).toBe(400);
      expect(errorOf(r).code).toBe('input');
      const rows = await h.t.db.kysely
        .selectFrom('evidence')
        .select('id')
        .where('report_id', '=', report)
        .execute();
      expect(rows).toEqual([]);
    });

    it('refuses Office evidence that declares more than it may unpack to', async () => {
      const report = await draft();
      const bomb = wordPackage({
        document: { name: 'word/document.xml', data: zeros(1), declaredSize: 0xfff00000 },
      });
      const r = await upload(lead, `/api/reports/${report}/evidence`, [['file', '材料.docx', bomb]]);
      expect(r.statusCode, r.body).toBe(400);
    });
  });

  describe('multipart limits', () => {
    it('reads one file per request: a second file part is never stored', async () => {
      const report = await draft();
      const r = await upload(lead, `/api/reports/${report}/evidence`, [
        ['file', 'a.pdf', pdf('first')],
        ['file', 'b.pdf', pdf('second')],
      ]);
      expect(r.statusCode, r.body).toBe(201);
      const rows = await h.t.db.kysely
        .selectFrom('evidence')
        .select('file_name')
        .where('report_id', '=', report)
        .execute();
      expect(rows.map((x) => x.file_name)).toEqual(['a.pdf']);
    });

    it('stops reading after 10 fields: a file sent behind them is not reached (400, the field named)', async () => {
      const report = await draft();
      const fields: [string, null, Buffer][] = Array.from({ length: 20 }, (_, i) => [
        `f${i}`,
        null,
        Buffer.from('x'),
      ]);
      const r = await upload(lead, `/api/reports/${report}/evidence`, [...fields, ['file', 'a.pdf', pdf()]]);
      expect(r.statusCode).toBe(400);
      expect(errorOf(r)).toMatchObject({ code: 'validation', field: 'file' });
    });

    it('refuses a body that is not multipart (415) and a file in another field (400)', async () => {
      const report = await draft();
      const json = await h.app.inject({
        method: 'POST',
        url: `/api/reports/${report}/evidence`,
        headers: { cookie: lead.cookie, 'x-csrf-token': lead.csrf, 'content-type': 'application/json' },
        payload: '{"file":"JVBERi0="}',
      });
      expect(json.statusCode).toBe(415);
      const other = await upload(lead, `/api/reports/${report}/evidence`, [['attachment', 'a.pdf', pdf()]]);
      expect([other.statusCode, errorOf(other).field]).toEqual([400, 'file']);
    });
  });
});
