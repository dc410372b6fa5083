/**
 * Hostile text through the API (issue 4): the plan of test/helpers/hostile-text.ts uploaded and
 * confirmed, a report whose every free-text field holds markup, controls, NUL, lone surrogates,
 * bidi overrides and formulas, an evidence file with a hostile name — on SQLite and PostgreSQL.
 * JSON answers are JSON (type, nosniff) and give the text back as it was stored; what a database
 * cannot hold is refused or dropped the same way on both engines, never a 500; a download's
 * name never breaks out of its header.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview, ItemDetail, ItemsPage } from '../../src/shared/api/index.js';
import type { ReportDto } from '../../src/shared/api/reports.js';
import { pdf } from '../helpers/evidence-files.js';
import {
  BIDI,
  CONTROLS,
  EVERY_KIND,
  EVERYTHING,
  FORMULAS,
  hostilePlanCsv,
  LONE_SURROGATES,
  NUL,
  PLAN_TITLE,
  RLO,
  XSS,
} from '../helpers/hostile-text.js';
import { ENGINES } from '../helpers/test-database.js';
import { attachmentDisposition } from '../../src/server/http/content-disposition.js';
import { buildXlsx } from '../fixtures/build-fixtures.js';
import { storableText } from '../../src/shared/text/storable-text.js';
import { call, login, openHarness, type Harness, type Session } from './harness.js';

function multipart(fileName: string, content: Uint8Array, mime = 'application/octet-stream') {
  const boundary = '----reform-ledger-hostile';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${mime}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function expectJson(r: LightMyRequestResponse): void {
  expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(r.headers['x-content-type-options']).toBe('nosniff');
}

describe.each(ENGINES)('hostile text through the API (%s)', (engine) => {
  let h: Harness;
  let admin: Session;
  let reporter: Session;
  let item1: ItemDetail;
  let report1: ReportDto;

  beforeAll(async () => {
    h = await openHarness(engine);
    admin = await login(h, 'admin');
    reporter = await login(h, 'nongyeju');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('imports the hostile plan: preview and confirm answer JSON with the text as written', async () => {
    const m = multipart(`${XSS.img}${RLO}plan.csv`, hostilePlanCsv());
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/imports',
      payload: m.payload,
      headers: { 'content-type': m.contentType, cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    });
    expect(r.statusCode, r.body).toBe(200);
    expectJson(r);
    const preview = r.json<ImportPreview>();
    expect(preview.plan.title).toBe(PLAN_TITLE);
    expect(preview.plan.items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6]);
    const c = await call(h, admin, 'POST', `/api/imports/${preview.id}/confirm`, { body: {} });
    expect(c.statusCode, c.body).toBe(200);

    const list = await call(h, admin, 'GET', '/api/items?pageSize=200');
    expect(list.statusCode).toBe(200);
    expectJson(list);
    const titles = list.json<ItemsPage>().items.map((i) => i.title);
    expect(titles[0]).toBe(`${XSS.img}农户资产池${XSS.script}`);
    expect(titles[2]).toBe(`控制字符${CONTROLS}事项`);
    expect(titles[5]).toBe(FORMULAS.hyperlink);
    const d = await call(h, admin, 'GET', '/api/items/1');
    item1 = d.json<ItemDetail>();
    expect(item1.measures).toContain(XSS.jsUrl);
  });

  it('a report of hostile text is stored and given back the same on both engines', async () => {
    const text = EVERY_KIND;
    const body = {
      revision: null,
      milestones: item1.milestones.map(() => ({ state: 'at_risk', reason: text })),
      targets: item1.targets.map(() => null),
      achievements: item1.achievements.map(() => ({ reached: false, evidence: text })),
      narrative: `${EVERYTHING}\n${BIDI}`,
    };
    const r = await call(h, reporter, 'PUT', `/api/reports/by-item/${item1.itemKey}/2022-06`, { body });
    expect(r.statusCode, r.body).toBe(201);
    expectJson(r);
    const saved = r.json<ReportDto>();
    const back = await call(h, reporter, 'GET', `/api/reports/${saved.id}`);
    expect(back.statusCode).toBe(200);
    const report = back.json<ReportDto>();
    // NUL dropped, lone surrogates U+FFFD — on both engines, everything else as typed.
    expect(report.content.narrative).toBe(storableText(body.narrative));
    expect(report.content.milestones[0]).toMatchObject({ reason: storableText(text) });
    expect(storableText(text)).toBe(text.replace(NUL, '').replace(LONE_SURROGATES, 'a\ufffdb\ufffdc'));
    report1 = report;
  });

  it('the office returns it with a hostile comment', async () => {
    const s = await call(h, reporter, 'POST', `/api/reports/${report1.id}/submit`, {
      body: { revision: report1.revision },
    });
    expect(s.statusCode, s.body).toBe(200);
    const r = await call(h, admin, 'POST', `/api/reports/${report1.id}/return`, {
      body: { revision: s.json<ReportDto>().revision, comment: EVERY_KIND },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json<ReportDto>().reviewComment).toBe(storableText(EVERY_KIND));
  });
  it('NUL in a query or a path is not a 500 on either engine', async () => {
    for (const url of [
      '/api/items?q=%00',
      '/api/items?q=%E5%86%9C%00%E6%88%B7',
      `/api/items/by-key/${encodeURIComponent(item1.itemKey)}%00/reports`,
      '/api/audit?q=%00',
    ]) {
      const r = await call(h, admin, 'GET', url);
      expect(r.statusCode, `${url}: ${r.body}`).toBeLessThan(500);
      expectJson(r);
    }
  });

  it('a corrected item list with NUL and lone surrogates is stored without them', async () => {
    const m = multipart('hostile.csv', hostilePlanCsv());
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/imports',
      payload: m.payload,
      headers: { 'content-type': m.contentType, cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    });
    const preview = r.json<ImportPreview>();
    const items = preview.plan.items.map((i, n) =>
      n === 0 ? { ...i, title: `改${NUL}正${LONE_SURROGATES}` } : i,
    );
    const c = await call(h, admin, 'POST', `/api/imports/${preview.id}/confirm`, { body: { items } });
    expect(c.statusCode, c.body).toBe(200);
    const d = await call(h, admin, 'GET', '/api/items/1');
    expect(d.json<ItemDetail>().title).toBe(`改正a\ufffdb\ufffdc`);
  });

  it('documents that decode to NUL (UTF-16 text, Excel _x0000_) import on both engines, without it', async () => {
    const rows = [
      ['序号', '改革事项', '主要目标', '责任单位'],
      ['1', `空${NUL}字符`, '2022年6月底前，完成。', '县金融中心'],
    ];
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(rows.map((r) => r.join(',')).join('\r\n'), 'utf16le'),
    ]);
    const xlsx = await buildXlsx(rows.map((r) => r.map((c) => c.replace(NUL, '_x0000_'))));
    for (const [name, bytes] of [
      ['nul-utf16.csv', utf16],
      ['nul.xlsx', xlsx],
    ] as const) {
      const m = multipart(name, bytes);
      const r = await h.app.inject({
        method: 'POST',
        url: '/api/imports',
        payload: m.payload,
        headers: { 'content-type': m.contentType, cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      });
      expect(r.statusCode, `${name}: ${r.body}`).toBe(200);
      const preview = r.json<ImportPreview>();
      expect(preview.plan.items[0]!.title).toBe('空字符');
      const c = await call(h, admin, 'POST', `/api/imports/${preview.id}/confirm`, { body: {} });
      expect(c.statusCode, `${name}: ${c.body}`).toBe(200);
    }
  });

  it('an evidence file named with an override and markup downloads under a header that holds', async () => {
    const r0 = await call(h, reporter, 'GET', `/api/reports/${report1.id}`);
    const report = r0.json<ReportDto>();
    expect(report.status).toBe('returned');
    // Busboy takes the name from a quoted string: no CR LF can arrive this way (the header
    // itself is tested with them below); an override and markup can.
    const hostileName = `${RLO}fdp.exe${XSS.img.replace(/"/g, "'")}.pdf`;
    const boundary = '----reform-ledger-hostile-name';
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${hostileName}"\r\n` +
      'Content-Type: application/pdf\r\n\r\n';
    const payload = Buffer.concat([Buffer.from(head), pdf(), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const up = await h.app.inject({
      method: 'POST',
      url: `/api/reports/${report.id}/evidence`,
      payload,
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        cookie: reporter.cookie,
        'x-csrf-token': reporter.csrf,
      },
    });
    expect(up.statusCode, up.body).toBe(201);
    const evidence = up.json<{ id: string; fileName: string }>();
    expect(evidence.fileName).not.toMatch(/[\u202e<>]/);
    expect(evidence.fileName).toMatch(/^fdp\.exe_img data-xss src=x onerror=.*\.pdf$/);
    const down = await call(h, admin, 'GET', `/api/evidence/${evidence.id}`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['x-injected']).toBeUndefined();
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    const disposition = String(down.headers['content-disposition']);
    // Printable ASCII only: no CR LF to start a header of its own, nothing for a client to misread.
    expect(disposition).toMatch(/^[\x20-\x7e]+$/);
    const star = /filename\*=UTF-8''([^;]+)/.exec(disposition)![1]!;
    expect(decodeURIComponent(star)).toBe(evidence.fileName);
  });

  it('documents of hostile text download as what they are, named safely', async () => {
    for (const [url, type] of [
      [`/api/ledger.xlsx?asOf=2022-06-30`, XLSX],
      [`/api/items/export.xlsx?asOf=2022-06-30`, XLSX],
      ['/api/findings/report.docx', DOCX],
      ['/api/findings/report.xlsx', XLSX],
      ['/api/audit/export.xlsx', XLSX],
    ] as const) {
      const r = await call(h, admin, 'GET', url);
      expect(r.statusCode, `${url}: ${r.body.slice(0, 200)}`).toBe(200);
      expect(r.headers['content-type'], url).toBe(type);
      expect(String(r.headers['content-disposition']), url).toMatch(
        /^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9%!._~-]+$/,
      );
    }
  });
});

describe('Content-Disposition of hostile names', () => {
  it.each([
    ['CR LF', 'a\r\nX-Injected: 1\r\n.pdf'],
    ['NUL and controls', 'a\u0000\u0007\u001b[31m.pdf'],
    ['an override', '\u202efdp.exe'],
    ['quotes and backslashes', '"; filename="evil.exe\\.pdf'],
    ['markup', `${XSS.img}.pdf`],
  ])('%s: one header line, plain ASCII, the name back from filename*', (_what, name) => {
    const header = attachmentDisposition(name);
    expect(header).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%!._~-]+$/);
    expect(header.match(/filename="/g)).toHaveLength(1);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(header)![1]!)).toBe(name);
  });
});
