/**
 * Hostile text in the documents the program writes (issue 4): the plan of
 * test/helpers/hostile-text.ts imported, a report of such text approved, a bulletin with such an
 * opening and issuer published — then every generated file downloaded as the web app downloads
 * it: the ledger (台账) and item list .xlsx, the plan-quality report .docx and .xlsx, the audit
 * export .xlsx, the bulletin .docx, and the JSON export. Every XML part of every file must be
 * well-formed XML 1.0 (parsed strictly, and no character outside XML's `Char`), the text must be
 * there minus only what XML cannot hold, and no cell may be a formula.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview, ItemDetail } from '../../src/shared/api/index.js';
import type { ReportDto } from '../../src/shared/api/reports.js';
import { loadLedger, LedgerCache } from '../../src/services/ledger.service.js';
import { exportLedgerJson } from '../../src/services/export-ledger.service.js';
import {
  BIDI,
  CONTROLS,
  EVERY_KIND,
  FORMULAS,
  hostilePlanCsv,
  LONG_WORD,
  NOT_XML_CHAR,
  RLO,
  XSS,
} from '../helpers/hostile-text.js';
import { ENGINES } from '../helpers/test-database.js';
import { docxText, openXlsx } from '../writers/open-report.js';
import { call, login, openHarness, type Harness, type Session } from './harness.js';

/** What of CONTROLS a document keeps: the text between the controls ("[31m"). */
const CONTROLS_IN_XML = '[31m';
const AS_OF = '2022-06-30';
/** An opening may be 4 000 characters: a line of 3 000 without a break. */
const OPENING_LINE = LONG_WORD.slice(0, 3_000);

/** Every XML part of a .docx/.xlsx: valid UTF-8, strictly well-formed, only XML 1.0 characters. */
function expectWellFormed(bytes: Uint8Array, what: string): Record<string, string> {
  const parts: Record<string, string> = {};
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  for (const [path, data] of Object.entries(unzipSync(bytes))) {
    if (!/\.(xml|rels)$/.test(path)) continue;
    const xml = utf8.decode(data);
    const bad = NOT_XML_CHAR.exec(xml);
    expect(bad && `${what} ${path}: U+${bad[0].codePointAt(0)!.toString(16)} at ${bad.index}`).toBeNull();
    const valid = XMLValidator.validate(xml);
    expect(valid === true ? true : `${what} ${path}: ${JSON.stringify(valid)}`).toBe(true);
    parts[path] = xml;
  }
  expect(Object.keys(parts).length, what).toBeGreaterThan(3);
  return parts;
}

/**
 * The text of every cell of every sheet, and how many cells are formulas — or text that a
 * spreadsheet would take for one when edited or saved as CSV (starting = + - @).
 */
async function xlsxContent(bytes: Uint8Array): Promise<{ cells: string[]; formulas: number }> {
  const wb = await openXlsx(bytes);
  const cells: string[] = [];
  let formulas = 0;
  wb.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        if (cell.type === 6 /* ValueType.Formula */ || /^[=+\-@]/.test(cell.text)) formulas++;
        cells.push(cell.text);
      }),
    ),
  );
  return { cells, formulas };
}

