import { performance } from 'node:perf_hooks';
import { normalizeDocument } from '../src/domain/normalize.js';
import type { Item } from '../src/domain/plan.js';
import { readTextTable } from '../src/readers/text-table.reader.js';
import { computeBulletin } from '../src/services/generate-bulletin.service.js';
import { importPlan } from '../src/services/import-plan.service.js';
import { loadLedger, LedgerCache } from '../src/services/ledger.service.js';
import { writeBulletinDocx } from '../src/writers/bulletin-docx.js';
import { content, currentItem, insertReport } from '../test/helpers/report-rows.js';
import { openTestDatabase } from '../test/helpers/test-database.js';
import { collectGarbage, round, summarize, type BenchResult } from './bench-support.js';
import { generateProvince } from './province-generator.js';

/**
 * The period bulletin of one county plan of `items` items (generated from the seed, stored in a
 * fresh SQLite database, with three months of approved reports for every other item): its
 * content computed from the kept snapshots and the reports, then the .docx with both charts drawn
 * on the server (ECharts SSR → SVG → resvg → PNG). The first run pays for loading the chart and
 * font machinery once per process; the target is the warm median.
 */

export interface BulletinBenchOptions {
  items: number;
  runs: number;
  targetMs: number;
}

const PERIOD = '2022-06';

export async function runBulletinBench(o: BulletinBenchOptions): Promise<BenchResult> {
  const [plan] = generateProvince({ counties: 1, itemsPerPlan: o.items, seed: 7 });
  const doc = normalizeDocument(readTextTable(plan!.text, plan!.name));
  const t = await openTestDatabase('sqlite');
  try {
    const imported = await importPlan(t.db, {
      plan: doc,
      org: plan!.county,
      file: { name: plan!.name, format: 'txt', sha256: 'bench' },
      now: new Date('2022-01-05T00:00:00Z'),
      actor: 'bench',
    });
    const orgId = imported.orgId!;
    await reportEveryOtherItem(t.db, orgId, doc.items);
    const ledger = await loadLedger(t.db, new LedgerCache(), orgId);
    const clock = { today: '2022-06-30', at: '2022-06-30T02:00:00.000Z', actor: 'bench' };

    const once = async () => {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const bulletin = await computeBulletin(t.db, ledger, PERIOD, clock, 'zh-CN');
      const t1 = performance.now();
      const { bytes, warnings } = await writeBulletinDocx(bulletin, { redHead: true, issuer: '县改革办' });
      const cpu = process.cpuUsage(cpu0);
      return {
        ms: performance.now() - t0,
        contentMs: t1 - t0,
        cpuMs: (cpu.user + cpu.system) / 1000,
        bytes: bytes.length,
        warnings,
      };
    };
    const cold = await once();
    const warm: Awaited<ReturnType<typeof once>>[] = [];
    for (let i = 0; i < o.runs; i++) {
      collectGarbage();
      warm.push(await once());
    }
    const total = summarize(warm.map((r) => r.ms));
    const contentStats = summarize(warm.map((r) => r.contentMs));
    const cpu = summarize(warm.map((r) => r.cpuMs));
    return {
      name: `bulletin .docx with charts (${ledger.items.length} items)`,
      target: `< ${o.targetMs} ms (warm median)`,
      value: round(total.median, 1),
      unit: 'ms',
      met: total.median < o.targetMs,
      details: {
        runs: o.runs,
        coldMs: round(cold.ms, 1),
        p95Ms: round(total.p95, 1),
        minMs: round(total.min, 1),
        contentMedianMs: round(contentStats.median, 1),
        cpuMedianMs: round(cpu.median, 1),
        docxKB: round(warm[0]!.bytes / 1024, 1),
        warnings: cold.warnings,
      },
    };
  } finally {
    await t.cleanup();
  }
}

/** March to May reports, approved a few days before each due date, for every other item. */
async function reportEveryOtherItem(db: Parameters<typeof currentItem>[0], orgId: string, items: Item[]) {
  const units = new Map(
    (await db.kysely.selectFrom('units').select(['id', 'name']).where('org_id', '=', orgId).execute()).map(
      (u) => [u.name, u.id],
    ),
  );
  for (const [i, it] of items.entries()) {
    const lead = it.units.find((u) => u.role === 'lead');
    if (i % 2 === 1 || it.number === null || !lead || !units.has(lead.canonical)) continue;
    const item = await currentItem(db, orgId, it.number);
    for (const month of ['03', '04', '05']) {
      const due = it.milestones.findIndex((m) => m.deadline <= `2022-${month}-31`);
      await insertReport(db, orgId, {
        item,
        period: `2022-${month}`,
        unitId: units.get(lead.canonical)!,
        content: content(item, {
          milestones: due >= 0 ? { [due]: { state: 'done', doneOn: `2022-${month}-15` } } : {},
          narrative: `${it.title}：${month}月份按计划推进。`,
        }),
        steps: [
          ['submit', `2022-${month}-18T02:00:00.000Z`],
          ['approve', `2022-${month}-20T02:00:00.000Z`],
        ],
      });
    }
  }
}
