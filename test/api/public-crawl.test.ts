import { randomUUID } from 'node:crypto';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLedger, LedgerCache } from '../../src/services/ledger.service.js';
import { ENGINES } from '../helpers/test-database.js';
import { content, currentItem, insertReport } from '../helpers/report-rows.js';
import { call, login, openHarness, PASSWORD, type Harness, type Session } from './harness.js';

/**
 * "Nothing that is not explicitly published ever appears" (issue 5), checked the way a scraper
 * would look: on a database holding drafts, submitted and returned reports with their text and
 * the office's comments, approved reports' own words, evidence files, co-units' contributions,
 * users, a withdrawn period, an unpublished summary and a draft bulletin — each carrying a
 * distinctive marker — the test follows every link of the public site from the index (pages,
 * the language switch, status filters, QR codes, short links, the feed's links, the bulletins'
 * documents) and requires that no marker, and no private field name, appears in any response.
 * It also requires that what was published (a public summary) does appear, and that every kind
 * of page was reached: a crawl that saw nothing would otherwise pass.
 */

const PRIVATE = {
  draftNarrative: 'PRIV-DRAFT-NARRATIVE-4f1',
  submittedNarrative: 'PRIV-SUBMITTED-NARRATIVE-8a2',
  returnedNarrative: 'PRIV-RETURNED-NARRATIVE-1c9',
  returnComment: 'PRIV-RETURN-COMMENT-77d',
  riskReasonUnapproved: 'PRIV-RISK-UNAPPROVED-0b3',
  achievementEvidence: 'PRIV-ACH-EVIDENCE-5e6',
  evidenceFile: 'PRIV-EVIDENCE-FILE-2d8.pdf',
  contribution: 'PRIV-CONTRIBUTION-9f0',
  username: 'privliaison93',
  displayName: 'PRIV-DISPLAY-NAME-3a7',
  publisher: 'privpublisher61',
  withdrawnSummary: 'PRIV-WITHDRAWN-SUMMARY-6c4',
  unpublishedSummary: 'PRIV-UNPUBLISHED-SUMMARY-e12',
  draftOpening: 'PRIV-DRAFT-OPENING-a90',
  sourceFile: 'sanmen-2022.txt',
} as const;
/**
 * Report text the office approved: private on every page. A published bulletin (.docx) is the
 * office's own document and may quote it (docs/publishing.md): only there is it allowed.
 */
const APPROVED = { narrative: 'PRIV-APPROVED-NARRATIVE-d55', riskReason: 'PRIV-APPROVED-RISK-REASON-0c7' };
const PUBLISHED_SUMMARY = 'PUB-SUMMARY-MARK-b31';
/** Names of private fields: none belongs in a page, a feed or a QR code. */
const PRIVATE_FIELDS = [
  'narrative',
  'reviewComment',
  'review_comment',
  'evidence',
  'username',
  'displayName',
  'passwordHash',
  'csrf',
  'publishedBy',
  'createdBy',
];

interface Fetched {
  url: string;
  status: number;
  type: string;
  text: string;
  setCookie: boolean;
}