describe.each(ENGINES)('documents of hostile text (%s)', (engine) => {
  let h: Harness;
  let admin: Session;
  let bulletinId: string;

  const download = async (url: string): Promise<Uint8Array> => {
    const r = await call(h, admin, 'GET', url);
    expect(r.statusCode, `${url}: ${r.body.slice(0, 300)}`).toBe(200);
    return new Uint8Array(r.rawPayload);
  };

  beforeAll(async () => {
    h = await openHarness(engine);
    admin = await login(h, 'admin');
    const reporter = await login(h, 'nongyeju');
    const boundary = '----reform-ledger-hostile-docs';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="hostile.csv"\r\nContent-Type: text/csv\r\n\r\n`;
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/imports',
      payload: Buffer.concat([
        Buffer.from(head),
        Buffer.from(hostilePlanCsv()),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        cookie: admin.cookie,
        'x-csrf-token': admin.csrf,
      },
    });
    expect(r.statusCode, r.body).toBe(200);
    const preview = r.json<ImportPreview>();
    expect(
      (await call(h, admin, 'POST', `/api/imports/${preview.id}/confirm`, { body: {} })).statusCode,
    ).toBe(200);

    // Item 1 (led by 县农业农村局): a report of hostile text, submitted and approved.
    const item = (await call(h, reporter, 'GET', '/api/items/1')).json<ItemDetail>();
    const saved = await call(h, reporter, 'PUT', `/api/reports/by-item/${item.itemKey}/2022-06`, {
      body: {
        revision: null,
        milestones: item.milestones.map(() => ({ state: 'at_risk', reason: EVERY_KIND })),
        targets: item.targets.map(() => null),
        achievements: item.achievements.map(() => ({
          reached: true,
          reachedOn: '2022-06-20',
          evidence: EVERY_KIND,
        })),
        narrative: `${EVERY_KIND}\n${BIDI}\n${LONG_WORD}`,
      },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const submitted = await call(h, reporter, 'POST', `/api/reports/${saved.json<ReportDto>().id}/submit`, {
      body: { revision: saved.json<ReportDto>().revision },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const approved = await call(h, admin, 'POST', `/api/reports/${saved.json<ReportDto>().id}/approve`, {
      body: { revision: submitted.json<ReportDto>().revision },
    });
    expect(approved.statusCode, approved.body).toBe(200);

    const b = await call(h, admin, 'POST', '/api/bulletins', {
      body: {
        period: '2022-06',
        opening: `${EVERY_KIND}\n${OPENING_LINE}`,
        issuer: `${XSS.img}${RLO}`,
        redHead: true,
      },
    });
    expect(b.statusCode, b.body).toBe(200);
    bulletinId = b.json<{ id: string }>().id;
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('the ledger .xlsx: well-formed, the text kept, formulas neutralised', async () => {
    const bytes = await download(`/api/ledger.xlsx?asOf=${AS_OF}`);
    const parts = expectWellFormed(bytes, 'ledger');
    const { cells, formulas } = await xlsxContent(bytes);
    expect(formulas).toBe(0);
    expect(Object.values(parts).join('')).not.toMatch(/<f[ >]/);
    expect(cells).toContain(`${XSS.img}农户资产池${XSS.script}`);
    expect(cells).toContain(`控制字符${CONTROLS_IN_XML}事项`);
    expect(cells).toContain(`'${FORMULAS.hyperlink}`);
    expect(cells).toContain(`${RLO}反向标题 abc`);
    expect(cells.some((c) => c.includes(LONG_WORD))).toBe(true);
  });

  it('the item list .xlsx', async () => {
    const bytes = await download(`/api/items/export.xlsx?asOf=${AS_OF}`);
    expectWellFormed(bytes, 'items');
    const { cells, formulas } = await xlsxContent(bytes);
    expect(formulas).toBe(0);
    expect(cells).toContain(`控制字符${CONTROLS_IN_XML}事项`);
    expect(cells).toContain(`'${FORMULAS.hyperlink}`);
  });

  it('the plan-quality report, .docx and .xlsx', async () => {
    const docx = await download('/api/findings/report.docx');
    expectWellFormed(docx, 'quality.docx');
    const text = await docxText(docx);
    expect(text).toContain('2022年改革库');
    expect(text).toContain(XSS.img);
    const xlsx = await download('/api/findings/report.xlsx');
    expectWellFormed(xlsx, 'quality.xlsx');
    const { cells, formulas } = await xlsxContent(xlsx);
    expect(formulas).toBe(0);
    expect(cells.some((c) => c.includes(`控制字符${CONTROLS_IN_XML}事项`))).toBe(true);
  });

  it('the audit export .xlsx', async () => {
    const bytes = await download('/api/audit/export.xlsx');
    expectWellFormed(bytes, 'audit');
    const { cells, formulas } = await xlsxContent(bytes);
    expect(formulas).toBe(0);
    expect(cells.some((c) => c.includes('农户资产池'))).toBe(true);
  });

  it('the bulletin .docx, draft and published, with both charts', async () => {
    for (const stage of ['draft', 'published'] as const) {
      if (stage === 'published') {
        const p = await call(h, admin, 'POST', `/api/bulletins/${bulletinId}/publish`);
        expect(p.statusCode, p.body).toBe(200);
      }
      const bytes = await download(`/api/bulletins/${bulletinId}.docx`);
      expectWellFormed(bytes, `bulletin (${stage})`);
      const text = await docxText(bytes);
      expect(text).toContain(XSS.script);
      expect(text).toContain(OPENING_LINE);
      expect(text).toContain(CONTROLS_IN_XML);
      const pngs = Object.keys(unzipSync(bytes)).filter((p) => /^word\/media\/.*\.png$/.test(p));
      expect(pngs, stage).toHaveLength(2);
    }
  });

  it('the JSON export holds the text exactly, controls and all', async () => {
    const ledger = await loadLedger(h.t.db, new LedgerCache(), h.orgId);
    const json = JSON.stringify(await exportLedgerJson(h.t.db, ledger, AS_OF));
    const back = JSON.parse(json) as { plan: { items: { title: string }[] } };
    expect(back.plan.items.map((i) => i.title)).toContain(`控制字符${CONTROLS}事项`);
    // eslint-disable-next-line no-control-regex -- control characters are what this matches
    expect(json).not.toMatch(/[\u0000-\u001f]/);
  });

  it('LibreOffice opens the ledger and the bulletin, when it is installed', async (ctx) => {
    const soffice = ['soffice', 'libreoffice'].find((bin) => {
      try {
        execFileSync(bin, ['--version'], { stdio: 'ignore', timeout: 30_000 });
        return true;
      } catch {
        return false;
      }
    });
    if (!soffice) return ctx.skip();
    const dir = mkdtempSync(join(tmpdir(), 'rl-hostile-soffice-'));
    try {
      writeFileSync(join(dir, 'ledger.xlsx'), await download(`/api/ledger.xlsx?asOf=${AS_OF}`));
      writeFileSync(join(dir, 'bulletin.docx'), await download(`/api/bulletins/${bulletinId}.docx`));
      for (const [file, to] of [
        ['ledger.xlsx', 'csv'],
        ['bulletin.docx', 'txt'],
      ] as const) {
        execFileSync(soffice, ['--headless', '--convert-to', to, '--outdir', dir, join(dir, file)], {
          timeout: 120_000,
          env: { ...process.env, HOME: dir },
        });
        // Converted means loaded: the text is in what it wrote.
        expect(readFileSync(join(dir, file.replace(/\.\w+$/, `.${to}`)), 'utf8'), file).toContain(
          '农户资产池',
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