describe.each(ENGINES)('crawling the public site on %s', (engine) => {
  let h: Harness;
  let office: Session;
  let pages: Fetched[];

  beforeAll(async () => {
    h = await openHarness(engine, { env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    await seedPrivate(h);
    const admin = await login(h, 'admin');
    await call(h, admin, 'POST', '/api/users', {
      body: { username: PRIVATE.publisher, displayName: '政务公开管理员', role: 'admin', password: PASSWORD },
    });
    office = await login(h, PRIVATE.publisher);
    await publishAll(h, office);
    pages = await crawl(h, `/public/${h.orgId}/`);
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  it('reaches every kind of public page', () => {
    const ok = pages.filter((p) => p.status === 200);
    const kinds = {
      index: /\/public\/[^/]+\/(\?lang=en-US)?$/,
      period: /\/periods\/2022-05\/(\?lang=en-US)?$/,
      filter: /\/periods\/2022-05\/\?status=red/,
      item: /\/periods\/2022-0[45]\/items\/[^/?]+(\?lang=en-US)?$/,
      qr: /\/qr\.svg$/,
      scoreboard: /\/periods\/2022-05\/scoreboard/,
      bulletins: /\/bulletins(\?lang=en-US)?$/,
      docx: /\/bulletins\/[^/]+\.docx$/,
      feed: /\/feed\.atom/,
      css: /\/public\/assets\/portal\.[0-9a-f]+\.css$/,
      short: /^\/s\/[a-z0-9]{7}$/,
      english: /lang=en-US/,
    };
    for (const [kind, re] of Object.entries(kinds)) {
      expect(
        pages.some((p) => re.test(p.url) && (p.status === 200 || p.status === 302)),
        kind,
      ).toBe(true);
    }
    expect(ok.filter((p) => /\/items\/[^/?]+$/.test(p.url)).length).toBeGreaterThan(100);
    expect(pages.filter((p) => p.status >= 500)).toEqual([]);
  });

  it('finds what was published (the check can see a summary when it is public)', () => {
    const hits = pages.filter((p) => p.text.includes(PUBLISHED_SUMMARY));
    expect(hits.length).toBeGreaterThan(0);
  });

  it('finds no private marker and no private field name in any response', () => {
    const leaks: string[] = [];
    for (const p of pages) {
      const markers = p.type.includes('wordprocessingml')
        ? Object.values(PRIVATE)
        : [...Object.values(PRIVATE), ...Object.values(APPROVED)];
      for (const m of markers) if (p.text.includes(m)) leaks.push(`${p.url}: ${m}`);
      if (!p.type.includes('wordprocessingml')) {
        for (const f of PRIVATE_FIELDS) if (p.text.includes(f)) leaks.push(`${p.url}: field ${f}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('sets no cookie anywhere', () => {
    expect(pages.length).toBeGreaterThan(100);
    expect(pages.filter((p) => p.setCookie).map((p) => p.url)).toEqual([]);
  });
});

/** Follows every same-site link breadth-first; documents are unzipped so their text is checked. */
async function crawl(h: Harness, start: string): Promise<Fetched[]> {
  const seen = new Set<string>([start]);
  const queue = [start];
  const out: Fetched[] = [];
  while (queue.length > 0) {
    const url = queue.shift()!;
    const r = await h.app.inject({ method: 'GET', url });
    const type = String(r.headers['content-type'] ?? '');
    const text = type.includes('wordprocessingml') ? docxText(r.rawPayload) : r.body;
    out.push({
      url,
      status: r.statusCode,
      type,
      text: text + JSON.stringify(r.headers),
      setCookie: r.headers['set-cookie'] !== undefined,
    });
    const next: string[] = [];
    if (r.statusCode >= 300 && r.statusCode < 400 && r.headers.location)
      next.push(String(r.headers.location));
    if (/html|xml|svg/.test(type)) {
      for (const m of r.body.matchAll(/(?:href|src)="([^"]+)"/g)) next.push(m[1]!.replace(/&amp;/g, '&'));
    }
    for (const link of next) {
      const path = link.replace(/^https?:\/\/localhost(:80)?/, '');
      if (!path.startsWith('/public/') && !path.startsWith('/s/')) continue;
      if (seen.has(path)) continue;
      seen.add(path);
      queue.push(path);
    }
    if (seen.size > 2000) throw new Error('crawl does not end');
  }
  return out;
}

function docxText(bytes: Buffer): string {
  const files = unzipSync(new Uint8Array(bytes));
  return Object.entries(files)
    .filter(([name]) => name.endsWith('.xml'))
    .map(([, b]) => strFromU8(b))
    .join('\n');
}

/** Everything the public must never see, written where the office and the units keep it. */
async function seedPrivate(h: Harness): Promise<void> {
  const db = h.t.db;
  const ledger = await loadLedger(db, new LedgerCache(), h.orgId);
  const agri = await h.unitId('县农业农村局');
  const led = ledger.items.filter((e) => e.lead?.id === agri && e.item.milestones.length > 0);
  const [a, b, c, d] = await Promise.all(
    led.slice(0, 4).map((e) => currentItem(db, h.orgId, e.item.number!)),
  );
  const ach = (n: number) =>
    Object.fromEntries(
      Array.from({ length: n }, (_, i) => [
        i,
        {
          reached: true,
          reachedOn: '2022-04-10',
          evidence: PRIVATE.achievementEvidence,
        },
      ]),
    );
  await insertReport(db, h.orgId, {
    item: a!,
    period: '2022-04',
    unitId: agri,
    content: content(a!, {
      milestones: { 0: { state: 'at_risk', reason: APPROVED.riskReason } },
      achievements: ach(a!.achievements),
      narrative: APPROVED.narrative,
    }),
    steps: [
      ['submit', '2022-04-20T02:00:00.000Z'],
      ['approve', '2022-04-21T02:00:00.000Z'],
    ],
  });
  const draft = await insertReport(db, h.orgId, {
    item: b!,
    period: '2022-05',
    unitId: agri,
    content: content(b!, { narrative: PRIVATE.draftNarrative }),
    steps: [],
  });
  await insertReport(db, h.orgId, {
    item: c!,
    period: '2022-05',
    unitId: agri,
    content: content(c!, {
      milestones: { 0: { state: 'at_risk', reason: PRIVATE.riskReasonUnapproved } },
      narrative: PRIVATE.submittedNarrative,
    }),
    steps: [['submit', '2022-05-20T02:00:00.000Z']],
  });
  const returned = await insertReport(db, h.orgId, {
    item: d!,
    period: '2022-05',
    unitId: agri,
    content: content(d!, { narrative: PRIVATE.returnedNarrative }),
    steps: [
      ['submit', '2022-05-20T02:00:00.000Z'],
      ['return', '2022-05-21T02:00:00.000Z'],
    ],
  });
  await db.kysely
    .updateTable('reports')
    .set({ review_comment: PRIVATE.returnComment })
    .where('org_id', '=', h.orgId)
    .where('id', '=', returned)
    .execute();
  await db.kysely
    .insertInto('evidence')
    .values({
      org_id: h.orgId,
      id: randomUUID(),
      report_id: draft,
      unit_id: agri,
      sha256: 'f'.repeat(64),
      file_name: PRIVATE.evidenceFile,
      mime: 'application/pdf',
      bytes: 1234,
      uploaded_at: '2022-05-10T02:00:00.000Z',
      uploaded_by: PRIVATE.username,
    })
    .execute();
  await db.kysely
    .insertInto('report_contributions')
    .values({
      org_id: h.orgId,
      report_id: draft,
      unit_id: await h.unitId('县金融中心'),
      narrative: PRIVATE.contribution,
      revision: 1,
      updated_at: '2022-05-10T02:00:00.000Z',
      updated_by: 'jinrong',
    })
    .execute();
  const admin = await login(h, 'admin');
  await call(h, admin, 'POST', '/api/users', {
    body: {
      username: PRIVATE.username,
      displayName: PRIVATE.displayName,
      role: 'reporter',
      unitId: agri,
      password: PASSWORD,
    },
  });
}

async function publishAll(h: Harness, office: Session): Promise<void> {
  const ledger = await loadLedger(h.t.db, new LedgerCache(), h.orgId);
  const key = (n: number) => ledger.items.find((e) => e.item.number === n)!.itemKey;
  const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
    const r = await p;
    expect(r.statusCode, r.body).toBeLessThan(300);
    return r;
  };
  const summary = (period: string, n: number, text: string) =>
    ok(call(h, office, 'PUT', `/api/publications/${period}/summaries/${key(n)}`, { body: { text } }));
  const publish = (period: string, includeScoreboard: boolean) =>
    ok(call(h, office, 'POST', `/api/publications/${period}/publish`, { body: { includeScoreboard } }));

  // A withdrawn period: its content is never served again.
  await summary('2022-03', 2, PRIVATE.withdrawnSummary);
  await publish('2022-03', true);
  await ok(call(h, office, 'POST', '/api/publications/2022-03/withdraw'));

  // A published bulletin of May, and a draft of June with its own opening.
  const may = await ok(call(h, office, 'POST', '/api/bulletins', { body: { period: '2022-05' } }));
  await ok(call(h, office, 'POST', `/api/bulletins/${JSON.parse(may.body).id as string}/publish`));
  await ok(
    call(h, office, 'POST', '/api/bulletins', { body: { period: '2022-06', opening: PRIVATE.draftOpening } }),
  );

  await summary('2022-05', 1, PUBLISHED_SUMMARY);
  await publish('2022-05', true);
  await publish('2022-04', false);
  // Written after publishing, not republished: not public.
  await summary('2022-05', 3, PRIVATE.unpublishedSummary);
}
